import type { Statistic } from '../types.ts';
import type { Population } from '../data/population.ts';
import type { StatSeries } from './series.ts';
import type { Choropleth, CircleFigure, RegionFigure } from './choropleth.ts';

/** How far (in years) the population used for a rate may lie from the period it divides. */
export const MAX_POPULATION_GAP = 5;

export interface RateBasis {
  /** The year the populations are matched against (the middle year of the series' period). */
  year: number;
  /** Population per unit id used for the series. */
  byUnit: ReadonlyMap<string, Population>;
  /** Units with a figure but no population of a usable year: their rate is not computed. */
  missing: string[];
  /** Years of the populations used, for the legend ("per 100,000 people, 2021 census"). */
  years: number[];
}

/**
 * The year whose population a period is divided by: the middle year of the period (rounded down),
 * so that 2017 uses 2017 and 2011–2019 uses 2015. A period given by its start alone uses its start.
 */
export function referenceYear(periodStart: string, periodEnd?: string): number {
  const start = Number(periodStart.slice(0, 4));
  const end = periodEnd ? Number(periodEnd.slice(0, 4)) : start;
  return Math.floor((start + end) / 2);
}

/**
 * A unit's population of the year nearest to `year`, at most `maxGap` years away, preferring a
 * census to an estimate of the same distance, then the earlier year; undefined when there is none.
 * National rows are never a unit's population.
 */
export function nearestPopulation(
  unit: string,
  year: number,
  populations: readonly Population[],
  maxGap = MAX_POPULATION_GAP,
): Population | undefined {
  const rank = (p: Population) => [Math.abs(p.year - year), p.kind === 'census' ? 0 : 1, p.year] as const;
  let best: Population | undefined;
  for (const p of populations) {
    if (p.level === 'national' || p.unit !== unit || Math.abs(p.year - year) > maxGap) continue;
    if (!best) {
      best = p;
      continue;
    }
    const [a, b] = [rank(p), rank(best)];
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best = p;
  }
  return best;
}

/**
 * The population to divide a series' figures by: for each unit, the figure of the nearest year to
 * the series' reference year (at most `maxGap` years away), preferring a census to an estimate of
 * the same year. Units without one are listed, never given a guessed population.
 */
export function rateBasis(
  series: StatSeries,
  populations: readonly Population[],
  maxGap = MAX_POPULATION_GAP,
): RateBasis {
  const year = referenceYear(series.periodStart, series.periodEnd);
  const byUnit = new Map<string, Population>();
  const missing: string[] = [];
  for (const figure of series.figures) {
    if (figure.level !== 'region' || !figure.unit || byUnit.has(figure.unit)) continue;
    const best = nearestPopulation(figure.unit, year, populations, maxGap);
    if (best) byUnit.set(figure.unit, best);
    else if (!missing.includes(figure.unit)) missing.push(figure.unit);
  }
  return { year, byUnit, missing, years: yearsOf(byUnit.values()) };
}

/** A count per 100,000 people, rounded to two decimals (as the legend and panels show it). */
export function per100k(count: number, population: number): number {
  return Math.round((count / population) * 100_000 * 100) / 100;
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
    const rate = per100k(f.value.value, population.population);
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

/** What one drawn unit's (or city unit's circle's) rate was computed from. */
export interface UnitRate {
  rate: number;
  /** The count drawn on the unit (several later units' figures summed on an earlier outline). */
  count: number;
  /** The population divided by: the sum of the populations of the units whose figures were summed. */
  population: number;
  populations: Population[];
}

/** The choropleth of counts turned into rates per 100,000, with what each rate rests on. */
export interface RateView {
  choropleth: Choropleth;
  /** The year populations were matched against. */
  year: number;
  /** By drawn unit id (and city unit id of a circle). */
  byUnit: ReadonlyMap<string, UnitRate>;
  /**
   * Drawn units that have a count but no population within the allowed gap: "rate not available",
   * drawn hatched like "not reported", never 0.
   */
  unavailable: string[];
  /** Every population used, once, for the legend. */
  populations: Population[];
  /** Years of the populations used. */
  years: number[];
  /** City figures (of a city, not a unit) left out: there is no population for a city. */
  citiesLeftOut: number;
}

/**
 * Rates per 100,000 people on the drawn units. The counts are joined first (so that the figures of
 * later units shown on an earlier unit's outline, Turkistan and Shymkent on South Kazakhstan, are
 * summed as counts) and each drawn unit's count is divided by the summed populations of the units
 * the counts came from. A unit lacking any of those populations gets no rate: it is listed in
 * `unavailable` and drawn like "not reported", never as 0. City figures have no population and are
 * left out; circles of cities of republican significance (units) show their rate.
 */
export function rateChoropleth(
  counts: Choropleth,
  series: StatSeries,
  populations: readonly Population[],
  maxGap = MAX_POPULATION_GAP,
): RateView {
  const year = referenceYear(series.periodStart, series.periodEnd);
  const population = (unit: string) => nearestPopulation(unit, year, populations, maxGap);
  const byUnit = new Map<string, UnitRate>();
  const unavailable: string[] = [];
  const used = new Map<string, Population>();

  const regions = counts.regions.map((region): RegionFigure => {
    if (region.value === null || region.status === 'not_reported') return region;
    const units = [...new Set(region.figures.flatMap((f) => (f.unit ? [f.unit] : [])))];
    const found = units.map(population);
    if (units.length === 0 || found.some((p) => p === undefined)) {
      unavailable.push(region.unit);
      return { ...region, status: 'not_reported', value: null };
    }
    const pops = found as Population[];
    const total = pops.reduce((sum, p) => sum + p.population, 0);
    const rate = per100k(region.value, total);
    byUnit.set(region.unit, { rate, count: region.value, population: total, populations: pops });
    for (const p of pops) used.set(p.id, p);
    return { ...region, value: rate };
  });

  let citiesLeftOut = 0;
  const circles = counts.circles.flatMap((circle): CircleFigure[] => {
    if (circle.level === 'city') {
      citiesLeftOut++;
      return [];
    }
    const p = population(circle.id);
    if (!p) return [];
    used.set(p.id, p);
    const rate = per100k(circle.value, p.population);
    if (!byUnit.has(circle.id))
      byUnit.set(circle.id, { rate, count: circle.value, population: p.population, populations: [p] });
    // The circle's label reads its figure's text: the rate, not the count.
    const figure = { ...circle.figure, value: { ...circle.figure.value, value: rate, text: String(rate) } };
    return [{ ...circle, value: rate, figure }];
  });

  const populationsUsed = [...used.values()];
  return {
    choropleth: { regions, circles, notes: counts.notes },
    year,
    byUnit,
    unavailable,
    populations: populationsUsed,
    years: yearsOf(populationsUsed),
    citiesLeftOut,
  };
}

function yearsOf(populations: Iterable<Population>): number[] {
  return [...new Set([...populations].map((p) => p.year))].sort((a, b) => a - b);
}
