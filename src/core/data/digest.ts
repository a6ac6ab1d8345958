/**
 * The curated files' digest: what the page reads at start instead of the CSV files. Made from the
 * files by the build (vite.config.ts, `curatedDigest`; the dev server makes it on request), it holds
 * each file parsed (`parseCsv`: header, physical line and width of every row) with the cells of the
 * columns in DEFERRED_COLUMNS replaced by DIGEST_MARK when not blank. Those are the long texts
 * (statements quoted, notes, citations) that only the panels a user opens show: a selection's
 * details, a national figure's disclosure, the exports. They load with the first of those, from
 * the CSV files themselves (state/load-full.ts). Every other cell is the file's own, so the rows,
 * the checks (a required quote is there, a derived figure has a derivation) and the reports are
 * those of the files; and the page parses no CSV at start.
 */
import type { CsvTable } from '../parse/csv.ts';
import { CURATED_KINDS, type CuratedKind, type DatasetTables } from './dataset-tables.ts';

/** The columns whose text waits for a panel that shows it (national citations tell disputes apart). */
export const DEFERRED_COLUMNS: Readonly<Record<CuratedKind, readonly string[]>> = {
  sources: ['notes'],
  incidents: ['citation', 'quote', 'notes'],
  statistics: ['citation', 'quote', 'notes', 'derivation'],
  national: ['quote', 'notes'],
};

/** What stands for a deferred text that is not blank. */
export const DIGEST_MARK = '…';

/** One file: its header, errors, and rows as [line, width, ...cells in header order]. */
export interface DigestTable {
  file: string;
  header: string[];
  errors: string[];
  rows: (string | number)[][];
}

export type Digest = Record<CuratedKind, DigestTable>;

/** A parsed file as the digest keeps it. */
export function digestTable(kind: CuratedKind, file: string, table: CsvTable): DigestTable {
  const deferred = new Set(DEFERRED_COLUMNS[kind]);
  return {
    file,
    header: table.header,
    errors: table.errors,
    rows: table.rows.map((row) => [
      row.line,
      row.width,
      ...table.header.map((name) => {
        const cell = row.cells[name] ?? '';
        return deferred.has(name) && cell.trim() !== '' ? DIGEST_MARK : cell;
      }),
    ]),
  };
}

/** The digest's files as the tables `datasetFromTables` reads; throws when it is not a digest. */
export function digestTables(digest: Digest): DatasetTables {
  return Object.fromEntries(
    CURATED_KINDS.map((kind) => {
      const part = digest[kind];
      if (!part || !Array.isArray(part.header) || !Array.isArray(part.rows))
        throw new Error(`the data digest has no table "${kind}"`);
      const table: CsvTable = {
        header: part.header,
        errors: part.errors,
        rows: part.rows.map(([line, width, ...cells]) => ({
          line: Number(line),
          width: Number(width),
          cells: Object.fromEntries(part.header.map((name, i) => [name, String(cells[i] ?? '')])),
        })),
      };
      return [kind, { file: part.file, table }];
    }),
  ) as DatasetTables;
}
