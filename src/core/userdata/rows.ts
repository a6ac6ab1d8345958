/**
 * The loop shared by the readers of users' files: every row becomes a record or a rejection with
 * its physical line, the column it concerns (as the file names it) and the reason, so that
 * rows read = accepted + rejected, whatever the row holds; even a row the reader chokes on is
 * rejected, never lost. A row with filled cells past the header's last column is rejected (its
 * cells have shifted); a shorter row reads its missing cells as blank, as tools drop trailing ones.
 */
import type { FileReport, Rejection } from '../types.ts';
import type { AtlasField } from './column-names.ts';
import type { ColumnMapping } from './columns.ts';
import type { TextEncodingName } from './decode.ts';
import type { Delimiter } from './sniff.ts';
import type { UserTable } from './table.ts';

/** What a row builder sees of one row. */
export interface RowContext {
  line: number;
  /** The trimmed cell of a mapped field; '' when the field has no column or the cell is blank. */
  cell(field: AtlasField): string;
  has(field: AtlasField): boolean;
  /** The column's name as the file writes it, or the field's name when no column holds it. */
  column(field: AtlasField): string;
  fail(field: AtlasField | '(row)' | '(file)', reason: string): void;
  /** A remark about this line; similar remarks beyond the tenth are counted, not repeated. */
  warn(kind: string, message: string): void;
}

export interface UserReadResult<R> {
  records: R[];
  /** Rejected rows, by line (header = 1). */
  rejected: Rejection[];
  report: FileReport;
  mapping: ColumnMapping;
  encoding: TextEncodingName;
  delimiter: Delimiter;
  decimalComma: boolean;
  warnings: string[];
}

/** Called every PROGRESS_EVERY rows (and at the end) with rows read so far and the total. */
export type Progress = (done: number, total: number) => void;
const PROGRESS_EVERY = 5000;

const SHOWN_PER_KIND = 10;
const LONGEST_REASON = 300;
const shorten = (s: string): string => (s.length > LONGEST_REASON ? `${s.slice(0, LONGEST_REASON)}…` : s);

/** Reads every row of a table with `build`; returns records, rejections and the file's report. */
export function readRows<R>(
  file: string,
  table: UserTable,
  mapping: ColumnMapping,
  build: (row: RowContext) => R,
  fileWarnings: string[] = [],
  onProgress?: Progress,
): UserReadResult<R> {
  const records: R[] = [];
  const rejected: Rejection[] = [];
  const byKind = new Map<string, string[]>();
  const width = table.header.length;
  const total = table.rows.length;
  for (const [i, row] of table.rows.entries()) {
    if (onProgress && i % PROGRESS_EVERY === 0) onProgress(i, total);
    const errors: { field: string; reason: string }[] = [];
    const column = (field: AtlasField): string => mapping[field]?.column ?? field;
    const context: RowContext = {
      line: row.line,
      cell: (field) => {
        const index = mapping[field]?.index;
        return index === undefined ? '' : (row.cells[index] ?? '').trim();
      },
      has: (field) => mapping[field] !== undefined,
      column,
      fail: (field, reason) => {
        const name = field === '(row)' || field === '(file)' ? field : column(field);
        errors.push({ field: name, reason: shorten(reason) });
      },
      warn: (kind, message) => {
        const lines = byKind.get(kind) ?? [];
        lines.push(`line ${row.line}: ${shorten(message)}`);
        byKind.set(kind, lines);
      },
    };
    const extra = row.cells.slice(width).filter((c) => c.trim() !== '').length;
    if (extra > 0) context.fail('(row)', `has ${width + extra} filled cells but the header has ${width} columns`);
    let record: R | null = null;
    try {
      record = build(context);
    } catch (error) {
      context.fail('(row)', `could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (errors.length === 0 && record !== null) records.push(record);
    else rejected.push(toRejection(row.line, errors));
  }
  onProgress?.(total, total);
  const warnings = [...table.warnings, ...fileWarnings];
  for (const lines of byKind.values()) {
    warnings.push(...lines.slice(0, SHOWN_PER_KIND));
    if (lines.length > SHOWN_PER_KIND) warnings.push(`… and ${lines.length - SHOWN_PER_KIND} more lines like these`);
  }
  return {
    records,
    rejected,
    report: { file, rows: table.rows.length, accepted: records.length, rejected },
    mapping,
    encoding: table.encoding,
    delimiter: table.delimiter,
    decimalComma: table.decimalComma,
    warnings,
  };
}

/**
 * Records a problem on the row and goes on with a stand-in value, so that one row can report every
 * problem it has.
 *
 * @example return refuse(row, 'date', 'is blank', null);
 */
export function refuse<T>(row: RowContext, field: Parameters<RowContext['fail']>[0], reason: string, value: T): T {
  row.fail(field, reason);
  return value;
}

/** One rejection per row: the first failing column, and every reason. */
function toRejection(row: number, errors: { field: string; reason: string }[]): Rejection {
  const [first, ...rest] = errors;
  if (!first) return { row, field: '(row)', reason: 'could not be read' };
  return { row, field: first.field, reason: [first.reason, ...rest.map((e) => `${e.field} ${e.reason}`)].join('; ') };
}
