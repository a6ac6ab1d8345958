import type { FileReport, Rejection } from '../types.ts';
import type { CsvTable } from '../parse/csv.ts';
import { RowReader } from './row-reader.ts';

/** What a reader of one kind of data file needs: its columns and how to build a record. */
export interface FileSpec<R extends { id: string }, C> {
  kind: string;
  columns: readonly string[];
  /**
   * Columns of `columns` that a header may lack (added to the format later, so that files written
   * before still read); a missing optional column reads as blank.
   */
  optional?: readonly string[];
  build(reader: RowReader, line: number, context: C): R;
}

export interface ReadResult<R> {
  records: R[];
  report: FileReport;
  /** File-level remarks that reject nothing (e.g. columns the atlas does not read). */
  warnings: string[];
}

/**
 * Reads a data file of one kind from its parsed table (`parseCsv`). Every row ends up either in
 * `records` or in `report.rejected` (with its line, field and reason), so that rows = accepted +
 * rejected always holds. Free of the CSV parser, so that a page can read a table parsed elsewhere
 * (the curated files' digest, see digest.ts).
 */
export function readTable<R extends { id: string }, C>(
  file: string,
  table: CsvTable,
  spec: FileSpec<R, C>,
  context: C,
): ReadResult<R> {
  const missing = spec.columns.filter(
    (column) => !table.header.includes(column) && !(spec.optional ?? []).includes(column),
  );
  const extra = table.header.filter((column) => !spec.columns.includes(column));
  const warnings = [
    ...table.errors,
    ...extra.map((column) => `column "${column}" is not part of the ${spec.kind} format and is not read`),
  ];
  const records: R[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const reader = new RowReader(row);
    for (const column of missing) reader.fail(column, `column "${column}" is missing from the header`);
    if (row.width !== table.header.length) {
      reader.fail('(row)', `has ${row.width} cells but the header has ${table.header.length}`);
    }
    const record = spec.build(reader, row.line, context);
    const firstLine = seen.get(record.id);
    if (record.id !== '' && firstLine !== undefined) {
      reader.fail('id', `"${record.id}" is already used on line ${firstLine}`);
    }
    if (reader.errors.length > 0) {
      rejected.push(toRejection(row.line, reader.errors));
      continue;
    }
    seen.set(record.id, row.line);
    records.push(record);
  }
  return { records, report: { file, rows: table.rows.length, accepted: records.length, rejected }, warnings };
}

/** One entry per rejected row: the first failing field, and every reason. */
function toRejection(row: number, errors: { field: string; reason: string }[]): Rejection {
  const [first, ...rest] = errors;
  const reason = [first, ...rest].map((e) => (e === first ? e!.reason : `${e!.field} ${e!.reason}`)).join('; ');
  return { row, field: first?.field ?? '(row)', reason };
}
