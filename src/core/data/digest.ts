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
 *
 * Statistics of later periods are not in the start-up digest: the rows whose period starts in or
 * after DEFERRED_FROM_YEAR wait in one part per year (`data/digest-<year>.json`), with the sources
 * that only they name. The start-up digest lists each part's series (`parts`), so that the statistic
 * menu can offer them; a part loads when a view needs it (its series chosen, compared or tabled, or
 * years shown in which no start-up statistic falls) and merges back line by line (`withDigestPart`),
 * giving exactly the tables of the whole files. The statistic shown when none is chosen comes from
 * the start-up ones when any is in view, so the first map never waits for a part.
 */
import type { CsvTable } from '../parse/csv.ts';
import type { Statistic } from '../types.ts';
import { CURATED_KINDS, type CuratedKind, type DatasetTables } from './dataset-tables.ts';

/**
 * The columns whose text waits for a panel that shows it (national citations tell disputes apart;
 * sources keep their publisher, which the legend and the table name).
 */
export const DEFERRED_COLUMNS: Readonly<Record<CuratedKind, readonly string[]>> = {
  sources: ['title', 'author', 'notes', 'url'],
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

/** Periods starting in or after this year are in parts, not in the start-up digest (the seed statistics end in 2019). */
export const DEFERRED_FROM_YEAR = 2020;

/** The year of the part a statistic's row is in (from its period_start cell), or null for the start-up digest. */
export function deferredYear(periodStart: string): number | null {
  const year = Number(/^\s*(\d{4})/.exec(periodStart)?.[1] ?? NaN);
  return year >= DEFERRED_FROM_YEAR ? year : null;
}

/** A series of a part, as the start-up digest lists it: the cells its rows share, as the file has them. */
export type DigestSeries = { id: string } & Pick<
  Statistic,
  'metric' | 'codeEdition' | 'article' | 'part' | 'periodStart' | 'periodEnd' | 'periodLabel'
>;

/** What the start-up digest says of a part not yet loaded. */
export interface DigestPartIndex {
  year: number;
  /** Where it is, under the base URL. */
  file: string;
  statistics: number;
  sources: number;
  series: DigestSeries[];
}

/** A part: the statistics rows of one year of period start, and the sources only they name. */
export interface DigestPart {
  year: number;
  statistics: DigestTable['rows'];
  sources: DigestTable['rows'];
}

export type Digest = Record<CuratedKind, DigestTable> & { parts?: DigestPartIndex[] };

/** The path of a year's part under the base URL. */
export const digestPartPath = (year: number) => `data/digest-${year}.json`;

/** The digest with a part's rows put back in their places (by line): its tables become the files'. */
export function withDigestPart(digest: Digest, part: DigestPart): Digest {
  const merge = (table: DigestTable, rows: DigestTable['rows']): DigestTable => ({
    ...table,
    rows: [...table.rows, ...rows].sort((a, b) => Number(a[0]) - Number(b[0])),
  });
  return {
    ...digest,
    statistics: merge(digest.statistics, part.statistics),
    sources: merge(digest.sources, part.sources),
    parts: (digest.parts ?? []).filter((p) => p.year !== part.year),
  };
}

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
