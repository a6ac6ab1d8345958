import type { Statistic } from '../types.ts';
import { articleKey, articleLabel, NO_ARTICLE } from '../data/articles.ts';
import { compareText } from '../compare.ts';

/** One table of a source: one metric, article and period, with its national total and breakdown. */
export interface StatSeries {
  id: string;
  metric: string;
  articleKey: string;
  articleLabel: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  /** The national figure the source gives, if any; it stays national whatever the breakdown. */
  national: Statistic | null;
  /** Figures for units (level region) and cities (level city). */
  figures: Statistic[];
  coverage: 'complete' | 'named_only';
  sourceIds: string[];
  /** A series of a part of the curated data not yet read (state/atlas.svelte.ts): no figures yet. */
  pending?: boolean;
}

export const METRIC_LABELS: Record<string, string> = {
  convicted_persons: 'Persons convicted',
  criminal_offences: 'Criminal offences recorded',
  court_cases: 'Cases considered by courts',
  terrorist_offences: "Terrorist offences recorded (prosecutors' grouping)",
  extremist_offences: "Extremist offences recorded (prosecutors' grouping)",
  incidents: 'Incidents in this atlas',
};

/**
 * Gathers statistic rows into series by their `series` id. The first row's metric, article and
 * period describe the series; rows of one series must agree on them (checked by the data tests).
 */
export function buildSeries(statistics: readonly Statistic[]): StatSeries[] {
  const groups = new Map<string, Statistic[]>();
  for (const s of statistics) groups.set(s.series, [...(groups.get(s.series) ?? []), s]);
  return [...groups]
    .map(([id, rows]): StatSeries => {
      const first = rows[0]!;
      const ref = { edition: first.codeEdition as '1997' | '2014', article: first.article, part: first.part };
      return {
        id,
        metric: first.metric,
        articleKey: articleKey(ref),
        articleLabel: articleLabel(ref),
        periodStart: first.periodStart,
        periodEnd: first.periodEnd,
        periodLabel: first.periodLabel,
        national: rows.find((r) => r.level === 'national') ?? null,
        figures: rows.filter((r) => r.level !== 'national'),
        coverage: rows.some((r) => r.level !== 'national' && r.coverage === 'complete') ? 'complete' : 'named_only',
        sourceIds: [...new Set(rows.map((r) => r.sourceId))],
      };
    })
    .sort(
      (a, b) =>
        compareText(a.periodStart, b.periodStart) || compareText(a.articleKey, b.articleKey) || compareText(a.id, b.id),
    );
}

/** `Persons convicted, Art. 256 part 2 (2014 code), 2017`; `Criminal offences recorded, 2022` for no single article. */
export function seriesTitle(series: StatSeries): string {
  const metric = METRIC_LABELS[series.metric] ?? series.metric;
  if (series.articleKey.endsWith(NO_ARTICLE)) return `${metric}, ${series.periodLabel}`;
  return `${metric}, ${series.articleLabel}, ${series.periodLabel}`;
}

/**
 * The part of an exact national total that the source does not itemise: "74 nationally; 36 in
 * three cities of republican significance and 12 in five other cities, so 26 elsewhere". City
 * figures count only where their region has no figure of its own, so nothing is counted twice.
 * Null when there is nothing to say (no exact national figure, a complete breakdown, inexact
 * parts).
 *
 * @param regionOfPlace the unit a city lies in during the series' period
 */
export function notItemised(series: StatSeries, regionOfPlace: (placeId: string) => string | null): number | null {
  const national = series.national?.value;
  if (!national || national.qualifier !== 'exact' || series.coverage === 'complete') return null;
  const regional = series.figures.filter((f) => f.level === 'region');
  const covered = new Set(regional.map((f) => f.unit));
  const cities = series.figures.filter((f) => f.level === 'city' && f.place && !covered.has(regionOfPlace(f.place)));
  const parts = [...regional, ...cities];
  if (parts.some((f) => f.value.qualifier !== 'exact')) return null;
  const rest = national.value - parts.reduce((sum, f) => sum + f.value.value, 0);
  return rest > 0 ? rest : null;
}
