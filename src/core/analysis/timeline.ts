import type { AtlasEvent } from './events.ts';

/** Incidents of one year: by month where the month is known, and those known only to the year. */
export interface YearBin {
  year: number;
  total: number;
  /** Twelve counts, January first, for incidents dated to a day or a month. */
  byMonth: number[];
  /** Incidents dated only to this year (or to a period inside it): never counted in January. */
  yearOnly: number;
}

export interface Timeline {
  bins: YearBin[];
  /** Incidents dated only to a period spanning several years: in no single bar, listed apart. */
  spanning: AtlasEvent[];
  /** More such incidents, of large files, counted but not listed. */
  spanningCount?: number;
}

/**
 * A histogram of incidents by year for the years given, with months where the date allows. Each
 * incident counts once, by the narrowest date all its sources allow: in its month if the month is
 * known, else in its year's "year only" part, else (a period over several years) apart from the bars.
 *
 * @example histogram(events, 2011, 2014).bins.map((b) => b.total) // [11, 0, 1, 2]
 */
export function histogram(events: readonly AtlasEvent[], from: number, to: number): Timeline {
  const bins = new Map<number, YearBin>();
  for (let year = from; year <= to; year++)
    bins.set(year, { year, total: 0, byMonth: Array(12).fill(0) as number[], yearOnly: 0 });
  const spanning: AtlasEvent[] = [];
  for (const event of events) {
    const start = event.narrowStart;
    const end = event.narrowEnd;
    const startYear = Number(start.slice(0, 4));
    const endYear = Number(end.slice(0, 4));
    if (startYear !== endYear) {
      if (startYear <= to && endYear >= from) spanning.push(event);
      continue;
    }
    const bin = bins.get(startYear);
    if (!bin) continue;
    bin.total++;
    const startMonth = start.slice(5, 7);
    if (startMonth === end.slice(5, 7)) bin.byMonth[Number(startMonth) - 1]!++;
    else bin.yearOnly++;
  }
  return { bins: [...bins.values()], spanning };
}
