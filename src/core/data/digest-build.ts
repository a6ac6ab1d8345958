/**
 * Makes the curated files' digest (digest.ts) from their text: run by the build and the dev server
 * (vite.config.ts), and by the tests. The start-up digest, and a part per year for the statistics of
 * later periods (DEFERRED_FROM_YEAR) with the sources only they name.
 */
import { parseCsv } from '../parse/csv.ts';
import { CURATED_KINDS, type CuratedKind } from './dataset-tables.ts';
import {
  deferredYear,
  digestPartPath,
  digestTable,
  type Digest,
  type DigestPart,
  type DigestSeries,
  type DigestTable,
} from './digest.ts';

export type CuratedTexts = Readonly<Record<CuratedKind, { file: string; text: string }>>;

/** The digest and its parts, as objects. */
export function buildDigest(files: CuratedTexts): { digest: Digest; parts: DigestPart[] } {
  const tables = Object.fromEntries(
    CURATED_KINDS.map((kind) => [kind, digestTable(kind, files[kind].file, parseCsv(files[kind].text))]),
  ) as Record<CuratedKind, DigestTable>;
  const cell = (table: DigestTable, row: DigestTable['rows'][number], name: string) =>
    String(row[2 + table.header.indexOf(name)] ?? '');
  const { statistics, sources } = tables;
  const yearOf = (row: DigestTable['rows'][number]) => deferredYear(cell(statistics, row, 'period_start'));
  const years = [...new Set(statistics.rows.map(yearOf).filter((y): y is number => y !== null))].sort();
  // A source goes with a part when only that part's statistics name it.
  const namedBy = new Map<string, Set<number | null>>();
  const name = (id: string, where: number | null) => namedBy.set(id, (namedBy.get(id) ?? new Set()).add(where));
  for (const kind of ['incidents', 'national'] as const)
    for (const row of tables[kind].rows) name(cell(tables[kind], row, 'source'), null);
  for (const row of statistics.rows) name(cell(statistics, row, 'source'), yearOf(row));
  const sourceYear = (row: DigestTable['rows'][number]) => {
    const where = namedBy.get(cell(sources, row, 'id'));
    return where?.size === 1 ? ([...where][0] ?? null) : null;
  };
  const parts: DigestPart[] = years.map((year) => ({
    year,
    statistics: statistics.rows.filter((row) => yearOf(row) === year),
    sources: sources.rows.filter((row) => sourceYear(row) === year),
  }));
  const seriesOf = (rows: DigestTable['rows']): DigestSeries[] => {
    const seen = new Map<string, DigestSeries>();
    for (const row of rows) {
      const id = cell(statistics, row, 'series');
      if (!seen.has(id))
        seen.set(id, {
          id,
          metric: cell(statistics, row, 'metric'),
          codeEdition: cell(statistics, row, 'code_edition'),
          article: cell(statistics, row, 'article'),
          part: cell(statistics, row, 'part'),
          periodStart: cell(statistics, row, 'period_start'),
          periodEnd: cell(statistics, row, 'period_end'),
          periodLabel: cell(statistics, row, 'period_label'),
        });
    }
    return [...seen.values()];
  };
  const digest: Digest = {
    ...tables,
    statistics: { ...statistics, rows: statistics.rows.filter((row) => yearOf(row) === null) },
    sources: { ...sources, rows: sources.rows.filter((row) => sourceYear(row) === null) },
    parts: parts.map((part) => ({
      year: part.year,
      file: digestPartPath(part.year),
      statistics: part.statistics.length,
      sources: part.sources.length,
      series: seriesOf(part.statistics),
    })),
  };
  return { digest, parts };
}

/** The start-up digest as JSON text, one file per line. */
export function digestOf(files: CuratedTexts): string {
  const { digest } = buildDigest(files);
  return `{\n${[...CURATED_KINDS, 'parts' as const].map((kind) => `${JSON.stringify(kind)}:${JSON.stringify(digest[kind])}`).join(',\n')}\n}\n`;
}

/** Every file of the digest: the start-up one (`data/digest.json`) and a part per year, by path. */
export function digestFiles(files: CuratedTexts, startupPath: string): Map<string, string> {
  const { parts } = buildDigest(files);
  return new Map([
    [startupPath, digestOf(files)],
    ...parts.map((part) => [digestPartPath(part.year), `${JSON.stringify(part)}\n`] as const),
  ]);
}
