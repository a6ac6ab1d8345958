import type { Place, Source, Unit } from '../types.ts';
import type { StatSeries } from '../analysis/series.ts';
import type { AtlasEvent } from '../analysis/events.ts';
import { METRIC_LABELS } from '../analysis/series.ts';
import { formatCount } from '../parse/counts.ts';
import { formatEventDates } from './format.ts';

/** One row of the table view: display text per column, and a sort key per column. */
export interface TableRow {
  id: string;
  /** What selecting the row selects on the map (`unit:…`, `city:…`, `event:…`), or null. */
  select: string | null;
  cells: Record<string, string>;
  sort: Record<string, string | number>;
}

export interface TableGazetteer {
  unitById(id: string): Unit | undefined;
  placeById(id: string): Place | undefined;
}

export const STATISTIC_COLUMNS = ['where', 'level', 'measure', 'period', 'value', 'status', 'source'] as const;
export const INCIDENT_COLUMNS = [
  'date',
  'title',
  'category',
  'place',
  'killed',
  'injured',
  'arrested',
  'sources',
] as const;

/** Every figure of the statistics in view, national ones included, as table rows. */
export function statisticRows(
  series: readonly StatSeries[],
  gazetteer: TableGazetteer,
  sources: readonly Source[],
): TableRow[] {
  const sourceTitle = (id: string) => sources.find((s) => s.id === id)?.publisher ?? id;
  return series.flatMap((s) =>
    [...(s.national ? [s.national] : []), ...s.figures].map((f): TableRow => {
      const where =
        f.level === 'national'
          ? 'Kazakhstan'
          : f.unit
            ? (gazetteer.unitById(f.unit)?.short.en ?? f.unit)
            : (gazetteer.placeById(f.place ?? '')?.names.en ?? '');
      const measure = `${METRIC_LABELS[s.metric] ?? s.metric}, ${s.articleLabel}`;
      const status = f.derived ? 'derived' : 'stated';
      return {
        id: f.id,
        select:
          f.level === 'region' && f.unit ? `unit:${f.unit}` : f.level === 'city' && f.place ? `city:${f.place}` : null,
        cells: {
          where,
          level: f.level,
          measure,
          period: s.periodLabel,
          value: formatCount(f.value),
          status,
          source: sourceTitle(f.sourceId),
        },
        sort: {
          where,
          level: f.level,
          measure,
          period: s.periodStart,
          value: f.value.value,
          status,
          source: sourceTitle(f.sourceId),
        },
      };
    }),
  );
}

/** Every incident in view as table rows; disagreeing figures are all shown (`1 or 2`). */
export function incidentRows(
  events: readonly AtlasEvent[],
  gazetteer: TableGazetteer,
  categoryLabel: (c: string) => string,
): TableRow[] {
  return events.map((e): TableRow => {
    const counts = (values: { text: string }[]) => values.map((v) => v.text).join(' or ');
    const place = gazetteer.placeById(e.place)?.names.en ?? gazetteer.unitById(e.place)?.names.en ?? e.place;
    const first = (values: { value: number }[]) => values[0]?.value ?? -1;
    return {
      id: e.id,
      select: `event:${e.id}`,
      cells: {
        date: formatEventDates(e.statements),
        title: e.title,
        category: categoryLabel(e.category),
        place,
        killed: counts(e.killed),
        injured: counts(e.injured),
        arrested: counts(e.arrested),
        sources: String(e.statements.length),
      },
      sort: {
        date: e.start,
        title: e.title,
        category: categoryLabel(e.category),
        place,
        killed: first(e.killed),
        injured: first(e.injured),
        arrested: first(e.arrested),
        sources: e.statements.length,
      },
    };
  });
}

/**
 * Rows whose cells contain every word of the filter text (case-insensitive), sorted by a column.
 * Numbers sort as numbers; "not reported" (sort key -1) sorts below every figure.
 */
export function filterAndSort(
  rows: readonly TableRow[],
  text: string,
  column: string,
  descending: boolean,
): TableRow[] {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const kept = rows.filter((row) => {
    const haystack = Object.values(row.cells).join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const direction = descending ? -1 : 1;
  return [...kept].sort((a, b) => {
    const x = a.sort[column] ?? '';
    const y = b.sort[column] ?? '';
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order * direction || a.id.localeCompare(b.id);
  });
}
