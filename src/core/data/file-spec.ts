import { parseCsv } from '../parse/csv.ts';
import { readTable, type FileSpec, type ReadResult } from './read-table.ts';

export type { FileSpec, ReadResult } from './read-table.ts';

/**
 * Reads a data file of one kind. Every row ends up either in `records` or in `report.rejected`
 * (with its line, field and reason), so that rows = accepted + rejected always holds.
 */
export function readFile<R extends { id: string }, C>(
  file: string,
  text: string,
  spec: FileSpec<R, C>,
  context: C,
): ReadResult<R> {
  return readTable(file, parseCsv(text), spec, context);
}
