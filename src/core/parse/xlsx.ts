/**
 * Excel workbooks (.xlsx), read with read-excel-file (its `universal` build: the same code in the
 * browser's worker and in Node, from the file's bytes). A sheet comes back as a grid whose first
 * row is the sheet's row 1 and whose first column is column A, so that every value keeps its cell
 * address (`F7`) for reports and citations. Loaded only when a workbook is read (the import worker,
 * `data:check`), never at start.
 */
import readXlsxFile, { readSheet } from 'read-excel-file/universal';

/** A cell as read: text, a number, a boolean, a date, or null when empty. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetCells {
  sheet: string;
  /** rows[0] is the sheet's row 1; rows[r][0] is column A. Trailing empty rows and columns are cut. */
  rows: CellValue[][];
}

import { columnLetters } from './xlsx-sniff.ts';

export { columnLetters, looksLikeXlsx } from './xlsx-sniff.ts';

/** The bytes as the ArrayBuffer read-excel-file takes (a copy when they are a view on a larger buffer). */
function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : (bytes.slice().buffer as ArrayBuffer);
}

/** Why a workbook cannot be read, in words for a report. */
function readProblem(error: unknown): Error {
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: string } | null)?.code;
  if (name === 'InvalidInputError' && code === 'XLS_FILE_NOT_SUPPORTED')
    return new Error('is an old Excel .xls file: save it as .xlsx (Excel Workbook) or CSV and read that', {
      cause: error,
    });
  if (name === 'InvalidInputError')
    return new Error(`is not an .xlsx workbook (${code ?? 'unreadable'})`, { cause: error });
  if (name === 'InvalidSpreadsheetError')
    return new Error(`is a damaged .xlsx workbook (${(error as Error).message})`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * The names of the workbook's sheets, in their order. read-excel-file has no call for them alone; a
 * sheet number past the last one makes it stop before reading any sheet and name them all (its
 * documented `SheetNotFoundError.sheets`).
 */
export async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  try {
    await readSheet(bufferOf(bytes), Number.MAX_SAFE_INTEGER);
  } catch (error) {
    const sheets = (error as { name?: string; sheets?: unknown }).sheets;
    if ((error as Error).name === 'SheetNotFoundError' && Array.isArray(sheets)) return sheets.map(String);
    throw readProblem(error);
  }
  throw new Error('the workbook answered for a sheet it cannot have');
}

/** One sheet, by name. */
export async function readSheetCells(bytes: Uint8Array, sheet: string): Promise<SheetCells> {
  try {
    const rows = (await readSheet(bufferOf(bytes), sheet, { trim: false })) as CellValue[][];
    return { sheet, rows };
  } catch (error) {
    const sheets = (error as { sheets?: unknown }).sheets;
    if ((error as Error).name === 'SheetNotFoundError' && Array.isArray(sheets))
      throw new Error(`has no sheet "${sheet}" (its sheets: ${sheets.join(', ')})`, { cause: error });
    throw readProblem(error);
  }
}

/** Every sheet (for small workbooks: each sheet of a large one is better read on its own). */
export async function readAllSheets(bytes: Uint8Array): Promise<SheetCells[]> {
  try {
    const sheets = await readXlsxFile(bufferOf(bytes), { trim: false });
    return sheets.map((s) => ({ sheet: s.sheet, rows: s.data as CellValue[][] }));
  } catch (error) {
    throw readProblem(error);
  }
}

/** The 0-based column of `A`, `AA`, ... */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** `F7` for row index 6 (sheet row 7) and column index 5. */
export function cellAddress(rowIndex: number, columnIndexValue: number): string {
  return `${columnLetters(columnIndexValue)}${rowIndex + 1}`;
}

/** The value at `F7`, or null when the cell is empty or outside the sheet's data. */
export function cellAt(sheet: SheetCells, address: string): CellValue {
  const match = /^([A-Z]+)(\d+)$/i.exec(address);
  if (!match) throw new Error(`"${address}" is not a cell address`);
  return sheet.rows[Number(match[2]) - 1]?.[columnIndex(match[1]!)] ?? null;
}

/** A cell's value as text, the way a CSV cell would hold it: numbers in full, dates as ISO days. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
