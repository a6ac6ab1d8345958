import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import regionsUrl from '../../geo/boundaries/regions-1997.topojson?url';
import contextUrl from '../../geo/boundaries/context.topojson?url';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { readDataset, withPopulation, type Dataset } from '../core/data/dataset.ts';
import { layoutsDuring, placeById, unitById } from '../core/gazetteer.ts';
import { STARTUP_DATA_FILES } from './startup-files.ts';

export type Boundaries = FeatureCollection<
  Polygon | MultiPolygon,
  { unit: string; kato: string; hasc: string; ne_name: string; anchor: [number, number] }
>;

export interface Loaded {
  dataset: Dataset;
  regions: Boundaries;
  context: FeatureCollection;
  /** Whether the dataset holds the population table (read when rates are asked for). */
  population: boolean;
}

const DATA_FILES = STARTUP_DATA_FILES;
const gazetteer = { unitById, placeById, layoutsDuring };

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return response.text();
}

/** The boundary files ship as TopoJSON (shared borders stored once); the map takes GeoJSON. */
function fromTopoJson(text: string, name: string): FeatureCollection {
  const topology = JSON.parse(text) as Topology;
  const object = topology.objects[name];
  if (!object) throw new Error(`the boundary file has no object "${name}"`);
  return feature(topology, object) as FeatureCollection;
}

const populationFile = (base: string) =>
  fetchText(`${base}data/population.csv`).then((text) => ({ file: 'static/data/population.csv', text }));

/**
 * Loads the embedded data: the curated CSV files served from static/data and the boundary files
 * bundled from geo/. Everything comes from this origin; nothing leaves the machine. The population
 * table, which only rates per 100,000 need, is loaded with the rest when `population` is set (a link
 * that asks for rates), else by `loadPopulation` when rates are first asked for.
 */
export async function loadEmbedded(
  base = import.meta.env.BASE_URL,
  context: Promise<FeatureCollection> = loadContext(),
  population = false,
): Promise<Loaded> {
  const [texts, populationText, regions, basemap] = await Promise.all([
    Promise.all(DATA_FILES.map((kind) => fetchText(`${base}data/${kind}.csv`))),
    population ? populationFile(base) : undefined,
    fetchText(regionsUrl).then((t) => fromTopoJson(t, 'regions') as Boundaries),
    context,
  ]);
  const files = Object.fromEntries(
    DATA_FILES.map((kind, i) => [kind, { file: `static/data/${kind}.csv`, text: texts[i]! }]),
  ) as Record<(typeof DATA_FILES)[number], { file: string; text: string }>;
  const dataset = readDataset({ ...files, ...(populationText ? { population: populationText } : {}) }, gazetteer);
  return { dataset, regions, context: basemap, population };
}

/** The dataset with the population table (static/data/population.csv) read and added. */
export async function loadPopulation(dataset: Dataset, base = import.meta.env.BASE_URL): Promise<Dataset> {
  return withPopulation(dataset, await populationFile(base), gazetteer);
}

/**
 * The basemap (neighbours, lakes) alone: small, so the map can start while the data still loads,
 * and starting the map early is most of the time to the first complete map.
 */
export function loadContext(): Promise<FeatureCollection> {
  return fetchText(contextUrl).then((t) => fromTopoJson(t, 'context'));
}
