/**
 * The gazetteer: Kazakhstan's first-level units in each administrative layout, and the places the
 * data names. Both lists live in `geo/gazetteer/*.json` so that non-programmers can review them; they
 * are validated here, once, when the module loads, so a malformed record fails loudly at start-up
 * instead of silently mis-joining a statistic later.
 *
 * Layouts (see /shared/DOMAIN.md):
 * - A: until 2018-06-18 (16 units), B: 2018-06-19 to 2022-06-07 (17), C: since 2022-06-08 (20).
 *
 * Kazakh Latin names follow the 2021 official alphabet (ş, ğ, q, ñ, ö, ü, ū, ı); other romanisations
 * (Natural Earth's "Qaraghandy", OCHA's "Karagandy", ...) are kept as aliases.
 */
import unitsJson from '../../geo/gazetteer/units.json' with { type: 'json' };
import placesJson from '../../geo/gazetteer/places.json' with { type: 'json' };
import type { LayoutId, Names, Place, Unit } from './types.ts';

/** Layouts in chronological order. */
export const LAYOUTS: readonly LayoutId[] = ['A', 'B', 'C'];

/** First and last day of each layout; null where open-ended. */
export const LAYOUT_PERIODS: Readonly<Record<LayoutId, { from: string | null; to: string | null }>> = {
  A: { from: null, to: '2018-06-18' },
  B: { from: '2018-06-19', to: '2022-06-07' },
  C: { from: '2022-06-08', to: null },
};

// ---------------------------------------------------------------------------------------------
// Dates

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month of a year (Gregorian), so that `2024-02` ends on the 29th. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a partial ISO date into numbers, or null when it is not one (`2018-13`, `18-06-19`). */
function parsePartialDate(text: string): { year: number; month: number | null; day: number | null } | null {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && month !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  return { year, month, day };
}

/** True for `2018`, `2018-06` and `2018-06-19`. */
export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * First day a partial ISO date covers: `2018` → `2018-01-01`, `2022-06` → `2022-06-01`.
 * @throws when the text is not a partial ISO date.
 */
export function firstDay(partial: string): string {
  const d = parsePartialDate(partial);
  if (!d) throw new Error(`not an ISO date: "${partial}"`);
  return `${d.year}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

/**
 * Last day a partial ISO date covers: `2018` → `2018-12-31`, `2024-02` → `2024-02-29`.
 * @throws when the text is not a partial ISO date.
 */
export function lastDay(partial: string): string {
  const d = parsePartialDate(partial);
  if (!d) throw new Error(`not an ISO date: "${partial}"`);
  const month = d.month ?? 12;
  return `${d.year}-${pad(month)}-${pad(d.day ?? daysInMonth(d.year, month))}`;
}

/** The layout in force on one ISO day (`YYYY-MM-DD`); string order is date order. */
function layoutOnDay(day: string): LayoutId {
  if (day < '2018-06-19') return 'A';
  if (day < '2022-06-08') return 'B';
  return 'C';
}

/**
 * The layout in force at a date.
 *
 * A partial date (`2018`, `2022-06`) is read as its FIRST day, so `2018` → A and `2022-06` → B even
 * though both periods straddle a change: a statistic for "2018" was compiled on the regions that
 * existed when the year began. Use {@link layoutsDuring} when a period may span two layouts.
 *
 * @example layoutAt('2018-06-18') // 'A'
 * @example layoutAt('2018-06-19') // 'B'
 * @example layoutAt('2022-06') // 'B'
 * @throws when the text is not a partial ISO date.
 */
export function layoutAt(isoDate: string): LayoutId {
  return layoutOnDay(firstDay(isoDate));
}

/**
 * Every layout in force at some day of a period, oldest first. Partial dates count whole: the
 * period runs from the first day of `startIso` to the last day of `endIso`.
 *
 * @example layoutsDuring('2018', '2018') // ['A', 'B']
 * @example layoutsDuring('2019-01', '2019-10') // ['B']
 * @throws when a date is malformed or the period ends before it starts.
 */
export function layoutsDuring(startIso: string, endIso: string): LayoutId[] {
  const start = firstDay(startIso);
  const end = lastDay(endIso);
  if (end < start) throw new Error(`period ends (${endIso}) before it starts (${startIso})`);
  const from = LAYOUTS.indexOf(layoutOnDay(start));
  const to = LAYOUTS.indexOf(layoutOnDay(end));
  return LAYOUTS.slice(from, to + 1);
}

// ---------------------------------------------------------------------------------------------
// Names

/** Latin letters that look like Cyrillic ones, and back: real files mix scripts inside one word. */
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'һ',
  b: 'в',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  с: 'c',
  е: 'e',
  і: 'i',
  о: 'o',
  р: 'p',
  х: 'x',
  у: 'y',
  к: 'k',
  м: 'm',
  т: 't',
};

/**
 * Rewrites homoglyphs of the minority script in a word into its majority script. The geokz files
 * write North Kazakhstan as "Солтүстiк" with a Latin `i`; without this it would not match "Солтүстік".
 */
function unifyScript(word: string): string {
  const cyrillic = (word.match(/[\u0400-\u04ff]/g) ?? []).length;
  const latin = (word.match(/[a-z]/g) ?? []).length;
  if (cyrillic === 0 || latin === 0) return word;
  const table = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  return [...word].map((ch) => table[ch] ?? ch).join('');
}

/** Kazakh letters folded to the nearest Russian ones (and ё to е), so Ақтөбе meets Актобе. */
const KAZAKH_TO_RUSSIAN: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
  ı: 'i',
};

/** Strips diacritics from Latin letters only: NFD would otherwise also turn Cyrillic й into и. */
function stripLatinDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC');
}

/**
 * Lowercased, script-unified, folded words of a name, with punctuation and quotes removed.
 * Hyphens split words, so `Nur-Sultan` and `Nur Sultan` give the same words.
 */
function nameWords(text: string): string[] {
  const lowered = stripLatinDiacritics(text.normalize('NFC').toLowerCase());
  return lowered
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => [...unifyScript(w)].map((ch) => KAZAKH_TO_RUSSIAN[ch] ?? ch).join(''));
}

/** Words (after folding) for "region" in English, Russian and Kazakh, in the cases sources use. */
const REGION_WORDS: ReadonlySet<string> = new Set([
  'oblast',
  'oblasti',
  'oblys',
  'oblysy',
  'obl',
  'region',
  'province',
  'reg',
  'oblusu',
  'область',
  'области',
  'областью',
  'обл',
  'облыс',
  'облысы',
  'облысынын',
  'облысында',
  'регион',
  'облусу',
]);

/** Words (after folding) for "city": `г.`, `қ.` (→ к), `қаласы`, `(city)`, ... */
const CITY_WORDS: ReadonlySet<string> = new Set([
  'city',
  'g',
  'gorod',
  'qala',
  'qalasy',
  'kala',
  'kalasy',
  'город',
  'гор',
  'г',
  'к',
  'кала',
  'каласы',
  'шахары',
]);

/** Russian adjective endings (Актюбинской, Карагандинскую, ...), folded to the nominative -ская. */
const ADJECTIVE_ENDING = /ск(ая|ой|ую|ий|ого|ому|ом|ое|ие|их)$/;

/** Words of a name without the words for region or city (and the `of` in "city of"). */
function coreWords(words: readonly string[]): string[] {
  return words.filter((w, i) => {
    if (REGION_WORDS.has(w) || CITY_WORDS.has(w)) return false;
    const previous = words[i - 1];
    return !(w === 'of' && previous !== undefined && (REGION_WORDS.has(previous) || CITY_WORDS.has(previous)));
  });
}

/**
 * A name reduced to the letters that identify it, for matching names written by different hands.
 *
 * Lowercases; strips Latin diacritics (Aqtöbe → aqtobe); folds Kazakh letters to Russian ones
 * (Ақтөбе → актобе) and ё → е; unifies mixed-script words; drops quotes, punctuation, spaces and the
 * words for region and city in English, Russian and Kazakh (oblast, region, province, obl., область,
 * обл., облысы, city, city of, г., қ., қаласы, город, "(city)"); and puts Russian adjectives into the
 * nominative feminine, so "Актюбинской области" and "Актюбинская" agree. It does not transliterate
 * between scripts: aliases carry the spellings.
 *
 * @example normalizeName('Ақтөбе облысы') // 'актобе'
 * @example normalizeName('Nur-Sultan (city)') // 'nursultan'
 */
export function normalizeName(s: string): string {
  return coreWords(nameWords(s))
    .map((w) => w.replace(ADJECTIVE_ENDING, 'ская'))
    .join('');
}

/**
 * What a name says it is: `oblast` when it carries a word for region or is a Russian adjective
 * ("Алматинская"), `city` when it carries a word for city, null when it says neither. The resolver
 * uses this to tell "Almaty region" from "Almaty".
 *
 * @example nameKind('Алматы облысы') // 'oblast'
 * @example nameKind('г. Алматы') // 'city'
 * @example nameKind('Almaty') // null
 */
export function nameKind(s: string): 'oblast' | 'city' | null {
  const words = nameWords(s);
  if (words.some((w) => REGION_WORDS.has(w))) return 'oblast';
  if (words.some((w) => CITY_WORDS.has(w))) return 'city';
  const last = coreWords(words).at(-1);
  if (last !== undefined && ADJECTIVE_ENDING.test(last)) return 'oblast';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Validation

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

/** Deep-freezes the loaded records so that no caller can change the gazetteer for the others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
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

// ---------------------------------------------------------------------------------------------
// Loaded gazetteer

const loaded = deepFreeze(validateGazetteer(unitsJson as unknown, placesJson as unknown));

/** Every unit record, one per extent, in file order. */
export const units: readonly Unit[] = loaded.units;
/** Every place record, in file order. */
export const places: readonly Place[] = loaded.places;

const unitIndex = new Map(units.map((u) => [u.id, u]));
const placeIndex = new Map(places.map((p) => [p.id, p]));

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
