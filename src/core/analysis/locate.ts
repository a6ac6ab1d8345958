import type { LocationPrecision } from '../types.ts';
import { placeById, unitById } from '../gazetteer.ts';

/** A point inside each loaded unit, by unit id: where region-precision events are drawn. */
export type Anchors = ReadonlyMap<string, { lon: number; lat: number }>;

/**
 * Where the map draws an event's place or unit: a region-precision event at its unit's interior
 * point (falling back to the unit's centre city), anything else at its gazetteer place; null when
 * neither is known.
 *
 * @example locateOn('aktobe', 'town', anchors) // Aktobe city's coordinates
 */
export function locateOn(
  id: string,
  precision: LocationPrecision,
  anchors: Anchors,
): { lon: number; lat: number } | null {
  const place = placeById(id);
  if (place && !(precision === 'region' && unitById(id))) return { lon: place.lon, lat: place.lat };
  const anchor = anchors.get(id);
  if (anchor) return anchor;
  const unit = unitById(id);
  const centre = unit ? placeById(unit.centre) : undefined;
  return centre ? { lon: centre.lon, lat: centre.lat } : null;
}
