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
import type { CsvRow, CsvTable } from '../parse/csv.ts';
import type { Statistic } from '../types.ts';
import { CURATED_KINDS, type CuratedKind, type DatasetTables } from './dataset-tables.ts';

/**
 * The columns whose text waits for a panel that shows it (national citations tell disputes apart).
 */
export const DEFERRED_COLUMNS: Readonly<Record<CuratedKind, readonly string[]>> = {
  sources: ['title', 'author', 'notes', 'url'],
  incidents: ['citation', 'quote', 'notes', 'perpetrator'],
  statistics: ['citation', 'quote', 'notes', 'derivation'],
  national: ['quote', 'notes'],
};

/**
 * The columns whose text waits on some rows only, those the build names (digest-build.ts): a
 * statement's title unless its event shows it (events.ts, `titleStatement`: the map, lists, table
 * and timeline show events' titles), its source, and the events it is related to (`related`, which
 * only the details show). The details of a selection and the exports, which show them, load the
 * texts first. The sources that only statements name are not in the start-up digest at all
 * (`textSources` counts them): they come with the texts too.
 */
export const PARTLY_DEFERRED_COLUMNS: Readonly<Record<CuratedKind, readonly string[]>> = {
  sources: [],
  incidents: ['title', 'source', 'related'],
  statistics: [],
  national: [],
};

/**
 * The columns whose text waits too, kept as a token that tells equal texts apart (`…1`, `…2`, one
 * per distinct text): the national figures' panel marks two related figures as disputed when their
 * sources or citations differ, and shows the citations with the texts.
 */
export const TOKEN_COLUMNS: Readonly<Record<CuratedKind, readonly string[]>> = {
  sources: [],
  incidents: [],
  statistics: [],
  national: ['citation'],
};

/**
 * Columns whose cell is most often another column's cell of the same row, a hyphen and a rest (a
 * statement's id is its event's and the source's short name: `aktobe-2011-05-bombing-zenn`): the
 * digest keeps DIGEST_MARK and the hyphen and rest (`…-zenn`), and `digestTables` puts the other
 * cell back in front. A cell that does not begin so is kept whole.
 */
export const PREFIXED_COLUMNS: Readonly<Record<CuratedKind, Readonly<Record<string, string>>>> = {
  sources: {},
  incidents: { id: 'event' },
  statistics: {},
  national: {},
};

/** What stands for a deferred text that is not blank. */
export const DIGEST_MARK = '…';

/**
 * Rows of one file, as the digest keeps them: each row's cells in header order (blank cells at the
 * end left out), its physical line as the step from the line of the row before (from 0 for the
 * first), and its width (the number of cells the file's row has) where that is not the header's.
 */
export interface DigestRows {
  rows: string[][];
  lineSteps: number[];
  /** Widths other than the header's, by row index. */
  widths: Record<string, number>;
}

/** One file: its header, errors and rows. */
export interface DigestTable extends DigestRows {
  file: string;
  header: string[];
  errors: string[];
}

/** A row with its line and width, as a table is read from its digest. */
export interface DigestRow {
  line: number;
  width: number;
  cells: readonly string[];
}

/** The rows with their lines and widths. */
export function digestRows(rows: DigestRows, columns: number): DigestRow[] {
  let line = 0;
  return rows.rows.map((cells, i) => {
    line += rows.lineSteps[i] ?? 0;
    return { line, width: rows.widths[String(i)] ?? columns, cells };
  });
}

/** Rows (in line order) as the digest keeps them. */
export function packRows(rows: readonly DigestRow[], columns: number): DigestRows {
  const packed: DigestRows = { rows: [], lineSteps: [], widths: {} };
  let line = 0;
  rows.forEach((row, i) => {
    let end = row.cells.length;
    while (end > 0 && row.cells[end - 1] === '') end--;
    packed.rows.push(row.cells.slice(0, end));
    packed.lineSteps.push(row.line - line);
    line = row.line;
    if (row.width !== columns) packed.widths[String(i)] = row.width;
  });
  return packed;
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
  statistics: DigestRows;
  sources: DigestRows;
}

export type Digest = Record<CuratedKind, DigestTable> & {
  parts?: DigestPartIndex[];
  /** How many sources, named by statements only, are left for the texts to bring. */
  textSources?: number;
};

/** The path of a year's part under the base URL. */
export const digestPartPath = (year: number) => `data/digest-${year}.json`;

/** The digest with a part's rows put back in their places (by line): its tables become the files'. */
export function withDigestPart(digest: Digest, part: DigestPart): Digest {
  const merge = (table: DigestTable, rows: DigestRows): DigestTable => {
    const columns = table.header.length;
    const merged = [...digestRows(table, columns), ...digestRows(rows, columns)].sort((a, b) => a.line - b.line);
    return { ...table, ...packRows(merged, columns) };
  };
  return {
    ...digest,
    statistics: merge(digest.statistics, part.statistics),
    sources: merge(digest.sources, part.sources),
    parts: (digest.parts ?? []).filter((p) => p.year !== part.year),
  };
}

/**
 * A parsed file's rows as the digest keeps them: the texts of DEFERRED_COLUMNS as marks, those of
 * PARTLY_DEFERRED_COLUMNS where `waits` says so of the row and column, and those of TOKEN_COLUMNS
 * as tokens.
 */
export function digestRowsOf(
  kind: CuratedKind,
  table: CsvTable,
  waits: (row: CsvRow, column: string) => boolean = () => false,
): DigestRow[] {
  const deferred = new Set(DEFERRED_COLUMNS[kind]);
  const partly = new Set(PARTLY_DEFERRED_COLUMNS[kind]);
  const tokened = new Set(TOKEN_COLUMNS[kind]);
  const prefixed = PREFIXED_COLUMNS[kind];
  const tokens = new Map<string, string>();
  const token = (text: string) => {
    if (!tokens.has(text)) tokens.set(text, `${DIGEST_MARK}${tokens.size + 1}`);
    return tokens.get(text)!;
  };
  return table.rows.map((row) => ({
    line: row.line,
    width: row.width,
    cells: table.header.map((name) => {
      const cell = row.cells[name] ?? '';
      if (cell.trim() === '') return cell;
      if (tokened.has(name)) return token(`${name}\u0000${cell}`);
      if (deferred.has(name) || (partly.has(name) && waits(row, name))) return DIGEST_MARK;
      const by = prefixed[name];
      if (by === undefined) return cell;
      // A cell that would read as shortened cannot be kept as it is (no curated id begins so).
      if (cell.startsWith(`${DIGEST_MARK}-`))
        throw new Error(`${kind}.csv, line ${row.line}, ${name}: "${cell}" begins as the digest's shortened cells do`);
      const start = row.cells[by] ?? '';
      return start !== '' && cell.startsWith(`${start}-`) ? `${DIGEST_MARK}${cell.slice(start.length)}` : cell;
    }),
  }));
}

/** A parsed file as the digest keeps it, with the rows given (`digestRowsOf`). */
export function digestTable(file: string, table: CsvTable, rows: readonly DigestRow[]): DigestTable {
  return { file, header: table.header, errors: table.errors, ...packRows(rows, table.header.length) };
}

/** The digest's files as the tables `datasetFromTables` reads; throws when it is not a digest. */
export function digestTables(digest: Digest): DatasetTables {
  return Object.fromEntries(
    CURATED_KINDS.map((kind) => {
      const part = digest[kind];
      if (!part || !Array.isArray(part.header) || !Array.isArray(part.rows) || !Array.isArray(part.lineSteps))
        throw new Error(`the data digest has no table "${kind}"`);
      const table: CsvTable = {
        header: part.header,
        errors: part.errors,
        rows: digestRows(part, part.header.length).map(({ line, width, cells }) => ({
          line,
          width,
          cells: unshortened(kind, Object.fromEntries(part.header.map((name, i) => [name, cells[i] ?? '']))),
        })),
      };
      return [kind, { file: part.file, table }];
    }),
  ) as DatasetTables;
}

/** A digest row's cells with the other cell put back in front of its shortened ones (PREFIXED_COLUMNS). */
function unshortened(kind: CuratedKind, cells: Record<string, string>): Record<string, string> {
  for (const [name, by] of Object.entries(PREFIXED_COLUMNS[kind])) {
    const cell = cells[name] ?? '';
    if (cell.startsWith(`${DIGEST_MARK}-`)) cells[name] = `${cells[by] ?? ''}${cell.slice(DIGEST_MARK.length)}`;
  }
  return cells;
}
