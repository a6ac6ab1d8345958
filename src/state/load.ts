import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import regions1997Url from '../../geo/boundaries/regions-1997.topojson?url';
import regions2018Url from '../../geo/boundaries/regions-2018.topojson?url';
import regions2022Url from '../../geo/boundaries/regions-2022.topojson?url';
import contextUrl from '../../geo/boundaries/context.topojson?url';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { datasetFromTables, type Dataset } from '../core/data/dataset-tables.ts';
import {
  DIGEST_MARK,
  digestTables,
  withDigestPart,
  type Digest,
  type DigestPart,
  type DigestPartIndex,
} from '../core/data/digest.ts';
import { layoutsDuring, placeById, unitById } from '../core/gazetteer.ts';
import { DIGEST_PATH, START_LAYOUT } from './startup-files.ts';
import type { LayoutId } from '../core/types.ts';

/** One embedded layout's units (geo/scripts/build-boundaries.ts, from geokz). */
export type Boundaries = FeatureCollection<
  Polygon | MultiPolygon,
  { unit: string; kato: string; anchor: [number, number] }
>;

/** The embedded layouts' files, bundled from geo/boundaries/. */
const REGION_URLS: Record<LayoutId, string> = { A: regions1997Url, B: regions2018Url, C: regions2022Url };

export interface Loaded {
  dataset: Dataset;
  /** The start-up digest as read: its parts merge into it when they load (`loadDigestPart`). */
  digest: Digest;
  /** The units of the layout the default view draws (START_LAYOUT); the others load when a period needs them. */
  regions: { layout: LayoutId; features: Boundaries };
  context: FeatureCollection;
  /** The rate functions when the dataset holds the population table (read when rates are asked for), else null. */
  rates: RateTools | null;
}

const gazetteer = { unitById, placeById, layoutsDuring };

/** Reading the CSV files themselves (PapaParse): on demand, see load-full.ts. */
const full = () => import('./load-full.ts');

export async function fetchText(url: string): Promise<string> {
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

/**
 * Loads the embedded data: the curated files' digest (core/data/digest.ts: every row and cell of
 * static/data's sources, incidents, statistics and national files, parsed by the build, with the
 * long texts that only opened panels show left as marks), the basemap and the units of the layout
 * the default view draws (START_LAYOUT), bundled from geo/; other layouts load with `loadLayout`.
 * Everything comes from this origin; nothing leaves the machine. The texts load with the first panel
 * that shows them (`loadTexts`). The population table, which only rates per 100,000 need, is loaded
 * with the rest when `population` is set (a link that asks for rates), else by `loadPopulation`
 * when rates are first asked for.
 */
export async function loadEmbedded(population = false, base = import.meta.env.BASE_URL): Promise<Loaded> {
  const [digest, regions, basemap, reader] = await Promise.all([
    fetchText(`${base}${DIGEST_PATH}`).then((text) => JSON.parse(text) as Digest),
    loadLayout(START_LAYOUT),
    fetchText(contextUrl).then((t) => fromTopoJson(t, 'context')),
    population ? full() : null,
  ]);
  const dataset = datasetOfDigest(digest);
  const tools = reader ? await reader.populationAdder(base, gazetteer) : null;
  return {
    dataset: tools ? tools.add(dataset) : dataset,
    digest,
    regions: { layout: START_LAYOUT, features: regions },
    context: basemap,
    rates: tools?.rates ?? null,
  };
}

/** Reads one embedded layout's units (the start layout's file is preloaded by index.html). */
export async function loadLayout(layout: LayoutId): Promise<Boundaries> {
  return fromTopoJson(await fetchText(REGION_URLS[layout]), 'regions') as Boundaries;
}

/**
 * What rates per 100,000 need, loaded when they are first asked for: what adds the population table
 * to a dataset (applied to the dataset of the moment it arrives), and the rate functions.
 */
export interface PopulationTools {
  add: (dataset: Dataset) => Dataset;
  rates: RateTools;
}
export type RateTools = Pick<typeof import('../core/analysis/rates.ts'), 'rateBasis' | 'rateChoropleth'>;

/** Reads the population table (static/data/population.csv) and the rate functions. */
export async function loadPopulation(base = import.meta.env.BASE_URL): Promise<PopulationTools> {
  return (await full()).populationAdder(base, gazetteer);
}

/**
 * Reads the texts the digest leaves out from the curated CSV files; resolves to what puts them into
 * a dataset, applied to the dataset of the moment they arrive.
 */
export async function loadTexts(base = import.meta.env.BASE_URL): Promise<(dataset: Dataset) => Dataset> {
  return (await full()).textsAdder(base, gazetteer);
}

/** The dataset the digest's tables make (checked as the files are, its marks standing for texts to come). */
export function datasetOfDigest(digest: Digest): Dataset {
  return datasetFromTables(digestTables(digest), { ...gazetteer, deferredMark: DIGEST_MARK });
}

/**
 * Reads a part of the digest (the statistics of one later year, digest.ts) and resolves to the digest
 * with it merged.
 */
export async function loadDigestPart(
  digest: Digest,
  part: DigestPartIndex,
  base = import.meta.env.BASE_URL,
): Promise<Digest> {
  const read = JSON.parse(await fetchText(`${base}${part.file}`)) as DigestPart;
  const rows = (table: unknown) => Array.isArray((table as { rows?: unknown } | undefined)?.rows);
  if (read.year !== part.year || !rows(read.statistics) || !rows(read.sources))
    throw new Error(`${part.file} is not the data part of ${part.year}`);
  return withDigestPart(digest, read);
}
