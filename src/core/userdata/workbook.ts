/**
 * A user's Excel workbook (.xlsx): one sheet of it read as the atlas reads a CSV file, with the
 * same report (every row accepted or rejected, by its row number in the sheet and the column it
 * concerns). The sheet is the one the user picks, by default the first. A sheet laid out as the
 * prosecutors' statistical forms are (form-sheet.ts: the workbooks of qamqor.gov.kz/crimestat) is
 * read as one region's statistics; any other sheet as a table whose header is found as in a CSV
 * file (incidents or statistics, by its columns).
 *
 * Loaded on its own (a dynamic import in the import worker and in `data:check`), so that neither the
 * page nor a CSV file's reading carries the workbook reader.
 */
import { strFromU8, unzipSync } from 'fflate';
import { cellText, readSheetCells, sheetNames, type CellValue } from '../parse/xlsx.ts';
import { applyMapping, tableKind } from './columns.ts';
import { formLayout, readFormSheet, type FormColumn } from './form-sheet.ts';
import { readUserIncidents } from './read-incidents.ts';
import { readUserStatistics } from './read-statistics.ts';
import type { UserFile, UserFileOptions } from './read-user-file.ts';
import { tableFromRecords, type TableRow } from './table.ts';

export interface WorkbookOptions extends UserFileOptions {
  /** The sheet to read; default: the first. */
  sheet?: string;
  /** For a form sheet: the region, when the workbook's title does not name it. */
  region?: string;
  /** For a form sheet: the number of the column to read (default: offences registered). */
  column?: number;
}

/** What the report says of the workbook besides its rows. */
export interface WorkbookFacts {
  sheet: string;
  sheets: string[];
  /** The header of a table sheet (the columns the mapping table lists); [] for a form sheet. */
  header: string[];
  /** For a form sheet: its numbered columns, the one read, and the region read (from the title or given). */
  form: { title: string; region: string; column: number; columns: Omit<FormColumn, 'index'>[] } | null;
  /** The rejected rows' cells as the sheet has them, for the download of rejected rows. */
  rejectedRows: { line: number; cells: string[] }[];
}

export type UserWorkbook = UserFile & { workbook: WorkbookFacts };

/** The workbook's title in its metadata (docProps/core.xml), '' when it has none. */
export function workbookTitle(bytes: Uint8Array): string {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' });
    const xml = strFromU8(files['docProps/core.xml'] ?? new Uint8Array());
    const title = /<dc:title>([^<]*)<\/dc:title>/.exec(xml)?.[1] ?? '';
    return title
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  } catch {
    return '';
  }
}

/** A sheet's non-blank rows as table records, each with its row number as its line. */
function sheetRecords(rows: readonly CellValue[][]): TableRow[] {
  const records: TableRow[] = [];
  rows.forEach((row, r) => {
    const cells = row.map((v) => cellText(v ?? null));
    if (cells.some((c) => c.trim() !== '')) records.push({ line: r + 1, cells });
  });
  return records;
}

/**
 * Reads one sheet of a workbook with the atlas's readers.
 *
 * @example
 * const book = await readUserWorkbook('Abay Region.XLSX', bytes, { period: '2022' });
 * book.workbook.sheets; // ['R1', 'R1-1', …]
 * book.report; // { file: 'Abay Region.XLSX', sheet: 'R1', rows: 422, accepted: 378, rejected: [...] }
 */
export async function readUserWorkbook(
  fileName: string,
  bytes: Uint8Array,
  options: WorkbookOptions = {},
): Promise<UserWorkbook> {
  const sheets = await sheetNames(bytes);
  if (sheets.length === 0) throw new Error('the workbook has no sheets');
  const sheet = options.sheet ?? sheets[0]!;
  if (!sheets.includes(sheet)) throw new Error(`has no sheet "${sheet}" (its sheets: ${sheets.join(', ')})`);
  const { rows } = await readSheetCells(bytes, sheet);
  const several =
    sheets.length > 1 && options.sheet === undefined
      ? [`the workbook has ${sheets.length} sheets (${sheets.join(', ')}): read "${sheet}", the first`]
      : [];
  const cellsAt = new Map(sheetRecords(rows).map((r) => [r.line, r.cells]));
  const rejectedRows = (rejected: readonly { row: number }[]) =>
    rejected.map((r) => ({ line: r.row, cells: cellsAt.get(r.row) ?? [] }));

  const layout = formLayout(rows);
  if (layout && options.kind !== 'incidents') {
    const title = workbookTitle(bytes);
    const read = readFormSheet(fileName, sheet, rows, layout, title, options);
    const { column, region, ...result } = read;
    return {
      kind: 'statistics',
      ...result,
      warnings: [...several, ...result.warnings],
      workbook: {
        sheet,
        sheets,
        header: [],
        form: {
          title,
          region,
          column: column.number,
          columns: layout.columns.map(({ number, heading }) => ({ number, heading })),
        },
        rejectedRows: rejectedRows(result.rejected),
      },
    };
  }

  const table = tableFromRecords(
    sheetRecords(rows),
    options.overrides,
    { encoding: 'utf-8', delimiter: ',', decimalComma: false, warnings: several },
    'row',
  );
  const withSheet = <R extends { report: UserFile['report'] }>(result: R): R => ({
    ...result,
    report: { ...result.report, sheet },
  });
  const facts = (rejected: readonly { row: number }[]): WorkbookFacts => ({
    sheet,
    sheets,
    header: table.header,
    form: null,
    rejectedRows: rejectedRows(rejected),
  });
  const mapping = applyMapping(table.header, options.overrides);
  const kind = options.kind ?? tableKind(mapping);
  const none = new Uint8Array();
  if (kind === 'incidents') {
    const result = withSheet(readUserIncidents(fileName, none, { ...options, table }));
    return { kind, ...result, workbook: facts(result.rejected) };
  }
  if (kind === 'statistics') {
    const result = withSheet(readUserStatistics(fileName, none, { ...options, table }));
    return { kind, ...result, workbook: facts(result.rejected) };
  }
  const reason =
    'cannot tell what the sheet holds: it has no coordinates, no date, and no value with a region; say which column is which, or pick another sheet';
  const rejected = table.rows.map((r) => ({ row: r.line, field: '(file)', reason }));
  return {
    kind: null,
    report: { file: fileName, sheet, rows: table.rows.length, accepted: 0, rejected },
    mapping,
    warnings: table.warnings,
    workbook: facts(rejected),
  };
}
