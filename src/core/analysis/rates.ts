import type { Statistic } from '../types.ts';
import type { Population } from '../data/population.ts';
import type { StatSeries } from './series.ts';

export interface RateBasis {
  /** Population per unit id used for the series. */
  byUnit: ReadonlyMap<string, Population>;
  /** Units with a figure but no population of a usable year: their rate is not computed. */
  missing: string[];
  /** Years of the populations used, for the legend ("per 100,000 people, 2021 census"). */
  years: number[];
}

/**
 * The population to divide a series' figures by: for each unit, the figure of the nearest year to
 * the series' period (at most `maxGap` years away), preferring a census to an estimate of the same
 * year. Units without one are listed, never given a guessed population.
 */
export function rateBasis(series: StatSeries, populations: readonly Population[], maxGap = 5): RateBasis {
  const year = Number(series.periodStart.slice(0, 4));
  const byUnit = new Map<string, Population>();
  const missing: string[] = [];
  for (const figure of series.figures) {
    if (figure.level !== 'region' || !figure.unit) continue;
    const candidates = populations
      .filter((p) => p.unit === figure.unit && Math.abs(p.year - year) <= maxGap)
      .sort(
        (a, b) =>
          Math.abs(a.year - year) - Math.abs(b.year - year) ||
          (a.kind === 'census' ? -1 : 1) - (b.kind === 'census' ? -1 : 1),
      );
    const best = candidates[0];
    if (best) byUnit.set(figure.unit, best);
    else missing.push(figure.unit);
  }
  return { byUnit, missing, years: [...new Set([...byUnit.values()].map((p) => p.year))].sort() };
}

/**
 * The series with each regional figure divided by its unit's population, per 100,000, rounded to
 * two decimals; figures without a population are left out (their unit is then "not reported" on
 * the rate map) and city figures are left out (cities have no population in the table). Derived.
 */
export function perHundredThousand(series: StatSeries, basis: RateBasis): StatSeries {
  const figures = series.figures.flatMap((f): Statistic[] => {
    const population = f.unit ? basis.byUnit.get(f.unit) : undefined;
    if (f.level !== 'region' || !population) return [];
    const rate = Math.round((f.value.value / population.population) * 100_000 * 100) / 100;
    return [
      {
        ...f,
        value: { value: rate, qualifier: f.value.qualifier, text: String(rate) },
        derived: true,
        derivation: `${f.value.text} ÷ ${population.population} people (${population.kind} ${population.year}) × 100,000`,
      },
    ];
  });
  return { ...series, id: `${series.id}:per100k`, figures, national: null };
}
