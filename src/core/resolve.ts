/**
 * Resolving the names and codes that data files use to gazetteer units and places, at a date.
 *
 * Sources name one region many ways (Aqtöbe, Актюбинская обл., KZ-AKT, 15, KZ15, KZ.AT) and name it
 * under the layout of their time. The resolver answers with the unit IN FORCE at the date, explains
 * what it did in `via`, and refuses (with candidates) rather than guess when a name cannot be a
 * first-level unit at that date: a figure for "Shymkent" in 2017 is a city figure, not a region's.
 */
import { LAYOUTS, containingUnit, isPartialDate, layoutAt, successorUnit, unitById, unitOfPlace } from './gazetteer.ts';
import { placeRecords as places, unitRecords as units } from './gazetteer-details.ts';
import { nameKind, normalizeName } from './gazetteer-names.ts';
import type { LayoutId, Place, PlaceRecord, PlaceResolution, Resolution, Unit, UnitRecord } from './types.ts';

/** One spelling of a unit or place, as the index stores it. */
interface NameEntry {
  /** `normalizeName` of the spelling. */
  key: string;
  /** What the spelling itself says it is ("Almaty oblysy" says oblast): it then only meets names saying the same. */
  kind: 'oblast' | 'city' | null;
  /** Unit or place id. */
  id: string;
  /** Where the spelling comes from, for `via`: `alias "Aqtöbe"`. */
  label: string;
  /** Historical names rank below current ones, so "Akmola" is the region, not the old capital. */
  historical: boolean;
}

/** Indexes every spelling of every unit: names, short names, aliases, historical names and the id. */
function unitEntries(list: readonly UnitRecord[]): NameEntry[] {
  return list.flatMap((u) => {
    const current = [
      ...Object.entries(u.names).map(([lang, name]) => ({ text: name, label: `${lang} name "${name}"` })),
      ...Object.entries(u.short).map(([lang, name]) => ({ text: name, label: `short ${lang} name "${name}"` })),
      ...u.aliases.map((a) => ({ text: a, label: `alias "${a}"` })),
    ].map(({ text, label }) => ({
      key: normalizeName(text),
      kind: nameKind(text),
      id: u.id,
      label,
      historical: false,
    }));
    const past = u.historicalNames.map((h) => ({
      key: normalizeName(h.name),
      kind: nameKind(h.name),
      id: u.id,
      label: `historical name "${h.name}" (${h.from ?? '…'} to ${h.to ?? '…'})`,
      historical: true,
    }));
    const id = { key: u.id, kind: null, id: u.id, label: `id "${u.id}"`, historical: false };
    return [...current, ...past, id];
  });
}

/** Indexes every spelling of every place: names in four scripts, aliases and the id. */
function placeEntries(list: readonly PlaceRecord[]): NameEntry[] {
  return list.flatMap((p) => [
    ...[
      ...Object.entries(p.names).map(([lang, name]) => ({ text: name, label: `${lang} name "${name}"` })),
      ...p.aliases.map((a) => ({ text: a, label: `alias "${a}"` })),
    ].map(({ text, label }) => ({
      key: normalizeName(text),
      kind: nameKind(text),
      id: p.id,
      label,
      historical: false,
    })),
    { key: p.id, kind: null, id: p.id, label: `id "${p.id}"`, historical: false },
  ]);
}

const UNIT_ENTRIES: readonly NameEntry[] = unitEntries(units);
const PLACE_ENTRIES: readonly NameEntry[] = placeEntries(places);

/** The key to look up: the id itself for an id (`east-kazakhstan-2022`), else the normalized name. */
function lookupKeys(input: string): string[] {
  const lowered = input.trim().toLowerCase();
  return [lowered, normalizeName(input)];
}

/** Entries whose key matches, where a spelling that names its kind only meets inputs naming the same. */
function matchEntries(entries: readonly NameEntry[], input: string): NameEntry[] {
  const keys = lookupKeys(input);
  const kind = nameKind(input);
  return entries.filter((e) => keys.includes(e.key) && (e.kind === null || e.kind === kind));
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), for suggesting the
 * names closest to a misspelt one.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows (the transposition looks two rows back), reused across calls: suggestions
  // compare a name with every spelling in the gazetteer, for every distinct unknown name in a file.
  const cols = b.length + 1;
  if (rowBuffer.length < 3 * cols) rowBuffer = new Int32Array(3 * cols * 2);
  let before = rowBuffer.subarray(0, cols);
  let previous = rowBuffer.subarray(cols, 2 * cols);
  let current = rowBuffer.subarray(2 * cols, 3 * cols);
  for (let j = 0; j < cols; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[cols - 1]!;
}
let rowBuffer = new Int32Array(256);

/** Ids ordered by the edit distance of their closest spelling to the input, nearest first. */
function closestIds(entries: readonly NameEntry[], input: string): string[] {
  const key = normalizeName(input);
  const best = new Map<string, number>();
  for (const e of entries) {
    const d = editDistance(key, e.key);
    if (d < (best.get(e.id) ?? Infinity)) best.set(e.id, d);
  }
  return [...best.entries()].sort((x, y) => x[1] - y[1]).map(([id]) => id);
}

/** Today as an ISO day, the default date of the resolvers. */
const today = (): string => new Date().toISOString().slice(0, 10);

const layoutIndex = (l: LayoutId): number => LAYOUTS.indexOf(l);

/** The unit of `layout` standing for a unit of another layout: itself, its heir, or its container. */
function counterpartIn(u: Unit, layout: LayoutId): Unit | null {
  if (u.layouts.includes(layout)) return u;
  return successorUnit(u.id, layout) ?? containingUnit(u.id, layout);
}

/** Unit ids for suggestions: the nearest spellings' units, as they stood in the layout, deduplicated. */
function unitCandidates(ids: readonly string[], layout: LayoutId, limit = 3): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const u = unitById(id);
    const c = u === undefined ? null : counterpartIn(u, layout);
    if (c !== null && !out.includes(c.id)) out.push(c.id);
    if (out.length === limit) break;
  }
  return out;
}

/** `Shymkent` for a city, `East Kazakhstan region` for an oblast (`Almaty Region` as is), in running text. */
const unitLabel = (u: Unit): string =>
  u.kind === 'city' || /region$/i.test(u.short.en) ? u.short.en : `${u.short.en} region`;

// ---------------------------------------------------------------------------------------------
// Codes

/** A code's kind and the units it names. */
interface CodeMatch {
  via: string;
  units: Unit[];
}

/**
 * Reads KATO (2 or 9 digits), P-code (KZ15, or longer OCHA P-codes), ISO 3166-2 numeric (KZ-15) and
 * letter (KZ-AKT) codes, and HASC (KZ.AT). Returns null when the text is not shaped like a code.
 */
function matchCode(input: string): CodeMatch | null {
  const code = input.trim().toUpperCase();
  const byKato = (kato: string): Unit[] => units.filter((u) => u.kato === kato);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{2})(\d{7})?$/.exec(code))) return { via: `KATO ${code}`, units: byKato(m[1]!) };
  if ((m = /^KZ(\d{2})(\d{2,7})?$/.exec(code))) return { via: `P-code ${code}`, units: byKato(m[1]!) };
  if ((m = /^KZ-(\d{2})$/.exec(code))) return { via: `ISO 3166-2 ${code}`, units: byKato(m[1]!) };
  if (/^KZ-[A-Z]{3}$/.test(code)) {
    return { via: `ISO 3166-2 letter code ${code}`, units: units.filter((u) => u.isoLetter.includes(code)) };
  }
  if (/^KZ\.[A-Z]{2}$/.test(code)) return { via: `HASC ${code}`, units: units.filter((u) => u.hasc === code) };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Units

/** Units matched by a name, each with its best rank (lower is better) and how it matched. */
interface Ranked {
  unit: Unit;
  rank: number;
  via: string;
}

/**
 * Ranks units matched by a name: a historical name costs 1; a name that says "region" for a city, or
 * "city" for a region, costs 2. Keeps the best-ranked units and, when a bare name fits a city and a
 * region alike, the city: bare "Almaty" is the city, "Almaty region" the oblast.
 */
function rankUnits(input: string): Ranked[] {
  const kind = nameKind(input);
  const best = new Map<string, Ranked>();
  for (const e of matchEntries(UNIT_ENTRIES, input)) {
    const unit = unitById(e.id)!;
    const rank = (e.historical ? 1 : 0) + (kind !== null && kind !== unit.kind ? 2 : 0);
    const seen = best.get(unit.id);
    if (seen === undefined) {
      best.set(unit.id, { unit, rank, via: e.label });
      continue;
    }
    // `via` prefers a historical name when one matched, so "Nur-Sultan" reports its years.
    const via = e.historical && !seen.via.startsWith('historical') ? e.label : seen.via;
    best.set(unit.id, { unit, rank: Math.min(rank, seen.rank), via });
  }
  const all = [...best.values()];
  const top = Math.min(...all.map((r) => r.rank));
  const kept = all.filter((r) => r.rank === top);
  const cities = kept.filter((r) => r.unit.kind === 'city');
  return kind === null && cities.length > 0 && cities.length < kept.length ? cities : kept;
}

/** Explains why a later unit is no first-level unit at an earlier date, in the words of the brief. */
function notYetReason(u: Unit, parent: Unit): string {
  return u.kind === 'city'
    ? `${u.short.en} was a city within ${unitLabel(parent)} until ${u.validFrom}, not a first-level unit`
    : `${u.short.en} region was created on ${u.validFrom}; before that its territory was part of ${parent.short.en}`;
}

/** Says how an older unit became the one in force: a rename, or a smaller extent under the same name. */
function heirNote(old: Unit, heir: Unit): string {
  if (heir.kato !== old.kato) return `${unitLabel(old)} was renamed ${unitLabel(heir)} on ${heir.validFrom}`;
  const split = units.filter((u) => u.partOf === old.id && u.id !== heir.id).map(unitLabel);
  return `${unitLabel(old)} has had a smaller extent since ${heir.validFrom} (${split.join(', ')} split off)`;
}

/**
 * Turns matched units into the unit in force in a layout. A unit of the layout wins; an older unit
 * gives way to its heir (South Kazakhstan in 2019 → Turkistan); a newer unit is accepted only when it
 * is its container's heir under a new name (Turkistan in 2017 → South Kazakhstan), and otherwise
 * refused with its container as candidate (Abai or Shymkent before they existed).
 */
function inForce(matches: readonly Ranked[], layout: LayoutId): Resolution {
  const current = matches.filter((r) => r.unit.layouts.includes(layout));
  if (current.length === 1) return { ok: true, unit: current[0]!.unit, layout, via: current[0]!.via };
  if (current.length > 1) {
    return {
      ok: false,
      reason: `ambiguous region name: ${current.map((r) => r.via).join('; ')}`,
      candidates: current.map((r) => r.unit.id),
    };
  }
  const outcomes = matches.map(({ unit, via }): Resolution => {
    if (layoutIndex(layout) > LAYOUTS.indexOf(unit.layouts.at(-1)!)) {
      const heir = successorUnit(unit.id, layout);
      if (heir) return { ok: true, unit: heir, layout, via: `${via}; ${heirNote(unit, heir)}` };
      const parts = units.filter((u) => u.partOf === unit.id && u.layouts.includes(layout)).map((u) => u.id);
      return {
        ok: false,
        reason: `${unitLabel(unit)} no longer existed in layout ${layout}; it was split`,
        candidates: parts,
      };
    }
    const parent = containingUnit(unit.id, layout)!;
    if (successorUnit(parent.id, unit.layouts[0]!)?.id === unit.id) {
      return {
        ok: true,
        unit: parent,
        layout,
        via: `${via}; ${unitLabel(unit)} was ${unitLabel(parent)} before ${unit.validFrom}`,
      };
    }
    return { ok: false, reason: notYetReason(unit, parent), candidates: [parent.id] };
  });
  const found = outcomes.filter((o) => o.ok);
  const ids = new Set(found.map((o) => (o.ok ? o.unit.id : '')));
  if (found.length > 0 && ids.size === 1) return found[0]!;
  return outcomes[0]!;
}

/** Failure for a name that is no unit: a known place is pointed to its unit, anything else to the nearest names. */
function unknownUnit(input: string, layout: LayoutId, candidates: boolean): Resolution {
  const place = matchEntries(PLACE_ENTRIES, input)[0];
  if (place) {
    const p = places.find((x) => x.id === place.id)!;
    const unit = unitOfPlace(p, layout);
    const what = p.kind === 'country' || p.kind === 'region' ? p.kind : 'city';
    return {
      ok: false,
      reason: `"${input}" names a ${what} (${p.id}), not a first-level unit of Kazakhstan; use resolvePlace`,
      candidates: unit ? [unit.id] : [],
    };
  }
  return {
    ok: false,
    reason: `unknown region name "${input}"`,
    candidates: candidates ? unitCandidates(closestIds(UNIT_ENTRIES, input), layout) : [],
  };
}

/**
 * Failure for a name whose word for region or city contradicts the only units it matches: "г. Караганда"
 * is the city, not Karaganda region; "Astana oblast" is no unit at all. Points to the place if any.
 */
function kindMismatch(input: string, unit: Unit, layout: LayoutId, ranked: readonly Ranked[]): Resolution {
  const place = matchEntries(PLACE_ENTRIES, input)[0];
  const says = nameKind(input) === 'city' ? 'a city' : 'a region';
  const is = unit.kind === 'city' ? 'a city' : 'a region';
  const hint = place ? `; for the place "${place.id}" use resolvePlace` : '';
  return {
    ok: false,
    reason: `"${input}" names ${says}, but ${unit.short.en} is ${is}${hint}`,
    candidates: unitCandidates(
      ranked.map((r) => r.unit.id),
      layout,
    ),
  };
}

export interface ResolveOptions {
  /**
   * Whether an unknown name's failure lists the nearest spellings (default true). They take a
   * comparison with every spelling in the gazetteer: a caller that may not show them can skip them.
   */
  candidates?: boolean;
}

/**
 * Resolves a region name or code to the first-level unit in force at a date.
 *
 * Accepts KATO (2 or 9 digits), P-codes, ISO 3166-2 numeric and letter codes, HASC, and every name,
 * alias and historical name in the gazetteer, in any case, with or without the words for region or
 * city. A bare name that is both a city unit and a region (Almaty) is the city; "Almaty oblast" is
 * the region; a bare region name named after its centre ("Karaganda") is the region. Names of units
 * from another layout are carried to the layout of the date when the unit was renamed ("South
 * Kazakhstan" in 2019 → Turkistan; "Turkistan" in 2017 → South Kazakhstan) and refused, with the
 * containing unit as candidate, when the unit did not exist yet (Shymkent before 2018-06-19, Abai
 * before 2022-06-08). Unknown names fail with the three nearest units as candidates.
 *
 * @param date partial ISO date (`2019`, `2019-03`, `2019-03-23`), read as its first day; default today.
 * @example resolveUnit('ЮКО', '2019-05-01') // { ok: true, unit: turkistan, layout: 'B', via: 'alias "ЮКО"; South Kazakhstan region was renamed Turkistan region on 2018-06-19' }
 * @example resolveUnit('Shymkent', '2017') // { ok: false, reason: 'Shymkent was a city within South Kazakhstan region until 2018-06-19, not a first-level unit', candidates: ['south-kazakhstan'] }
 */
export function resolveUnit(name: string, date: string = today(), options: ResolveOptions = {}): Resolution {
  if (!isPartialDate(date)) return { ok: false, reason: `invalid date "${date}"`, candidates: [] };
  const layout = layoutAt(date);
  if (normalizeName(name) === '') return { ok: false, reason: `empty region name "${name}"`, candidates: [] };
  const code = matchCode(name);
  if (code) {
    if (code.units.length === 0) return { ok: false, reason: `unknown region code "${name.trim()}"`, candidates: [] };
    return inForce(
      code.units.map((unit) => ({ unit, rank: 0, via: code.via })),
      layout,
    );
  }
  const ranked = rankUnits(name);
  if (ranked.length === 0) return unknownUnit(name, layout, options.candidates ?? true);
  if (ranked[0]!.rank >= 2) {
    return kindMismatch(name, ranked[0]!.unit, layout, ranked);
  }
  return inForce(ranked, layout);
}

// ---------------------------------------------------------------------------------------------
// Places

const SETTLEMENTS: ReadonlySet<Place['kind']> = new Set(['city', 'town', 'village']);

/**
 * Resolves a city, town, village or foreign area name to a gazetteer place, with the first-level
 * unit it lay in at the date (null outside Kazakhstan and for the country itself).
 *
 * Accepts names in four scripts and the aliases (Oskemen, Uralsk, Semipalatinsk, Kapchagay, ...), in
 * any case, with or without the words for city. A name that says "region" is refused for a town
 * ("Aktobe oblast" is a region: use resolveUnit). It never falls back to units or their centres;
 * unknown names fail with the three nearest places as candidates.
 *
 * @param date partial ISO date, read as its first day; default today.
 * @example resolvePlace('Semipalatinsk', '2023-01-01') // { ok: true, place: semey, unit: abai, layout: 'C', via: 'alias "Semipalatinsk"' }
 * @example resolvePlace('Шубаркудук') // { ok: false, reason: 'unknown place name "Шубаркудук"', candidates: [...] }
 */
export function resolvePlace(name: string, date: string = today(), options: ResolveOptions = {}): PlaceResolution {
  if (!isPartialDate(date)) return { ok: false, reason: `invalid date "${date}"`, candidates: [] };
  const layout = layoutAt(date);
  if (normalizeName(name) === '') return { ok: false, reason: `empty place name "${name}"`, candidates: [] };
  const matches = matchEntries(PLACE_ENTRIES, name);
  const ids = [...new Set(matches.map((e) => e.id))];
  if (ids.length === 0) {
    const unit = resolveUnit(name, date, { candidates: false });
    const reason = unit.ok
      ? `"${name}" names a first-level unit (${unit.unit.id}), not a place; use resolveUnit`
      : `unknown place name "${name}"`;
    return {
      ok: false,
      reason,
      candidates: options.candidates === false ? [] : closestIds(PLACE_ENTRIES, name).slice(0, 3),
    };
  }
  if (ids.length > 1) return { ok: false, reason: `ambiguous place name "${name}"`, candidates: ids };
  const place = places.find((p) => p.id === ids[0])!;
  if (nameKind(name) === 'oblast' && SETTLEMENTS.has(place.kind)) {
    return {
      ok: false,
      reason: `"${name}" names a region, not the ${place.kind} ${place.names.en}; use resolveUnit`,
      candidates: [place.id],
    };
  }
  return { ok: true, place, unit: unitOfPlace(place, layout), layout, via: matches[0]!.label };
}
