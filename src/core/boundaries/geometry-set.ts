import { feature, featureCollection, union } from '@turf/turf';
import type { GeometrySet, UnitPolygons } from '../geo/geometry-sets.ts';
import type { BoundaryImport } from './import.ts';
import { unitsOf } from '../gazetteer.ts';

/** What an import added, for the list of boundary sets and its persistence. */
export interface ImportSummary {
  features: number;
  matched: number;
  unmatched: number;
  corrected: number;
  warnings: string[];
}

/**
 * Turns an import, with the user's corrections (feature index → unit id of the file's layout),
 * into a set of unit polygons the map can draw. A corrected feature is merged (turf `union`) into
 * the unit's geometry when the unit already has one. Corrections to features without geometry, or
 * to units of another layout, are refused with an Error naming them.
 *
 * @example importedGeometrySet(result, new Map([[3, 'aktobe']]), 'import-1').set.features.features.length
 */
export function importedGeometrySet(
  result: BoundaryImport,
  corrections: ReadonlyMap<number, string>,
  id: string,
  label: string,
): { set: GeometrySet; summary: ImportSummary } {
  const geometries = new Map(result.unitGeometries.map((g) => [g.properties.unit, g.geometry]));
  const layoutUnits = new Set(unitsOf(result.layout).map((u) => u.id));
  for (const [index, unitId] of corrections) {
    const geometry = result.features[index]?.geometry;
    if (!geometry) throw new Error(`feature ${index} has no geometry and cannot be assigned to ${unitId}`);
    if (!layoutUnits.has(unitId)) throw new Error(`${unitId} is not a unit of layout ${result.layout}`);
    const existing = geometries.get(unitId);
    const merged = existing ? union(featureCollection([feature(existing), feature(geometry)]))?.geometry : geometry;
    if (merged) geometries.set(unitId, merged);
  }
  const features: UnitPolygons = {
    type: 'FeatureCollection',
    features: [...geometries]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([unit, geometry]) => ({ type: 'Feature', properties: { unit }, geometry })),
  };
  return {
    set: { id, label, layout: result.layout, origin: 'imported', features },
    summary: {
      features: result.features.length,
      matched: result.matched.length,
      unmatched: result.unmatched.length - corrections.size,
      corrected: corrections.size,
      warnings: result.warnings,
    },
  };
}
