/**
 * Importing a boundary file end to end: read it, fix its coordinates and geometries, match its
 * features to units, and give the app one geometry per unit to draw. Pure: bytes in, report out.
 */
import { feature, featureCollection, union } from '@turf/turf';
import type { Feature } from 'geojson';
import type { LayoutId } from '../types.ts';
import { checkCoordinates } from './coordinates.ts';
import { repairGeometry } from './geometry.ts';
import { matchBoundaries, type BoundaryMatch, type MatchedFeature } from './match.ts';
import { readBoundaryFile, type BoundaryFeature, type BoundaryFormat, type Polygonal } from './read.ts';

export interface ImportOptions {
  /** Resolve at this date (its layout) instead of detecting the layout from the file. */
  date?: string;
  layout?: LayoutId;
}

/** One first-level unit's geometry: the matched feature, or its districts dissolved. */
export type UnitGeometry = Feature<Polygonal, { unit: string; kato: string; layout: LayoutId; features: number[] }>;

export interface BoundaryImport extends BoundaryMatch {
  file: string;
  format: BoundaryFormat;
  /** Every feature of the file, repaired; geometry null where it was missing or rejected. */
  features: BoundaryFeature[];
  /** One geometry per matched unit, in the order units were first matched. */
  unitGeometries: UnitGeometry[];
}

/** Fixes coordinates and geometries; problems become rejections by feature index. */
function repairAll(features: readonly BoundaryFeature[]) {
  const coordinates = checkCoordinates(features);
  const rejected = new Map(coordinates.problems);
  const warnings = [...coordinates.warnings];
  const repaired = coordinates.features.map((f, index): BoundaryFeature => {
    if (rejected.has(index)) return { ...f, geometry: null };
    const repair = repairGeometry(f.geometry, index);
    warnings.push(...repair.warnings);
    if (repair.problem !== null) rejected.set(index, repair.problem);
    return { ...f, geometry: repair.geometry };
  });
  return { features: repaired, rejected, warnings };
}

/** Dissolves the matched features of each unit into one geometry (turf `union`). */
function dissolve(features: readonly BoundaryFeature[], matched: readonly MatchedFeature[], warnings: string[]) {
  const byUnit = new Map<string, MatchedFeature[]>();
  for (const m of matched) byUnit.set(m.unit.id, [...(byUnit.get(m.unit.id) ?? []), m]);
  return [...byUnit.values()].flatMap((ms): UnitGeometry[] => {
    const { unit, layout } = ms[0]!;
    const parts = ms.map((m) => feature(features[m.index]!.geometry!));
    const properties = { unit: unit.id, kato: unit.kato, layout, features: ms.map((m) => m.index) };
    try {
      const merged = parts.length === 1 ? parts[0]! : union(featureCollection(parts));
      return merged === null ? [] : [feature(merged.geometry, properties)];
    } catch (e) {
      warnings.push(`could not dissolve the ${parts.length} features of ${unit.id}: ${(e as Error).message}`);
      return [];
    }
  });
}

/**
 * Reads, repairs and matches a boundary file: GeoJSON, TopoJSON or a zipped shapefile.
 *
 * @example const result = await importBoundaries('kaz_admbnda_adm2_2024.geojson', bytes);
 *   // result.level === 'adm2', result.matched.length === 224, result.unitGeometries.length === 20
 * @throws an Error naming the file when it cannot be read at all (see `readBoundaryFile`).
 */
export async function importBoundaries(
  name: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<BoundaryImport> {
  const file = await readBoundaryFile(name, bytes);
  const { features, rejected, warnings } = repairAll(file.features);
  const match = matchBoundaries(features, { ...options, rejected });
  const dissolveWarnings: string[] = [];
  const unitGeometries = dissolve(features, match.matched, dissolveWarnings);
  return {
    ...match,
    file: name,
    format: file.format,
    features,
    unitGeometries,
    warnings: [...file.warnings, ...warnings, ...match.warnings, ...dissolveWarnings],
  };
}

/** The `geo:check --json` report: exactly these keys, units as their two KATO digits. */
export interface GeoCheckJson {
  file: string;
  features: number;
  layout: LayoutId;
  matched: { index: number; unit: string; layout: LayoutId }[];
  unmatched: { index: number; reason: string; candidates: string[] }[];
  warnings: string[];
}

/**
 * The machine-readable report of an import.
 *
 * @example toGeoCheckJson(result, 'regions.geojson')
 *   // { file: 'regions.geojson', features: 20, layout: 'C', matched: [{ index: 0, unit: '10', layout: 'C' }, ...], unmatched: [], warnings: [] }
 */
export function toGeoCheckJson(result: BoundaryImport, file: string): GeoCheckJson {
  return {
    file,
    features: result.features.length,
    layout: result.layout,
    matched: result.matched.map((m) => ({ index: m.index, unit: m.unit.kato, layout: m.layout })),
    unmatched: result.unmatched.map((u) => ({ index: u.index, reason: u.reason, candidates: [...u.candidates] })),
    warnings: [...result.warnings],
  };
}
