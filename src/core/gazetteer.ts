/**
 * The gazetteer: Kazakhstan's first-level units in each administrative layout, and the places the
 * data names. Both lists live in `geo/gazetteer/*.json` so that non-programmers can review them; they
 * are validated (gazetteer-check.ts) once, when this module loads in Node (the CLI, the tests) and
 * on the dev server, and by a production build when it bundles them, so a malformed record fails
 * loudly at start-up or at build instead of silently mis-joining a statistic later.
 *
 * Layouts (see /shared/DOMAIN.md):
 * - A: until 2018-06-18 (16 units), B: 2018-06-19 to 2022-06-07 (17), C: since 2022-06-08 (20).
 *
 * Kazakh Latin names follow the 2021 official alphabet (ş, ğ, q, ñ, ö, ü, ū, ı); other romanisations
 * (Natural Earth's "Qaraghandy", OCHA's "Karagandy", ...) are kept as aliases.
 */
import unitsJson from '../../geo/gazetteer/units.json' with { type: 'json' };
import placesJson from '../../geo/gazetteer/places.json' with { type: 'json' };
import type { LayoutId, Place, Unit } from './types.ts';
import { LAYOUTS } from './gazetteer-dates.ts';
import { validateGazetteer } from './gazetteer-check.ts';

export {
  LAYOUTS,
  LAYOUT_PERIODS,
  firstDay,
  isPartialDate,
  lastDay,
  layoutAt,
  layoutsDuring,
} from './gazetteer-dates.ts';

/** Deep-freezes the loaded records so that no caller can change the gazetteer for the others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Loaded gazetteer

/**
 * The two files' records, frozen, with an index by id. A production build has checked the files as
 * it bundled them, and that they are exactly what the checks return (vite.config.ts), so the page
 * takes them as they are; elsewhere (Node, the dev server) they are checked here.
 */
export function readGazetteer<U extends { id: string }, P extends { id: string }>(
  unitsRaw: unknown,
  placesRaw: unknown,
) {
  const loaded = deepFreeze(
    import.meta.env?.PROD === true
      ? { units: unitsRaw as U[], places: placesRaw as P[] }
      : (validateGazetteer(unitsRaw, placesRaw) as unknown as { units: U[]; places: P[] }),
  );
  return {
    units: loaded.units as readonly U[],
    places: loaded.places as readonly P[],
    unitIndex: new Map(loaded.units.map((u) => [u.id, u])),
    placeIndex: new Map(loaded.places.map((p) => [p.id, p])),
  };
}

const loaded = readGazetteer<Unit, Place>(unitsJson, placesJson);
/** Every unit record, one per extent, in file order. */
export const units: readonly Unit[] = loaded.units;
/** Every place record, in file order. */
export const places: readonly Place[] = loaded.places;
const { unitIndex, placeIndex } = loaded;

/** The unit with this id, or undefined. */
export function unitById(id: string): Unit | undefined {
  return unitIndex.get(id);
}

/** The place with this id, or undefined. */
export function placeById(id: string): Place | undefined {
  return placeIndex.get(id);
}

/** Looks up a unit that must exist, for internal callers holding ids taken from the gazetteer. */
function requireUnit(id: string): Unit {
  const u = unitIndex.get(id);
  if (!u) throw new Error(`gazetteer: unknown unit "${id}"`);
  return u;
}

/**
 * The first-level units of a layout: 16 in A, 17 in B, 20 in C.
 *
 * @example unitsOf('B').map((u) => u.id).includes('shymkent') // true
 */
export function unitsOf(layout: LayoutId): Unit[] {
  return units.filter((u) => u.layouts.includes(layout));
}

/**
 * The unit a place lay in under a layout; null for places outside Kazakhstan and for the country.
 *
 * @example unitOfPlace('semey', 'C')?.id // 'abai'
 */
export function unitOfPlace(place: Place | string, layout: LayoutId): Unit | null {
  const p = typeof place === 'string' ? placeById(place) : place;
  const id = p?.units[layout];
  return id === undefined ? null : (unitById(id) ?? null);
}

/** Index of a unit's first layout, for "earlier" / "later" comparisons. */
const firstLayoutIndex = (u: Unit): number => LAYOUTS.indexOf(u.layouts[0]!);
const lastLayoutIndex = (u: Unit): number => LAYOUTS.indexOf(u.layouts.at(-1)!);

/**
 * The unit of an (earlier) layout that contains a unit: the unit itself when it exists in that
 * layout, else the first unit up its `partOf` chain that does. Null when the unit is older than the
 * layout (an earlier, larger extent is not contained in any one later unit).
 *
 * @example containingUnit('turkistan', 'A')?.id // 'south-kazakhstan'
 * @example containingUnit('aktobe', 'A')?.id // 'aktobe'
 * @throws for an unknown unit id.
 */
export function containingUnit(unitId: string, layout: LayoutId): Unit | null {
  let u: Unit | undefined = requireUnit(unitId);
  while (u !== undefined) {
    if (u.layouts.includes(layout)) return u;
    if (firstLayoutIndex(u) < LAYOUTS.indexOf(layout)) return null;
    u = u.partOf === null ? undefined : requireUnit(u.partOf);
  }
  return null;
}

/**
 * The unit of a later layout that continues an older unit: the part that kept its KATO code (East
 * Kazakhstan after Abai split off) or else its only oblast part (South Kazakhstan → Turkistan, as
 * Shymkent is a city). Null when the older unit has no single heir, or is newer than the layout.
 *
 * @example successorUnit('south-kazakhstan', 'B')?.id // 'turkistan'
 * @example successorUnit('east-kazakhstan', 'C')?.id // 'east-kazakhstan-2022'
 * @throws for an unknown unit id.
 */
export function successorUnit(unitId: string, layout: LayoutId): Unit | null {
  const u = requireUnit(unitId);
  if (u.layouts.includes(layout)) return u;
  if (lastLayoutIndex(u) > LAYOUTS.indexOf(layout)) return null;
  const parts = units.filter((c) => c.partOf === u.id);
  const oblastParts = parts.filter((c) => c.kind === 'oblast');
  const heir = parts.find((c) => c.kato === u.kato) ?? (oblastParts.length === 1 ? oblastParts[0] : undefined);
  return heir === undefined ? null : successorUnit(heir.id, layout);
}
