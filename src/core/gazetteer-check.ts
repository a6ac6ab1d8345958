/**
 * The gazetteer's checks (geo/gazetteer/*.json): shapes, unique ids and codes, links between units
 * and places, unit centres. gazetteer.ts runs them on the files when it loads in Node (the CLI,
 * the tests) and on the dev server; a production build runs them when it bundles the files
 * (vite.config.ts), so that the page carries neither the checks nor the name matching they use.
 */
import type { LayoutId, Names, PlaceRecord as Place, UnitRecord as Unit } from './types.ts';
import { LAYOUTS, LAYOUT_PERIODS, firstDay, isPartialDate, lastDay } from './gazetteer-dates.ts';
import { normalizeName } from './gazetteer-names.ts';

/** A plain JSON object, for narrowing `unknown`. */
type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLayout = (v: unknown): v is LayoutId => v === 'A' || v === 'B' || v === 'C';

/** Builds error messages that name the file, the record and the field. */
function fail(file: string, index: number, id: unknown, field: string, problem: string): never {
  const who = typeof id === 'string' ? ` (id "${id}")` : '';
  throw new Error(`gazetteer: ${file}[${index}]${who}: field "${field}" ${problem}`);
}

/** Reads one field of a record through a checker that returns the typed value or throws. */
type Reader = <T>(field: string, check: (v: unknown) => T | undefined, expected: string) => T;

function readerFor(file: string, index: number, record: JsonObject): Reader {
  return (field, check, expected) => {
    const value = record[field];
    const out = check(value);
    if (out === undefined) fail(file, index, record['id'], field, `must be ${expected}, got ${JSON.stringify(value)}`);
    return out;
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const strOrNull = (v: unknown): string | null | undefined => (v === null ? null : str(v));
const dateOrNull = (v: unknown): string | null | undefined =>
  v === null ? null : typeof v === 'string' && isPartialDate(v) ? v : undefined;
const strList = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => str(x) !== undefined) ? (v as string[]) : undefined;
const matching =
  (re: RegExp) =>
  (v: unknown): string | undefined =>
    typeof v === 'string' && re.test(v) ? v : undefined;
const oneOf =
  <T extends string>(...options: T[]) =>
  (v: unknown): T | undefined =>
    options.find((o) => o === v);
const names = (v: unknown): Names | undefined => {
  if (!isObject(v)) return undefined;
  const { en, ru, kk, kk_latn } = v;
  const all = [en, ru, kk, kk_latn].map(str);
  return all.every((x) => x !== undefined) ? { en: all[0]!, ru: all[1]!, kk: all[2]!, kk_latn: all[3]! } : undefined;
};
const layoutList = (v: unknown): LayoutId[] | undefined =>
  Array.isArray(v) && v.length > 0 && v.every(isLayout) && new Set(v).size === v.length
    ? [...v].sort((a, b) => LAYOUTS.indexOf(a) - LAYOUTS.indexOf(b))
    : undefined;
const historicalNames = (v: unknown): Unit['historicalNames'] | undefined => {
  if (!Array.isArray(v)) return undefined;
  const out: Unit['historicalNames'] = [];
  for (const h of v) {
    if (!isObject(h)) return undefined;
    const name = str(h['name']);
    const from = dateOrNull(h['from']);
    const to = dateOrNull(h['to']);
    if (name === undefined || from === undefined || to === undefined) return undefined;
    out.push({ name, from, to });
  }
  return out;
};
const coordinate =
  (limit: number) =>
  (v: unknown): number | undefined =>
    typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit ? v : undefined;
const layoutMap = (v: unknown): Partial<Record<LayoutId, string>> | undefined => {
  if (!isObject(v)) return undefined;
  const out: Partial<Record<LayoutId, string>> = {};
  for (const [k, id] of Object.entries(v)) {
    const s = str(id);
    if (!isLayout(k) || s === undefined) return undefined;
    out[k] = s;
  }
  return out;
};

/** Layouts whose period overlaps `[from, to]` (null = open end). */
function layoutsOverlapping(from: string | null, to: string | null): LayoutId[] {
  const start = from === null ? null : firstDay(from);
  const end = to === null ? null : lastDay(to);
  return LAYOUTS.filter((l) => {
    const p = LAYOUT_PERIODS[l];
    const startsBeforeEnd = end === null || p.from === null || p.from <= end;
    const endsAfterStart = start === null || p.to === null || p.to >= start;
    return startsBeforeEnd && endsAfterStart;
  });
}

/** Checks the shape of one unit record; cross-record checks come after. */
function readUnit(raw: unknown, index: number): Unit {
  const file = 'units.json';
  if (!isObject(raw)) fail(file, index, undefined, '(record)', 'must be an object');
  const read = readerFor(file, index, raw);
  const kato = read('kato', matching(/^\d{2}$/), 'two digits');
  const unit: Unit = {
    id: read('id', matching(/^[a-z0-9]+(-[a-z0-9]+)*$/), 'a lowercase slug'),
    kato,
    pcode: read('pcode', oneOf(`KZ${kato}`), `"KZ${kato}" (KZ + kato)`),
    isoNumeric: read('isoNumeric', oneOf(`KZ-${kato}`), `"KZ-${kato}" (KZ- + kato)`),
    isoLetter: read(
      'isoLetter',
      (v) => (strList(v)?.every((s) => /^KZ-[A-Z]{3}$/.test(s)) ? (v as string[]) : undefined),
      'a list of KZ-XXX codes',
    ),
    hasc: read('hasc', (v) => (v === null ? null : matching(/^KZ\.[A-Z]{2}$/)(v)), 'null or KZ.XX'),
    kind: read('kind', oneOf('oblast', 'city'), '"oblast" or "city"'),
    layouts: read('layouts', layoutList, 'a non-empty list of distinct layouts A, B, C'),
    validFrom: read('validFrom', dateOrNull, 'null or an ISO date'),
    validTo: read('validTo', dateOrNull, 'null or an ISO date'),
    names: read('names', names, 'an object with en, ru, kk, kk_latn'),
    short: read('short', names, 'an object with en, ru, kk, kk_latn'),
    aliases: read('aliases', strList, 'a list of non-empty strings'),
    historicalNames: read('historicalNames', historicalNames, 'a list of { name, from, to }'),
    partOf: read('partOf', strOrNull, 'null or a unit id'),
    centre: read('centre', str, 'a place id'),
    history: read('history', str, 'a sentence'),
  };
  const expected = layoutsOverlapping(unit.validFrom, unit.validTo);
  if (expected.join() !== unit.layouts.join()) {
    fail(
      file,
      index,
      unit.id,
      'layouts',
      `must be [${expected.join(', ')}] for validity ${unit.validFrom} to ${unit.validTo}`,
    );
  }
  return unit;
}

/**
 * Validates the unit list: shapes, unique ids, one unit per KATO code within a layout, and `partOf`
 * pointing at a unit that ended when this one began.
 *
 * @throws an Error naming the record and field of the first problem found.
 */
export function validateUnits(raw: unknown): Unit[] {
  if (!Array.isArray(raw)) throw new Error('gazetteer: units.json must be an array');
  const list = raw.map(readUnit);
  const byId = new Map<string, Unit>();
  list.forEach((u, i) => {
    if (byId.has(u.id)) fail('units.json', i, u.id, 'id', 'is a duplicate');
    byId.set(u.id, u);
  });
  list.forEach((u, i) => {
    for (const l of u.layouts) {
      const twin = list.find((o) => o !== u && o.kato === u.kato && o.layouts.includes(l));
      if (twin) fail('units.json', i, u.id, 'kato', `${u.kato} is shared with "${twin.id}" in layout ${l}`);
    }
    if (u.partOf === null) return;
    const parent = byId.get(u.partOf);
    if (!parent) fail('units.json', i, u.id, 'partOf', `references unknown unit "${u.partOf}"`);
    if (parent.validTo === null || u.validFrom === null || parent.validTo >= u.validFrom) {
      fail('units.json', i, u.id, 'partOf', `"${parent.id}" must have ended before this unit began`);
    }
  });
  return list;
}

/** Checks the shape of one place record; cross-references come after. */
function readPlace(raw: unknown, index: number): Place {
  const file = 'places.json';
  if (!isObject(raw)) fail(file, index, undefined, '(record)', 'must be an object');
  const read = readerFor(file, index, raw);
  return {
    id: read('id', matching(/^[a-z0-9]+(-[a-z0-9]+)*$/), 'a lowercase slug'),
    names: read('names', names, 'an object with en, ru, kk, kk_latn'),
    aliases: read('aliases', strList, 'a list of non-empty strings'),
    kind: read('kind', oneOf('city', 'town', 'village', 'district', 'region', 'country'), 'a place kind'),
    country: read('country', matching(/^[A-Z]{2}$/), 'an ISO 3166-1 alpha-2 code'),
    lon: read('lon', coordinate(180), 'a longitude'),
    lat: read('lat', coordinate(90), 'a latitude'),
    units: read('units', layoutMap, 'an object from layout to unit id'),
    cityUnit: read('cityUnit', strOrNull, 'null or a unit id'),
    coordNote: read('coordNote', str, 'a note on the coordinate'),
  };
}

/**
 * Validates the place list against the units: unique ids and names, each `units` entry naming a unit
 * of that layout, `cityUnit` naming a city unit, and no units for places outside Kazakhstan.
 *
 * @throws an Error naming the record and field of the first problem found.
 */
export function validatePlaces(raw: unknown, unitList: readonly Unit[]): Place[] {
  if (!Array.isArray(raw)) throw new Error('gazetteer: places.json must be an array');
  const list = raw.map(readPlace);
  const unitIds = new Map(unitList.map((u) => [u.id, u]));
  const ids = new Set<string>();
  const nameOwner = new Map<string, string>();
  list.forEach((p, i) => {
    if (ids.has(p.id)) fail('places.json', i, p.id, 'id', 'is a duplicate');
    ids.add(p.id);
    for (const [layout, unitId] of Object.entries(p.units)) {
      const u = unitIds.get(unitId);
      if (!u) fail('places.json', i, p.id, 'units', `references unknown unit "${unitId}"`);
      if (!u.layouts.includes(layout as LayoutId)) {
        fail('places.json', i, p.id, 'units', `"${unitId}" is not a unit of layout ${layout}`);
      }
    }
    if (p.country !== 'KZ' && Object.keys(p.units).length > 0) {
      fail('places.json', i, p.id, 'units', 'must be empty outside Kazakhstan');
    }
    if (p.cityUnit !== null && unitIds.get(p.cityUnit)?.kind !== 'city') {
      fail('places.json', i, p.id, 'cityUnit', `"${p.cityUnit}" is not a city unit`);
    }
    for (const name of [...Object.values(p.names), ...p.aliases]) {
      const key = normalizeName(name);
      const owner = nameOwner.get(key);
      if (owner !== undefined && owner !== p.id) {
        fail('places.json', i, p.id, 'aliases', `"${name}" is also a name of place "${owner}"`);
      }
      nameOwner.set(key, p.id);
    }
  });
  return list;
}

/**
 * Checks that each unit's centre is a known place lying in that unit in every layout of the unit
 * (or is the city that the unit is).
 *
 * @throws an Error naming the unit and field of the first problem found.
 */
export function validateCentres(unitList: readonly Unit[], placeList: readonly Place[]): void {
  unitList.forEach((u, i) => {
    const centre = placeList.find((p) => p.id === u.centre);
    if (!centre) fail('units.json', i, u.id, 'centre', `references unknown place "${u.centre}"`);
    const inside = u.layouts.every((l) => centre.units[l] === u.id || centre.cityUnit === u.id);
    if (!inside) fail('units.json', i, u.id, 'centre', `place "${centre.id}" does not lie in this unit`);
  });
}

/**
 * Validates both files together: units, then places against units, then unit centres against
 * places. The module runs this on the real files at load; tests run it on broken copies.
 *
 * @throws an Error naming the file, record and field of the first problem found.
 */
export function validateGazetteer(unitsRaw: unknown, placesRaw: unknown): { units: Unit[]; places: Place[] } {
  const unitList = validateUnits(unitsRaw);
  const placeList = validatePlaces(placesRaw, unitList);
  validateCentres(unitList, placeList);
  return { units: unitList, places: placeList };
}
