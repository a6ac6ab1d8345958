/**
 * One entry point for a file a user brings: it tells incidents from statistics by the columns it
 * finds, and reads the file with the reader of that kind.
 */
import type { FileReport, Statistic } from '../types.ts';
import { applyMapping, tableKind, type ColumnMapping } from './columns.ts';
import { readUserIncidents, type UserIncident, type UserIncidentOptions } from './read-incidents.ts';
import { readUserStatistics, type UserStatisticOptions } from './read-statistics.ts';
import type { UserReadResult } from './rows.ts';
import { readTable } from './table.ts';

export type UserFile =
  | ({ kind: 'incidents' } & UserReadResult<UserIncident>)
  | ({ kind: 'statistics' } & UserReadResult<Statistic>)
  | { kind: null; report: FileReport; mapping: ColumnMapping; warnings: string[] };

export type UserFileOptions = UserIncidentOptions &
  UserStatisticOptions & {
    /** Read as this kind whatever the columns say. */
    kind?: 'incidents' | 'statistics';
  };

/**
 * Reads a user's file as incidents (it has coordinates or a date) or statistics (a value with a
 * region or city). A file that is neither has every row rejected with the reason, so that the
 * report still accounts for each row.
 *
 * @example
 * const file = readUserFile('convictions.csv', bytes, { unitAt });
 * if (file.kind === 'statistics') file.records; // Statistic[]
 */
export function readUserFile(fileName: string, bytes: Uint8Array, options: UserFileOptions = {}): UserFile {
  const table = options.table ?? readTable(bytes, options);
  const mapping = applyMapping(table.header, options.overrides);
  const kind = options.kind ?? tableKind(mapping);
  if (kind === 'incidents') return { kind, ...readUserIncidents(fileName, bytes, options) };
  if (kind === 'statistics') return { kind, ...readUserStatistics(fileName, bytes, options) };
  const reason =
    'cannot tell what the file holds: it has no coordinates, no date, and no value with a region; say which column is which';
  const rejected = table.rows.map((r) => ({ row: r.line, field: '(file)', reason }));
  return {
    kind: null,
    report: { file: fileName, rows: table.rows.length, accepted: 0, rejected },
    mapping,
    warnings: table.warnings,
  };
}
