import { compareText } from '../compare.ts';

/** One row of the table view: display text per column, and a sort key per column. */
export interface TableRow {
  id: string;
  /** What selecting the row selects on the map (`unit:…`, `city:…`, `event:…`), or null. */
  select: string | null;
  cells: Record<string, string>;
  sort: Record<string, string | number>;
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
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
    return order * direction || compareText(a.id, b.id);
  });
}
