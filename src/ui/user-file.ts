/**
 * What the data import panel shows of a user's file beyond the reader's result, as pure functions:
 * the file's columns (read from its first lines), the column table with the field each column is
 * read as, the corrections that re-assigning a column makes, the event types the atlas could not
 * place, the rejected rows as a formula-safe CSV of the original cells, and the record kept in
 * IndexedDB. The reading itself runs in the worker (`state/user-data-client.ts`).
 */
import type { UserFile } from '../core/userdata/read-user-file.ts';
import type { WorkbookFacts, WorkbookOptions } from '../core/userdata/workbook.ts';
import { columnLetters } from '../core/parse/xlsx-sniff.ts';
import { NAMES } from '../core/userdata/column-names.ts';
import type { AtlasField, ColumnMapping, ColumnOverrides } from '../core/userdata/columns.ts';
import { readTable } from '../core/userdata/table.ts';
import type { Rejection } from '../core/types.ts';
import { toSafeCsv, type CsvValue } from '../core/export/csv.ts';
import type { StoredBulk, StoredDataset } from '../state/dataset-store.ts';

/** The options the import panel passes to the worker (the worker adds `unitAt` and progress). */
export type ReadOptions = Omit<WorkbookOptions, 'unitAt' | 'onProgress'>;

/** Every field of the atlas a column can be read as, in the reader's order. */
export const ATLAS_FIELDS: readonly AtlasField[] = [...new Set(NAMES.map(([field]) => field))];

/** How much of a file's start is read for its header: ample for ten title lines and a header. */
const HEADER_BYTES = 64 * 1024;

/**
 * The file's columns as the reader finds them (past any title lines), read from its first bytes
 * only, so that a file of a million rows is not parsed on the main thread. The cut is made after
 * a line end (in UTF-16 after both bytes of it).
 */
export function fileHeader(bytes: Uint8Array, overrides: ColumnOverrides = {}): string[] {
  let end = bytes.length;
  if (bytes.length > HEADER_BYTES) {
    const newline = bytes.subarray(0, HEADER_BYTES).lastIndexOf(0x0a);
    end = newline < 0 ? HEADER_BYTES : bytes[newline + 1] === 0 ? newline + 2 : newline + 1;
  }
  return readTable(bytes.subarray(0, end), { overrides }).header;
}

/** One line of the column table: a column of the file and the field it is read as. */
export interface ColumnRow {
  column: string;
  index: number;
  field: AtlasField | null;
  confidence: number | null;
  by: 'name' | 'user' | null;
}

/** The file's columns in order, each with the field the reader took it as (or none). */
export function columnRows(header: readonly string[], mapping: ColumnMapping): ColumnRow[] {
  const byIndex = new Map(
    (Object.entries(mapping) as [AtlasField, NonNullable<ColumnMapping[AtlasField]>][]).map(([field, m]) => [
      m.index,
      { field, m },
    ]),
  );
  return header.map((column, index) => {
    const mapped = byIndex.get(index);
    return {
      column,
      index,
      field: mapped?.field ?? null,
      confidence: mapped?.m.confidence ?? null,
      by: mapped?.m.by ?? null,
    };
  });
}

/**
 * The corrections after the user says that `column` holds `field` (null: read it as nothing).
 * The field the column held before is left unread, so that the reader does not guess it back.
 *
 * @example reassign({}, mapping, 'Регион', 'place') // { region: null, place: 'Регион' }
 */
export function reassign(
  overrides: ColumnOverrides,
  mapping: ColumnMapping,
  column: string,
  field: AtlasField | null,
): ColumnOverrides {
  const next: ColumnOverrides = { ...overrides };
  const before = (Object.entries(mapping) as [AtlasField, { column: string }][]).find(([, m]) => m.column === column);
  if (before && before[0] !== field) next[before[0]] = null;
  for (const [f, c] of Object.entries(next) as [AtlasField, string | null][]) {
    if (c === column && f !== field) next[f] = null;
  }
  if (field) next[field] = column;
  return next;
}

const UNKNOWN_TYPE = /event type "(.*?)" has no atlas category/g;

/**
 * The event types the reader could not place, as its rejections name them (`Strategic
 * developments / Agreement`), each once, in the order first met. Choosing a category for one is
 * passed back to the reader as `categories`.
 */
export function unknownEventTypes(rejected: readonly Rejection[]): string[] {
  const types = new Set<string>();
  for (const r of rejected) for (const match of r.reason.matchAll(UNKNOWN_TYPE)) types.add(match[1]!);
  return [...types];
}

/** A column name made unique among `taken`: `Примечание`, `Примечание (2)`, … */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  taken.add(candidate);
  return candidate;
}

/**
 * The rejected rows as CSV: the file's header and each rejected row's original cells, with a
 * `reason` column, formula-like cells neutralised (`toSafeCsv`). The file is split again the way
 * the reader split it (same header search, same corrections), so the rows are exactly the
 * rejected ones; cells past the header's last column keep their place in extra columns.
 */
export function rejectedRowsCsv(
  bytes: Uint8Array,
  options: ReadOptions,
  rejected: readonly Rejection[],
): { csv: string; rows: number } {
  const table = readTable(bytes, { ...(options.overrides ? { overrides: options.overrides } : {}) });
  const reasons = new Map(rejected.map((r) => [r.row, r]));
  const rows = table.rows.filter((row) => reasons.has(row.line));
  const width = Math.max(table.header.length, ...rows.map((r) => r.cells.length));
  const taken = new Set<string>();
  const columns = Array.from({ length: width }, (_, i) => unique(table.header[i] || `(column ${i + 1})`, taken));
  const reason = unique('reason', taken);
  const records = rows.map((row) => {
    const record: Record<string, CsvValue> = {};
    columns.forEach((column, i) => (record[column] = row.cells[i] ?? null));
    const rejection = reasons.get(row.line)!;
    record[reason] = `${rejection.field}: ${rejection.reason}`;
    return record;
  });
  return { csv: toSafeCsv(records, [...columns, reason]), rows: records.length };
}

/**
 * A workbook's rejected rows as CSV: a `row` column with the sheet's row number, the sheet's cells
 * (under the table's header, or the sheet's column letters for a form sheet) and the reason.
 */
export function rejectedSheetRowsCsv(
  facts: WorkbookFacts,
  rejected: readonly Rejection[],
): { csv: string; rows: number } {
  const cells = new Map(facts.rejectedRows.map((r) => [r.line, r.cells]));
  const width = Math.max(facts.header.length, ...facts.rejectedRows.map((r) => r.cells.length));
  const taken = new Set<string>(['row']);
  const columns = Array.from({ length: width }, (_, i) =>
    unique(facts.header[i] || `(column ${columnLetters(i)})`, taken),
  );
  const reason = unique('reason', taken);
  const records = rejected.map((r) => {
    const record: Record<string, CsvValue> = { row: r.row };
    columns.forEach((column, i) => (record[column] = cells.get(r.row)?.[i] ?? null));
    record[reason] = `${r.field}: ${r.reason}`;
    return record;
  });
  return { csv: toSafeCsv(records, ['row', ...columns, reason]), rows: records.length };
}

/** `convictions.csv` → `convictions-rejected.csv`. */
export function rejectedFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}-rejected.csv`;
}

/** The record kept in IndexedDB for a file read as incidents or statistics; null for a file of neither. */
export function datasetOf(
  file: UserFile & { bulk?: StoredBulk },
  fileName: string,
  id: string,
  addedAt: string,
): StoredDataset | null {
  if (file.kind === null) return null;
  return {
    id,
    fileName,
    addedAt,
    kind: file.kind,
    visible: true,
    incidents: file.kind === 'incidents' ? file.records : [],
    statistics: file.kind === 'statistics' ? file.records : [],
    ...(file.bulk ? { bulk: file.bulk } : {}),
    report: file.report,
    warnings: file.warnings,
  };
}
