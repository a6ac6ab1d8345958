import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LayoutId } from '../types.ts';

export type UnitPolygons = FeatureCollection<Polygon | MultiPolygon, { unit: string }>;

/** A set of first-level unit polygons of one layout: the embedded ones (geokz) or an import. */
export interface GeometrySet {
  id: string;
  label: string;
  layout: LayoutId;
  origin: 'embedded' | 'imported';
  features: UnitPolygons;
}

export interface GeometryChoice {
  set: GeometrySet;
  /** `exact`: the set is of the wanted layout; `dissolved`: a later set merged into the wanted units; `earlier`: an earlier set, later units summed into it. */
  mode: 'exact' | 'dissolved' | 'earlier';
  features: UnitPolygons;
  note: string;
}

const ORDER: readonly LayoutId[] = ['A', 'B', 'C'];

/**
 * Picks the polygons to draw a layout with. Imported boundaries come first, being the user's: an
 * import of that layout, else the nearest later import dissolved into the wanted units (exact,
 * since later units nest in earlier ones). Then the embedded set of that layout (every layout has
 * one; they load when a period needs them, so they are never dissolved). Last, while the wanted
 * one is not loaded, the nearest earlier set, on which figures of later units are summed into the
 * unit containing them. An earlier unit is never split by guess.
 */
export function chooseGeometry(
  sets: readonly GeometrySet[],
  layout: LayoutId,
  dissolve: (set: GeometrySet, layout: LayoutId) => UnitPolygons,
): GeometryChoice | null {
  const distance = (s: GeometrySet) => ORDER.indexOf(s.layout) - ORDER.indexOf(layout);
  for (const origin of ['imported', 'embedded'] as const) {
    const own = sets.filter((s) => s.origin === origin);
    const exact = own.find((s) => distance(s) === 0);
    if (exact) return { set: exact, mode: 'exact', features: exact.features, note: `Boundaries: ${exact.label}.` };
    const later = own.filter((s) => distance(s) > 0).sort((a, b) => distance(a) - distance(b))[0];
    if (later && origin === 'imported') {
      return {
        set: later,
        mode: 'dissolved',
        features: dissolve(later, layout),
        note: `Boundaries: ${later.label}, dissolved into the units of this period.`,
      };
    }
  }
  const earlier = sets.filter((s) => distance(s) < 0).sort((a, b) => distance(b) - distance(a))[0];
  if (!earlier) return null;
  return {
    set: earlier,
    mode: 'earlier',
    features: earlier.features,
    note: `Boundaries: ${earlier.label}. No boundaries of this period are loaded, so units created since are shown within the older units that contain them.`,
  };
}
