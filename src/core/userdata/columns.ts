/**
 * Which column of a user's table holds which of the atlas's fields, guessed from the header in
 * English, Russian and Kazakh and from the column names of ACLED, GTD and UCDP GED; the user can
 * correct any guess.
 */

import { GENERIC, LONGEST_HEADER, NAMES, headerKey, type AtlasField } from './column-names.ts';

export type { AtlasField } from './column-names.ts';
export { headerKey } from './column-names.ts';

export interface MappedColumn {
  /** The header as written in the file. */
  column: string;
  /** Position of the column (headers may repeat a name). */
  index: number;
  /** 1 for a known column name, 0.8 for a generic one (`type`, `value`), 0.6 for a header containing one. */
  confidence: number;
  by: 'name' | 'user';
}

export type ColumnMapping = Partial<Record<AtlasField, MappedColumn>>;
/** The user's corrections: a field to a header, or null to leave a field unread. */
export type ColumnOverrides = Partial<Record<AtlasField, string | null>>;

/** How well a header fits one known name: exact, contained as whole words, or not at all. */
function fit(key: string, name: string): number {
  if (key === '') return 0;
  if (key === name) return GENERIC.has(name) ? 0.8 : 1;
  if (name.length < 4) return 0;
  return ` ${key} `.includes(` ${name} `) ? 0.6 : 0;
}

/**
 * Guesses the mapping from the headers, then applies the user's corrections. Every field takes at
 * most one column and every column serves at most one field; the surest pairs are taken first, and
 * of equally sure ones the better-known name (ACLED's `admin1` before its world `region`).
 *
 * @example applyMapping(['event_date', 'latitude', 'longitude', 'admin1']).region // { column: 'admin1', index: 3, confidence: 1, by: 'name' }
 * @example applyMapping(['Дата', 'Область', 'Кол-во'], { region: null }).region // undefined
 */
export function applyMapping(headers: readonly string[], overrides: ColumnOverrides = {}): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const [field, column] of Object.entries(overrides) as [AtlasField, string | null][]) {
    const index = column === null ? -1 : headers.indexOf(column);
    if (index < 0) continue;
    mapping[field] = { column: headers[index]!, index, confidence: 1, by: 'user' };
    taken.add(index);
  }
  const pairs = headers.flatMap((header, index) => {
    const key = header.length > LONGEST_HEADER ? '' : headerKey(header);
    return NAMES.map(([field, name], rank) => ({ field, index, rank, confidence: fit(key, name) }));
  });
  pairs
    .filter((p) => p.confidence > 0 && !(p.field in overrides))
    .sort((a, b) => b.confidence - a.confidence || a.rank - b.rank || a.index - b.index)
    .forEach(({ field, index, confidence }) => {
      if (mapping[field] || taken.has(index)) return;
      mapping[field] = { column: headers[index]!, index, confidence, by: 'name' };
      taken.add(index);
    });
  return mapping;
}

/** The atlas's best guess, without corrections. */
export const guessMapping = (headers: readonly string[]): ColumnMapping => applyMapping(headers);

/**
 * What a table holds, by its mapped columns: coordinates or a date make incidents, a value with a
 * region or city makes statistics. Null when neither.
 */
export function tableKind(mapping: ColumnMapping): 'incidents' | 'statistics' | null {
  if (mapping.latitude && mapping.longitude) return 'incidents';
  if (mapping.value && (mapping.region || mapping.place)) return 'statistics';
  if (mapping.date || (mapping.year && (mapping.month || mapping.category))) return 'incidents';
  return null;
}
