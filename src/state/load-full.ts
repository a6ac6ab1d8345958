/**
 * The curated CSV files read in full (PapaParse), on demand: the population table when rates are
 * first asked for, and the texts the digest leaves out (quotes, notes, citations) when a panel
 * first shows them. Loaded by load.ts with the first of those.
 */
import { CURATED_KINDS } from '../core/data/dataset-tables.ts';
import { readDataset, withPopulation, withTexts, type Dataset, type Gazetteer } from '../core/data/dataset.ts';
import { fetchText, type PopulationTools } from './load.ts';
import { rateBasis, rateChoropleth } from '../core/analysis/rates.ts';

const fileOf = async (base: string, kind: string) => ({
  file: `static/data/${kind}.csv`,
  text: await fetchText(`${base}data/${kind}.csv`),
});

/**
 * Reads the population table (static/data/population.csv); resolves to what adds it to a dataset,
 * with the rate functions (core/analysis/rates.ts), which nothing else needs and so load with it.
 */
export async function populationAdder(base: string, gazetteer: Gazetteer): Promise<PopulationTools> {
  const file = await fileOf(base, 'population');
  return { add: (dataset) => withPopulation(dataset, file, gazetteer), rates: { rateBasis, rateChoropleth } };
}

/**
 * Reads the curated files in full; resolves to what puts their texts into a dataset read from the
 * digest (the same rows: see `withTexts`).
 */
export async function textsAdder(base: string, gazetteer: Gazetteer): Promise<(dataset: Dataset) => Dataset> {
  const [sources, incidents, statistics, national] = await Promise.all(CURATED_KINDS.map((kind) => fileOf(base, kind)));
  const full = readDataset(
    { sources: sources!, incidents: incidents!, statistics: statistics!, national: national! },
    gazetteer,
  );
  return (dataset) => withTexts(dataset, full);
}
