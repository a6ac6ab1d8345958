/**
 * Makes the curated files' digest (digest.ts) from their text: run by the build and the dev server
 * (vite.config.ts), and by the tests. The start-up digest, and a part per year for the statistics of
 * later periods (DEFERRED_FROM_YEAR) with the sources only they name.
 */
import { parseCsv, type CsvRow } from '../parse/csv.ts';
import { statementsByEvent, titleStatement } from '../analysis/events.ts';
import { layoutsDuring, placeById, unitById } from '../gazetteer.ts';
import { CURATED_KINDS, datasetFromTables, type CuratedKind, type DatasetTables } from './dataset-tables.ts';
import {
  deferredYear,
  digestPartPath,
  digestRowsOf,
  digestTable,
  packRows,
  type Digest,
  type DigestPart,
  type DigestRow,
  type DigestSeries,
} from './digest.ts';

export type CuratedTexts = Readonly<Record<CuratedKind, { file: string; text: string }>>;

/**
 * What the start-up digest leaves for the texts besides DEFERRED_COLUMNS (digest.ts), from the
 * records the files give: the rows whose PARTLY_DEFERRED_COLUMNS wait (every accepted statement:
 * the title of all but the one its event shows, the source and the related events), and the
 * sources that only those statements name (no statistic or national figure names them). A row the
 * files reject keeps all its cells, so that the digest rejects it for the same reason.
 */
function deferredByRecords(tables: DatasetTables): {
  waits: Record<CuratedKind, (row: CsvRow, column: string) => boolean>;
  leftOut: (source: CsvRow) => boolean;
} {
  const dataset = datasetFromTables(tables, { unitById, placeById, layoutsDuring });
  const byEvent = statementsByEvent(dataset.incidents);
  const titled = new Set([...byEvent.values()].map((statements) => titleStatement(statements).line));
  const accepted = new Set(dataset.incidents.map((i) => i.line));
  const idOf = (row: CsvRow) => (row.cells['id'] ?? '').trim();
  const sourceOf = (row: CsvRow) => (row.cells['source'] ?? '').trim();
  const kept = new Set([
    ...tables.incidents.table.rows.filter((row) => !accepted.has(row.line)).map(sourceOf),
    ...tables.statistics.table.rows.map(sourceOf),
    ...tables.national.table.rows.map(sourceOf),
  ]);
  const named = new Set(dataset.incidents.map((i) => i.sourceId));
  const ids = new Map<string, number>();
  for (const row of tables.sources.table.rows) ids.set(idOf(row), (ids.get(idOf(row)) ?? 0) + 1);
  return {
    waits: {
      sources: () => false,
      incidents: (row, column) => accepted.has(row.line) && (column !== 'title' || !titled.has(row.line)),
      statistics: () => false,
      national: () => false,
    },
    leftOut: (row) => named.has(idOf(row)) && !kept.has(idOf(row)) && (ids.get(idOf(row)) ?? 0) === 1,
  };
}

/** The digest and its parts, as objects. */
export function buildDigest(files: CuratedTexts): { digest: Digest; parts: DigestPart[] } {
  const parsed = Object.fromEntries(
    CURATED_KINDS.map((kind) => [kind, { file: files[kind].file, table: parseCsv(files[kind].text) }]),
  ) as DatasetTables;
  const { waits, leftOut } = deferredByRecords(parsed);
  const rowsOf = Object.fromEntries(
    CURATED_KINDS.map((kind) => [kind, digestRowsOf(kind, parsed[kind].table, waits[kind])]),
  ) as Record<CuratedKind, DigestRow[]>;
  const leftOutLines = new Set(parsed.sources.table.rows.filter(leftOut).map((row) => row.line));
  const headerOf = (kind: CuratedKind) => parsed[kind].table.header;
  const cell = (kind: CuratedKind, row: DigestRow, name: string) => row.cells[headerOf(kind).indexOf(name)] ?? '';
  const yearOf = (row: DigestRow) => deferredYear(cell('statistics', row, 'period_start'));
  const years = [...new Set(rowsOf.statistics.map(yearOf).filter((y): y is number => y !== null))].sort();
  // A source goes with a part when only that part's statistics name it.
  const namedBy = new Map<string, Set<number | null>>();
  const name = (id: string, where: number | null) => namedBy.set(id, (namedBy.get(id) ?? new Set()).add(where));
  const sourceCell = (row: CsvRow) => row.cells['source'] ?? '';
  for (const kind of ['incidents', 'national'] as const)
    for (const row of parsed[kind].table.rows) name(sourceCell(row), null);
  for (const row of parsed.statistics.table.rows) name(sourceCell(row), deferredYear(row.cells['period_start'] ?? ''));
  const sourceYear = (row: DigestRow) => {
    const where = namedBy.get(cell('sources', row, 'id'));
    return where?.size === 1 ? ([...where][0] ?? null) : null;
  };
  const statisticsOf = (year: number | null) => rowsOf.statistics.filter((row) => yearOf(row) === year);
  const sourcesOf = (year: number | null) => rowsOf.sources.filter((row) => sourceYear(row) === year);
  const byYear = years.map((year) => ({ year, statistics: statisticsOf(year), sources: sourcesOf(year) }));
  const parts: DigestPart[] = byYear.map(({ year, statistics, sources }) => ({
    year,
    statistics: packRows(statistics, headerOf('statistics').length),
    sources: packRows(sources, headerOf('sources').length),
  }));
  const seriesOf = (rows: readonly DigestRow[]): DigestSeries[] => {
    const seen = new Map<string, DigestSeries>();
    for (const row of rows) {
      const id = cell('statistics', row, 'series');
      if (!seen.has(id))
        seen.set(id, {
          id,
          metric: cell('statistics', row, 'metric'),
          codeEdition: cell('statistics', row, 'code_edition'),
          article: cell('statistics', row, 'article'),
          part: cell('statistics', row, 'part'),
          periodStart: cell('statistics', row, 'period_start'),
          periodEnd: cell('statistics', row, 'period_end'),
          periodLabel: cell('statistics', row, 'period_label'),
        });
    }
    return [...seen.values()];
  };
  const table = (kind: CuratedKind, rows: readonly DigestRow[]) =>
    digestTable(parsed[kind].file, parsed[kind].table, rows);
  const digest: Digest = {
    sources: table(
      'sources',
      sourcesOf(null).filter((row) => !leftOutLines.has(row.line)),
    ),
    incidents: table('incidents', rowsOf.incidents),
    statistics: table('statistics', statisticsOf(null)),
    national: table('national', rowsOf.national),
    parts: byYear.map(({ year, statistics, sources }) => ({
      year,
      file: digestPartPath(year),
      statistics: statistics.length,
      sources: sources.length,
      series: seriesOf(statistics),
    })),
    textSources: leftOutLines.size,
  };
  return { digest, parts };
}

/** The start-up digest as JSON text, one file per line. */
export function digestOf(files: CuratedTexts): string {
  const { digest } = buildDigest(files);
  return `{\n${[...CURATED_KINDS, 'parts' as const, 'textSources' as const].map((kind) => `${JSON.stringify(kind)}:${JSON.stringify(digest[kind])}`).join(',\n')}\n}\n`;
}

/** Every file of the digest: the start-up one (`data/digest.json`) and a part per year, by path. */
export function digestFiles(files: CuratedTexts, startupPath: string): Map<string, string> {
  const { parts } = buildDigest(files);
  return new Map([
    [startupPath, digestOf(files)],
    ...parts.map((part) => [digestPartPath(part.year), `${JSON.stringify(part)}\n`] as const),
  ]);
}
