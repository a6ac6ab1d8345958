/**
 * Dissolving boundaries of later, finer units into the units of an earlier layout, so that one set of
 * polygons (the newest ones) can draw every era: Turkistan + Shymkent → South Kazakhstan, Abai + East
 * Kazakhstan (2022) → East Kazakhstan, and so on (see /shared/DOMAIN.md).
 */
import { area, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { containingUnit, unitById, units as gazetteerUnits, unitsOf } from '../gazetteer.ts';
import type { LayoutId, Unit } from '../types.ts';
import { polygonUnion } from './union.ts';

type Polygonal = Polygon | MultiPolygon;

/** Holes smaller than this (m², 1 km²) are slivers where shared edges do not quite meet, not enclaves. */
const MIN_HOLE_AREA = 1_000_000;
/** Output coordinates are rounded to 5 decimals (about 1 m), as the boundary files are. */
const SCALE = 1e5;

/** Unit ids compare by code unit, not locale, so the order is the same on every machine. */
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `a`, `a and b`, `a, b and c`. */
const listWords = (words: string[]): string =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/** The parts of `target`'s layout that together make up an older unit, in gazetteer (KATO) order. */
function laterParts(older: Unit, target: LayoutId): string[] {
  const olderLayout = older.layouts.at(-1)!;
  return unitsOf(target)
    .filter((u) => containingUnit(u.id, olderLayout)?.id === older.id)
    .map((u) => u.id);
}

/** Parts of `unit` that are neither given nor made up of given parts (`partOf` chain, recursively). */
function missingParts(unit: Unit, given: ReadonlySet<string>): string[] {
  if (given.has(unit.id)) return [];
  const children = gazetteerUnits.filter((u) => u.partOf === unit.id);
  return children.length === 0 ? [unit.id] : children.flatMap((c) => missingParts(c, given));
}

/** A ring rounded to 5 decimals without repeated positions; null when fewer than 3 corners remain. */
function roundRing(ring: Position[]): Position[] | null {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x! * SCALE) / SCALE, Math.round(y! * SCALE) / SCALE];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0]![0] === out.at(-1)![0] && out[0]![1] === out.at(-1)![1]) out.pop();
  return out.length < 3 ? null : [...out, out[0]!];
}

/** Rounds, drops holes under 1 km² (counted in `dropped`) and returns a Polygon or MultiPolygon. */
function clean(geometry: Polygonal, dropped: { holes: number }): Polygonal | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: Position[][][] = [];
  for (const [outer, ...holes] of polygons) {
    const shell = outer && roundRing(outer);
    if (!shell) continue;
    const kept: Position[][] = [];
    for (const hole of holes) {
      const ring = roundRing(hole);
      if (ring && area(polygon([ring])) >= MIN_HOLE_AREA) kept.push(ring);
      else dropped.holes += 1;
    }
    out.push([shell, ...kept]);
  }
  if (out.length === 0) return null;
  return out.length === 1 ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };
}

/**
 * Dissolves first-level units into the units of an earlier (or the same) layout: each target unit
 * becomes the union of the given units that lie in it (by the gazetteer's `containingUnit`), and
 * `from` lists them.
 *
 * - A target unit with no piece given is omitted; one warning names all such units. A unit with only
 *   some of its pieces (Turkistan without Shymkent) is drawn, with a warning naming what is missing.
 * - A given unit older than the target (South Kazakhstan for layout B) cannot be split without data: it
 *   is left out with a warning. Unknown unit ids are left out with a warning too.
 * - After the union, holes smaller than 1 km² are dropped: they are slivers where the pieces' shared
 *   edges do not quite meet (or slivers already in the input). One warning says how many, per unit.
 *   Enclaves of 1 km² or more (Astana's exclaves in Akmola, Almaty in Almaty oblast) stay.
 * - Output is deterministic: features sorted by unit id (code-unit order), pieces unioned in that
 *   order, `from` sorted the same way, coordinates rounded to 5 decimals.
 * - The union loads on demand: `await loadPolygonUnion()` (union.ts) before dissolving units of
 *   more than one piece. Only imported boundary sets are dissolved, and the boundary panel loads it
 *   before it hands one to the state.
 *
 * @example
 * await loadPolygonUnion();
 * const { features, warnings } = dissolveToLayout(regions2024, 'B');
 * features.features.find((f) => f.properties.unit === 'east-kazakhstan')?.properties.from;
 * // ['abai', 'east-kazakhstan-2022']
 * dissolveToLayout(regions1997, 'B').warnings[0];
 * // 'south-kazakhstan cannot be split into turkistan and shymkent without data'
 */
export function dissolveToLayout(
  units: FeatureCollection<Polygonal, { unit: string }>,
  target: LayoutId,
): { features: FeatureCollection<Polygonal, { unit: string; from: string[] }>; warnings: string[] } {
  const warnings: string[] = [];
  const pieces = new Map<string, Feature<Polygonal, { unit: string }>[]>();
  const given = new Set<string>();
  const sorted = [...units.features].sort((a, b) => byId(a.properties.unit, b.properties.unit));
  for (const feature of sorted) {
    const id = feature.properties.unit;
    const unit = unitById(id);
    if (!unit) {
      warnings.push(`unknown unit "${id}" left out`);
      continue;
    }
    const container = containingUnit(id, target);
    if (!container) {
      warnings.push(`${id} cannot be split into ${listWords(laterParts(unit, target))} without data`);
      continue;
    }
    given.add(id);
    pieces.set(container.id, [...(pieces.get(container.id) ?? []), feature]);
  }

  const out: Feature<Polygonal, { unit: string; from: string[] }>[] = [];
  const omitted: string[] = [];
  const slivers: string[] = [];
  let sliverCount = 0;
  for (const unit of unitsOf(target).sort((a, b) => byId(a.id, b.id))) {
    const group = pieces.get(unit.id);
    if (!group) {
      omitted.push(unit.id);
      continue;
    }
    const missing = missingParts(unit, given);
    if (missing.length > 0) warnings.push(`${unit.id} is incomplete: ${listWords(missing)} not given`);
    const merged =
      group.length === 1 ? group[0]!.geometry : polygonUnion({ type: 'FeatureCollection', features: group })?.geometry;
    const dropped = { holes: 0 };
    const geometry = merged ? clean(merged, dropped) : null;
    if (dropped.holes > 0) slivers.push(`${unit.id} ${dropped.holes}`);
    sliverCount += dropped.holes;
    if (!geometry) {
      warnings.push(`${unit.id} has no area left after the union; omitted`);
      continue;
    }
    const from = [...new Set(group.map((f) => f.properties.unit))];
    out.push({ type: 'Feature', properties: { unit: unit.id, from }, geometry });
  }
  if (omitted.length > 0) warnings.push(`no pieces given for ${listWords(omitted)} (layout ${target}); omitted`);
  if (sliverCount > 0) {
    const holes = sliverCount === 1 ? 'hole' : 'holes';
    warnings.push(`dropped ${sliverCount} ${holes} smaller than 1 km² (slivers): ${slivers.join(', ')}`);
  }
  return { features: { type: 'FeatureCollection', features: out }, warnings };
}
