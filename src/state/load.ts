import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import regionsUrl from '../../geo/boundaries/regions-1997.geojson?url';
import contextUrl from '../../geo/boundaries/context.geojson?url';
import { readDataset, type Dataset } from '../core/data/dataset.ts';
import { layoutsDuring, placeById, unitById } from '../core/gazetteer.ts';

export type Boundaries = FeatureCollection<
  Polygon | MultiPolygon,
  { unit: string; kato: string; hasc: string; ne_name: string }
>;

export interface Loaded {
  dataset: Dataset;
  regions: Boundaries;
  context: FeatureCollection;
}

const DATA_FILES = ['sources', 'incidents', 'statistics', 'national'] as const;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return response.text();
}

/**
 * Loads the embedded data: the curated CSV files served from static/data and the boundary files
 * bundled from geo/. Everything comes from this origin; nothing leaves the machine.
 */
export async function loadEmbedded(base = import.meta.env.BASE_URL): Promise<Loaded> {
  const [texts, regions, context] = await Promise.all([
    Promise.all(DATA_FILES.map((kind) => fetchText(`${base}data/${kind}.csv`))),
    fetchText(regionsUrl).then((t) => JSON.parse(t) as Boundaries),
    fetchText(contextUrl).then((t) => JSON.parse(t) as FeatureCollection),
  ]);
  const files = Object.fromEntries(
    DATA_FILES.map((kind, i) => [kind, { file: `static/data/${kind}.csv`, text: texts[i]! }]),
  );
  const dataset = readDataset(files as unknown as Parameters<typeof readDataset>[0], {
    unitById,
    placeById,
    layoutsDuring,
  });
  return { dataset, regions, context };
}
