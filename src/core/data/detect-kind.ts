import type { DatasetFiles } from './dataset.ts';

/** The column that only one kind of data file has, checked in this order. */
const TELLTALE: [keyof DatasetFiles, string][] = [
  ['incidents', 'date_start'],
  ['statistics', 'metric'],
  ['national', 'indicator'],
  ['population', 'population'],
  ['sources', 'seed_file'],
];

/**
 * Tells which kind of data file a header belongs to, so that `data:check` can be given any file
 * without saying what it is. Returns null for a header that fits none.
 */
export function detectKind(header: readonly string[]): keyof DatasetFiles | null {
  for (const [kind, column] of TELLTALE) if (header.includes(column)) return kind;
  return null;
}
