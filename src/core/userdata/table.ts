/**
 * A user's file as a table: decoded, its delimiter found, its header found (past any title lines
 * a report puts above it), every record with the physical line it starts on.
 */
import Papa from 'papaparse';
import { decodeText, type TextEncodingName } from './decode.ts';
import { sniffTable, type Delimiter } from './sniff.ts';
import { applyMapping, type ColumnOverrides } from './columns.ts';

export interface TableRow {
  /** Line the record starts on (the file's first line is 1). */
  line: number;
  cells: string[];
}

export interface UserTable {
  header: string[];
  /** Line of the header: 1 unless title lines stand above it. */
  headerLine: number;
  rows: TableRow[];
  encoding: TextEncodingName;
  delimiter: Delimiter;
  decimalComma: boolean;
  warnings: string[];
}

/** Title lines looked past when searching for the header. */
const HEADER_SEARCH = 10;

/** A record of nothing but blanks: an empty line, or a line of bare delimiters as Excel writes them. */
const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** 1-based line of each offset, by binary search over the starts of lines. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Splits decoded text into records with their lines. Blank records are not rows. A quote left open
 * swallows the rest of the file into one record, which a warning names.
 */
export function splitRecords(text: string, delimiter: Delimiter): { records: TableRow[]; warnings: string[] } {
  const lineAt = lineFinder(text);
  const records: TableRow[] = [];
  const warnings: string[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      let start = cursor;
      while (text[start] === '\n') start++;
      cursor = result.meta.cursor;
      for (const error of result.errors) warnings.push(`line ${lineAt(start)}: ${error.message.toLowerCase()}`);
      if (!isBlank(result.data)) records.push({ line: lineAt(start), cells: result.data });
    },
  });
  return { records, warnings };
}

/**
 * Reads a user's file into a table. The header is the first of the first lines that names at least
 * two of the atlas's fields (or the first line when none does); lines above it are reported, not read.
 *
 * @example readTable(bytes).header // ['Дата', 'Регион', 'Широта', 'Долгота']
 */
export function readTable(
  bytes: Uint8Array,
  options: { delimiter?: Delimiter; overrides?: ColumnOverrides } = {},
): UserTable {
  const decoded = decodeText(bytes);
  const sniffed = sniffTable(decoded.text);
  const delimiter = options.delimiter ?? sniffed.delimiter;
  const { records, warnings } = splitRecords(decoded.text, delimiter);
  return tableFromRecords(records, options.overrides, {
    encoding: decoded.encoding,
    delimiter,
    decimalComma: delimiter !== ',' && sniffed.decimalComma,
    warnings: [...decoded.warnings, ...(options.delimiter ? [] : sniffed.warnings), ...warnings],
  });
}

/**
 * A table from records already split (a CSV file's, or a workbook sheet's rows with their row
 * numbers as lines): the header found as `readTable` finds it, the records below it its rows.
 */
export function tableFromRecords(
  records: readonly TableRow[],
  overrides: ColumnOverrides | undefined,
  format: Pick<UserTable, 'encoding' | 'delimiter' | 'decimalComma' | 'warnings'>,
  what = 'line',
): UserTable {
  const warnings = [...format.warnings];
  const named = (r: TableRow): number =>
    Object.keys(
      applyMapping(
        r.cells.map((c) => c.trim()),
        overrides,
      ),
    ).length;
  const headerIndex = Math.max(
    0,
    records.slice(0, HEADER_SEARCH).findIndex((r) => named(r) >= 2),
  );
  const head = records[headerIndex];
  const above = records.slice(0, headerIndex);
  if (above.length > 0) {
    const first = above[0]!.cells.join(' ').trim().slice(0, 60);
    const lines = above.length === 1 ? `${what} ${above[0]!.line}` : `${what}s ${above[0]!.line}-${above.at(-1)!.line}`;
    warnings.push(
      `${lines} above the header ${above.length === 1 ? 'is a title' : 'are titles'}, not read ("${first}")`,
    );
  }
  return {
    header: head ? head.cells.map((c) => c.trim()) : [],
    headerLine: head?.line ?? 1,
    rows: records.slice(headerIndex + 1),
    encoding: format.encoding,
    delimiter: format.delimiter,
    decimalComma: format.decimalComma,
    warnings,
  };
}
