import Papa from 'papaparse';

/** One data row with the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
  /** Number of cells in the row, to tell a short or long row from a blank cell. */
  width: number;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  /** Problems that concern the whole file (empty file, duplicate header names). */
  errors: string[];
}

/**
 * Parses CSV text with PapaParse and keeps, for every record, the physical line it starts on, so
 * that error messages point at the line a user sees in an editor even when quoted cells span lines.
 * A byte-order mark is dropped; blank lines are skipped, not counted as rows.
 */
export function parseCsv(text: string): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineStarts = lineStartOffsets(source);
  const records: { cells: string[]; offset: number }[] = [];
  let previousCursor = 0;
  Papa.parse<string[]>(source, {
    skipEmptyLines: false,
    step: (result) => {
      records.push({ cells: result.data, offset: firstNonBlank(source, previousCursor) });
      previousCursor = result.meta.cursor;
    },
  });
  const nonEmpty = records.filter((r) => !(r.cells.length === 1 && r.cells[0]?.trim() === ''));
  const [head, ...body] = nonEmpty;
  if (!head) return { header: [], rows: [], errors: ['the file is empty: no header row'] };
  const header = head.cells.map((h) => h.trim());
  const errors = duplicateNames(header).map((name) => `the header names column "${name}" twice`);
  const rows = body.map((record) => ({
    line: lineAt(lineStarts, record.offset),
    width: record.cells.length,
    cells: Object.fromEntries(header.map((name, i) => [name, record.cells[i] ?? ''])),
  }));
  return { header, rows, errors };
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function firstNonBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

/** 1-based line number of an offset, by binary search over line starts. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function duplicateNames(names: string[]): string[] {
  return names.filter((name, i) => names.indexOf(name) !== i);
}
