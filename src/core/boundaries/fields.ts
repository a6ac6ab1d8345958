/**
 * Finding which attributes of a boundary file carry the region code, the region names, the level and
 * the date. Found by values, not only by names: a field counts as much as its values resolve.
 */
import { isPartialDate } from '../gazetteer.ts';
import { resolveUnit } from '../resolve.ts';
import type { GeoJsonProperties } from 'geojson';

export type CodeKind = 'kato' | 'pcode' | 'iso_numeric' | 'iso_letter' | 'hasc';

export interface BoundaryFields {
  /** The field whose values resolve best as region codes, or null. */
  code: { field: string; kind: CodeKind; resolved: number } | null;
  /** Fields whose values resolve as region names for at least half the features, best first. */
  names: { field: string; resolved: number }[];
  /** `adm2`: districts, each belonging to a first-level unit; `adm1`: one feature per unit. */
  level: 'adm1' | 'adm2';
  levelReason: string;
  /** A field giving the year or date of the boundaries, with its most common value. */
  date: { field: string; value: string } | null;
}

/** Shapes of codes, in order of preference when two fields resolve equally well. */
const CODE_SHAPES: readonly [CodeKind, RegExp, RegExp][] = [
  // [kind, any code of this kind, a first-level code of this kind]
  ['pcode', /^KZ\d{2}(\d{2,7})?$/i, /^KZ\d{2}$/i],
  ['kato', /^\d{2}(\d{7})?$/, /^\d{2}(0{7})?$/],
  ['iso_numeric', /^KZ-\d{2}$/i, /^KZ-\d{2}$/i],
  ['hasc', /^KZ\.[A-Z]{2}$/i, /^KZ\.[A-Z]{2}$/i],
  ['iso_letter', /^KZ-[A-Z]{3}$/i, /^KZ-[A-Z]{3}$/i],
];
const DATE_FIELD = /^(year|yr|date|valid_?on|valid_?from|as_?of|date_?valid)$/i;
const ADM2_FIELD = /^(adm2_|name_2$|nl_name_2$|gid_2$|varname_2$)/i;
/** A date inside each layout, for reading names before the layout is known: C resolves every name. */
const PROBE_DATE = '2024-01-01';

type Properties = { properties: GeoJsonProperties };

/** An attribute value as text (numbers too: KATO codes are often numeric in .dbf files), or null when empty. */
export const attributeText = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/** Field names in order of first appearance. */
const fieldNames = (features: readonly Properties[]): string[] => [
  ...new Set(features.flatMap((f) => Object.keys(f.properties ?? {}))),
];

/** More distinct unresolvable values than a field of region names can have (20 units, a few spellings). */
const MAX_DISTINCT_FAILURES = 25;

/**
 * How many features' values of a field resolve as a unit at `date`, each distinct value resolved once.
 * With `giveUp`, returns 0 as soon as more than half the values fail or too many distinct values do:
 * each failed name costs a nearest-names search, and a field of 224 district names is no region field.
 */
function countResolved(values: (string | null)[], date: string, giveUp: boolean): number {
  const seen = new Map<string, boolean>();
  const present = values.filter((v) => v !== null);
  let [resolved, failed, distinctFailed] = [0, 0, 0];
  for (const v of present) {
    if (!seen.has(v)) {
      const ok = resolveUnit(v, date).ok;
      seen.set(v, ok);
      if (!ok) distinctFailed++;
    }
    if (seen.get(v)) resolved++;
    else failed++;
    if (giveUp && (failed > present.length / 2 || distinctFailed > MAX_DISTINCT_FAILURES)) return 0;
  }
  return resolved;
}

/** The code kind that at least 90% of a field's values have, or null. */
function codeKind(values: string[]): [CodeKind, RegExp] | null {
  if (values.length === 0) return null;
  const shape = CODE_SHAPES.find(([, any]) => values.filter((v) => any.test(v)).length >= 0.9 * values.length);
  return shape ? [shape[0], shape[2]] : null;
}

/** The most common value of a date field as a partial ISO date (`2018`, `2022-06-08`), or null. */
function dateValue(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) {
    const iso = v?.slice(0, 10);
    if (iso !== undefined && isPartialDate(iso)) counts.set(iso, (counts.get(iso) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Detects the code field and its kind, the name fields, the level and the date field of a boundary
 * file by trying each field's values with `resolveUnit`.
 *
 * @example detectFields(adm1_2024.features)
 *   // { code: { field: 'ADM1_PCODE', kind: 'pcode', resolved: 20 }, names: [{ field: 'ADM1_EN', resolved: 20 }, ...],
 *   //   level: 'adm1', levelReason: '20 features, at most one per region', date: { field: 'Year', value: '2024' } }
 */
export function detectFields(features: readonly Properties[]): BoundaryFields {
  const codes: { field: string; kind: CodeKind; resolved: number; firstLevel: number; rank: number }[] = [];
  const names: { field: string; resolved: number }[] = [];
  let date: BoundaryFields['date'] = null;
  for (const field of fieldNames(features)) {
    const values = features.map((f) => attributeText(f.properties?.[field]));
    const present = values.filter((v) => v !== null);
    if (DATE_FIELD.test(field)) {
      const value = dateValue(values);
      if (date === null && value !== null) date = { field, value };
      continue;
    }
    const kind = codeKind(present);
    const resolved = countResolved(values, PROBE_DATE, kind === null);
    if (kind) {
      const firstLevel = present.filter((v) => kind[1].test(v)).length;
      const rank = CODE_SHAPES.findIndex(([k]) => k === kind[0]);
      if (resolved > 0) codes.push({ field, kind: kind[0], resolved, firstLevel, rank });
    } else if (resolved > 0 && resolved >= present.length / 2) names.push({ field, resolved });
  }
  codes.sort((a, b) => b.resolved - a.resolved || b.firstLevel - a.firstLevel || a.rank - b.rank);
  names.sort((a, b) => b.resolved - a.resolved);
  const code = codes[0] ? { field: codes[0].field, kind: codes[0].kind, resolved: codes[0].resolved } : null;
  return { code, names, ...detectLevel(features, code?.field ?? names[0]?.field), date };
}

/** District level when fields say so (ADM2_*, NAME_2) or when more than 20 features share region codes. */
function detectLevel(
  features: readonly Properties[],
  unitField: string | undefined,
): Pick<BoundaryFields, 'level' | 'levelReason'> {
  const adm2 = fieldNames(features).filter((f) => ADM2_FIELD.test(f));
  if (adm2.length > 0) return { level: 'adm2', levelReason: `district fields ${adm2.join(', ')}` };
  const distinct = new Set(
    features.map((f) => attributeText(f.properties?.[unitField ?? ''])).filter((v) => v !== null),
  ).size;
  if (features.length > 20 && distinct < features.length) {
    return {
      level: 'adm2',
      levelReason: `${features.length} features share ${distinct} region values of ${unitField}`,
    };
  }
  return { level: 'adm1', levelReason: `${features.length} features, at most one per region` };
}
