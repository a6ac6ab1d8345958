import type { IncidentCategory } from '../types.ts';
import type { AtlasEvent } from './events.ts';
import type { StatSeries } from './series.ts';
import { overlapsYears } from '../parse/dates.ts';

/** The user's filters: a year range and the categories and articles shown. */
export interface Filters {
  from: number;
  to: number;
  categories: ReadonlySet<IncidentCategory>;
  articles: ReadonlySet<string>;
}

/**
 * Events whose dates overlap the year range, in the chosen categories. An event known only to a
 * month or a period counts in every year it may fall in, never only in its first.
 */
export function eventsInView(events: readonly AtlasEvent[], filters: Filters): AtlasEvent[] {
  return events.filter(
    (e) => filters.categories.has(e.category) && overlapsYears(e.start, e.end, filters.from, filters.to),
  );
}

/** Statistic series whose period overlaps the year range, for the chosen articles. */
export function seriesInView(series: readonly StatSeries[], filters: Filters): StatSeries[] {
  return series.filter(
    (s) => filters.articles.has(s.articleKey) && overlapsYears(s.periodStart, s.periodEnd, filters.from, filters.to),
  );
}
