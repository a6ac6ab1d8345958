import type { FileReport, Incident, NationalIndicator, Rejection, Source, Statistic } from '../types.ts';
import type { CsvTable } from '../parse/csv.ts';
import { readTable } from './read-table.ts';
import type { DataContext } from './context.ts';
import { sourcesSpec } from './sources.ts';
import { incidentsSpec } from './incidents.ts';
import { statisticsSpec } from './statistics.ts';
import { nationalSpec } from './national.ts';
import type { Population } from './population.ts';

/** The curated files a dataset is read from (the population table, needed only for rates, apart). */
export const CURATED_KINDS = ['sources', 'incidents', 'statistics', 'national'] as const;
export type CuratedKind = (typeof CURATED_KINDS)[number];

/** The curated files as parsed tables, each with its name as it should appear in messages. */
export type DatasetTables = Record<CuratedKind, { file: string; table: CsvTable }>;

export interface Dataset {
  sources: Source[];
  incidents: Incident[];
  statistics: Statistic[];
  national: NationalIndicator[];
  /** Populations by unit and date, for rates per 100,000. */
  population: Population[];
  /** One report per file: rows read, accepted, rejected with line, field and reason. */
  reports: FileReport[];
  warnings: string[];
}

export type Gazetteer = Omit<DataContext, 'sourceIds'>;

/**
 * Reads and cross-checks the curated files from their parsed tables: sources first, so that every
 * other record can be checked to name a known source; then the links between records (`related`),
 * which must point at records that exist. A row failing any check is rejected with its reason,
 * never dropped. No CSV parser here: the page reads the tables of the curated files' digest
 * (digest.ts); `readDataset` (dataset.ts) parses the files' text first.
 */
export function datasetFromTables(tables: DatasetTables, gazetteer: Gazetteer): Dataset {
  const { sources: sourcesFile, incidents: incidentsFile, statistics: statisticsFile, national: nationalFile } = tables;
  const sources = readTable(sourcesFile.file, sourcesFile.table, sourcesSpec, null);
  const context: DataContext = { ...gazetteer, sourceIds: new Set(sources.records.map((s) => s.id)) };
  const incidents = readTable(incidentsFile.file, incidentsFile.table, incidentsSpec, context);
  const statistics = readTable(statisticsFile.file, statisticsFile.table, statisticsSpec, context);
  const national = readTable(nationalFile.file, nationalFile.table, nationalSpec, context);

  const eventIds = new Set(incidents.records.map((i) => i.event));
  const figureIds = new Set([...statistics.records, ...national.records].map((f) => f.id));
  // In the page's digest, a deferred `related` is a mark, not a link (digest.ts).
  const links = (ids: string[]) => ids.filter((id) => id !== gazetteer.deferredMark);
  const linkedIncidents = keepLinked(incidents, (i) => links(i.related), eventIds, 'event');
  const linkedStatistics = keepLinked(statistics, (s) => s.related, figureIds, 'figure');
  const linkedNational = keepLinked(national, (n) => n.related, figureIds, 'figure');

  const files = [sourcesFile, incidentsFile, statisticsFile, nationalFile];
  return {
    sources: sources.records,
    incidents: linkedIncidents.records,
    statistics: linkedStatistics.records,
    national: linkedNational.records,
    population: [],
    reports: [sources.report, linkedIncidents.report, linkedStatistics.report, linkedNational.report],
    warnings: [sources, incidents, statistics, national].flatMap((r, i) =>
      r.warnings.map((w) => `${files[i]!.file}: ${w}`),
    ),
  };
}

/**
 * A dataset read from the digest (whose quotes, notes and citations are marks, see digest.ts) with
 * the records of the same files read in full, or of the digest with more of its parts: the curated
 * records and their reports become `full`'s; the population table, read on its own, stays.
 */
export function withTexts(digest: Dataset, full: Dataset): Dataset {
  return {
    ...digest,
    sources: full.sources,
    incidents: full.incidents,
    statistics: full.statistics,
    national: full.national,
    reports: [...full.reports.slice(0, CURATED_KINDS.length), ...digest.reports.slice(CURATED_KINDS.length)],
    warnings: [...new Set([...full.warnings, ...digest.warnings])],
  };
}

/** Moves records whose `related` ids point nowhere to the rejected list of their file's report. */
export function keepLinked<R extends { id: string; line: number }>(
  result: { records: R[]; report: FileReport },
  related: (record: R) => string[],
  known: ReadonlySet<string>,
  what: string,
): { records: R[]; report: FileReport } {
  const records: R[] = [];
  const rejected: Rejection[] = [...result.report.rejected];
  for (const record of result.records) {
    const unknown = related(record).filter((id) => !known.has(id));
    if (unknown.length === 0) records.push(record);
    else
      rejected.push({
        row: record.line,
        field: 'related',
        reason: `no ${what} has the id ${unknown.map((u) => `"${u}"`).join(', ')}`,
      });
  }
  rejected.sort((a, b) => a.row - b.row);
  return { records, report: { ...result.report, accepted: records.length, rejected } };
}
