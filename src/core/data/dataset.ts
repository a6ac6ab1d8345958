import type { FileReport, Incident, NationalIndicator, Rejection, Source, Statistic } from '../types.ts';
import { readFile, type FileSpec } from './file-spec.ts';
import type { DataContext } from './context.ts';
import { sourcesSpec } from './sources.ts';
import { incidentsSpec } from './incidents.ts';
import { statisticsSpec } from './statistics.ts';
import { nationalSpec } from './national.ts';
import { populationSpec, type Population } from './population.ts';

/**
 * The texts of the data files, by name as they should appear in messages. The population table is
 * optional so that a set of files made before it existed still reads (rates are then unavailable).
 */
export interface DatasetFiles {
  sources: { file: string; text: string };
  incidents: { file: string; text: string };
  statistics: { file: string; text: string };
  national: { file: string; text: string };
  population?: { file: string; text: string };
}

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
 * Reads and cross-checks the data files: sources first, so that every other record can be checked
 * to name a known source; then the links between records (`related`), which must point at records
 * that exist. A row failing any check is rejected with its reason, never dropped. The population
 * table, when given, is read last (`withPopulation`).
 */
export function readDataset(files: DatasetFiles, gazetteer: Gazetteer): Dataset {
  const sources = readFile(files.sources.file, files.sources.text, sourcesSpec, null);
  const context: DataContext = { ...gazetteer, sourceIds: new Set(sources.records.map((s) => s.id)) };
  const incidents = readFile(files.incidents.file, files.incidents.text, incidentsSpec, context);
  const statistics = readFile(files.statistics.file, files.statistics.text, statisticsSpec, context);
  const national = readFile(files.national.file, files.national.text, nationalSpec, context);

  const eventIds = new Set(incidents.records.map((i) => i.event));
  const figureIds = new Set([...statistics.records, ...national.records].map((f) => f.id));
  const linkedIncidents = keepLinked(incidents, (i) => i.related, eventIds, 'event');
  const linkedStatistics = keepLinked(statistics, (s) => s.related, figureIds, 'figure');
  const linkedNational = keepLinked(national, (n) => n.related, figureIds, 'figure');

  const read = [files.sources, files.incidents, files.statistics, files.national];
  const dataset: Dataset = {
    sources: sources.records,
    incidents: linkedIncidents.records,
    statistics: linkedStatistics.records,
    national: linkedNational.records,
    population: [],
    reports: [sources.report, linkedIncidents.report, linkedStatistics.report, linkedNational.report],
    warnings: [sources, incidents, statistics, national].flatMap((r, i) =>
      r.warnings.map((w) => `${read[i]!.file}: ${w}`),
    ),
  };
  return files.population ? withPopulation(dataset, files.population, gazetteer) : dataset;
}

/**
 * A dataset with its population table read and added (checked against the dataset's sources). Only
 * rates per 100,000 need it, so the page reads it when rates are first asked for.
 */
export function withPopulation(dataset: Dataset, file: { file: string; text: string }, gazetteer: Gazetteer): Dataset {
  const context: DataContext = { ...gazetteer, sourceIds: new Set(dataset.sources.map((s) => s.id)) };
  const population = readFile(file.file, file.text, populationSpec, context);
  return {
    ...dataset,
    population: population.records,
    reports: [...dataset.reports, population.report],
    warnings: [...dataset.warnings, ...population.warnings.map((w) => `${file.file}: ${w}`)],
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

/** The reader for a file kind, for tools that read one file at a time. */
export const SPECS = {
  sources: sourcesSpec,
  incidents: incidentsSpec,
  statistics: statisticsSpec,
  national: nationalSpec,
  population: populationSpec,
} as const satisfies Record<keyof DatasetFiles, FileSpec<{ id: string }, never>>;
