import { parseCsv } from '../parse/csv.ts';
import { readFile, type FileSpec } from './file-spec.ts';
import type { DataContext } from './context.ts';
import { sourcesSpec } from './sources.ts';
import { incidentsSpec } from './incidents.ts';
import { statisticsSpec } from './statistics.ts';
import { nationalSpec } from './national.ts';
import { populationSpec } from './population.ts';
import {
  CURATED_KINDS,
  datasetFromTables,
  type Dataset,
  type DatasetTables,
  type Gazetteer,
} from './dataset-tables.ts';

export { datasetFromTables, keepLinked, withTexts } from './dataset-tables.ts';
export type { Dataset, DatasetTables, Gazetteer } from './dataset-tables.ts';

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

/**
 * Reads and cross-checks the data files (`datasetFromTables` on their parsed text), then the
 * population table when given (`withPopulation`).
 */
export function readDataset(files: DatasetFiles, gazetteer: Gazetteer): Dataset {
  const tables = Object.fromEntries(
    CURATED_KINDS.map((kind) => [kind, { file: files[kind].file, table: parseCsv(files[kind].text) }]),
  ) as DatasetTables;
  const dataset = datasetFromTables(tables, gazetteer);
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

/** The reader for a file kind, for tools that read one file at a time. */
export const SPECS = {
  sources: sourcesSpec,
  incidents: incidentsSpec,
  statistics: statisticsSpec,
  national: nationalSpec,
  population: populationSpec,
} as const satisfies Record<keyof DatasetFiles, FileSpec<{ id: string }, never>>;
