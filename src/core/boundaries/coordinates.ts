/**
 * Coordinate problems that make a boundary file land in the wrong place: projected coordinates
 * (metres) and swapped axes (latitude first). Checked on the whole collection, because one
 * feature's extent says little, the file's extent a lot.
 */
import { bbox, featureCollection, flip } from '@turf/turf';
import type { Feature, Position } from 'geojson';
import type { BoundaryFeature, Polygonal } from './read.ts';

/**
 * Kazakhstan's extent, [west, south, east, north] in degrees (the 2018 fixture's extremes, rounded
 * out), and the margin a file may reach past it (a neighbour's border strip, a generalised outline).
 */
export const KAZAKHSTAN_BBOX = [46.4, 40.5, 87.4, 55.5] as const;
const MARGIN = 1;

export interface CoordinateCheck {
  /** The features, swapped back to longitude, latitude when the file had them the other way round. */
  features: BoundaryFeature[];
  /** Features whose coordinates cannot be used, by index, with the reason. */
  problems: Map<number, string>;
  warnings: string[];
}

/** A feature that has an area. */
const hasArea = (f: BoundaryFeature): f is Feature<Polygonal> => f.geometry !== null;
const positions = (g: Polygonal): Position[] => (g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2));
const digits = (n: number): string => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');

/** Why a geometry's coordinates are not longitude, latitude degrees, or null when they are. */
function notDegrees(geometry: Polygonal): string | null {
  const all = positions(geometry);
  const bad = all.find((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
  if (bad) return `coordinates are not numbers (e.g. ${JSON.stringify(bad)})`;
  const far = all.find((p) => Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90);
  if (!far) return null;
  return `coordinates are not longitude/latitude degrees (e.g. ${digits(far[0]!)}, ${digits(far[1]!)}): reproject to EPSG:4326`;
}

const insideKazakhstan = ([west, south, east, north]: number[]): boolean =>
  west! >= KAZAKHSTAN_BBOX[0] - MARGIN &&
  south! >= KAZAKHSTAN_BBOX[1] - MARGIN &&
  east! <= KAZAKHSTAN_BBOX[2] + MARGIN &&
  north! <= KAZAKHSTAN_BBOX[3] + MARGIN;

const round = (b: number[]): string => `[${b.map((v) => v.toFixed(2)).join(', ')}]`;

/**
 * Finds projected coordinates (reported per feature: they cannot be repaired without knowing the
 * projection) and swapped axes (repaired for the whole collection: swapped when the file lies in
 * Kazakhstan only after swapping).
 *
 * @example checkCoordinates([{ ..., geometry: { type: 'Polygon', coordinates: [[[50.3, 57.2], ...]] } }])
 *   // { features: [...[[57.2, 50.3], ...]], problems: Map {}, warnings: ['coordinates were in latitude, longitude order; swapped to longitude, latitude'] }
 */
export function checkCoordinates(features: readonly BoundaryFeature[]): CoordinateCheck {
  const problems = new Map<number, string>();
  features.forEach((f, i) => {
    const reason = f.geometry === null ? null : notDegrees(f.geometry);
    if (reason !== null) problems.set(i, reason);
  });
  const usable = features.filter((f, i): f is Feature<Polygonal> => hasArea(f) && !problems.has(i));
  if (usable.length === 0) return { features: [...features], problems, warnings: [] };
  const extent = bbox(featureCollection(usable));
  if (insideKazakhstan(extent)) return { features: [...features], problems, warnings: [] };
  const [west, south, east, north] = extent;
  if (!insideKazakhstan([south, west, north, east])) {
    const where = `the features' extent ${round(extent)} is not within Kazakhstan ${round([...KAZAKHSTAN_BBOX])}`;
    return { features: [...features], problems, warnings: [where] };
  }
  const swapped = features.map((f, i) => (!hasArea(f) || problems.has(i) ? f : flip(f, { mutate: false })));
  return {
    features: swapped,
    problems,
    warnings: ['coordinates were in latitude, longitude order; swapped to longitude, latitude'],
  };
}
