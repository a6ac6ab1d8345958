/**
 * Resolving one feature of a boundary file to a unit from its attributes: the code field first,
 * the name fields second, always through `resolveUnit` at one date.
 */
import { resolveUnit } from '../resolve.ts';
import type { Resolution, Unit } from '../types.ts';
import { attributeText as text, type BoundaryFields } from './fields.ts';
import { namesUnit } from './names-unit.ts';
import type { GeoJsonProperties } from 'geojson';

/** A resolution, with notes on what was odd (a name disagreeing with its code). */
export type FeatureUnit = Resolution & { notes: string[] };

/** Warnings for names that read as another unit than the code's (the code wins). */
function disagreements(unit: Unit, names: { field: string; value: string }[], date: string): string[] {
  return names.flatMap(({ field, value }) => {
    const r = resolveUnit(value, date);
    if (!r.ok || r.unit.id === unit.id || namesUnit(value, unit)) return [];
    return [`${field} "${value}" reads as ${r.unit.id}, but the code says ${unit.id}; trusted the code`];
  });
}

/** The unit most name fields support: a name supports the unit it resolves to and every unit it spells. */
function byNames(names: { field: string; value: string }[], date: string): FeatureUnit | null {
  const found = names.map((n) => ({ ...n, r: resolveUnit(n.value, date) }));
  const support = (u: Unit): number => names.filter((n) => namesUnit(n.value, u)).length;
  let best: { field: string; r: Resolution & { ok: true }; score: number } | null = null;
  for (const { field, r } of found) {
    if (!r.ok) continue;
    const score = support(r.unit) + found.filter((o) => o.r.ok && o.r.unit.id === r.unit.id).length;
    if (best === null || score > best.score) best = { field, r, score };
  }
  return best && { ...best.r, via: `${best.field}: ${best.r.via}`, notes: [] };
}

/**
 * Resolves one feature at a date: by its code, or failing that by the unit most of its names
 * support; with the failure reasons and candidates of both when neither resolves. A name that reads
 * as another unit than the code gives a note; the code wins.
 *
 * @example unitOfFeature({ ADM1_PCODE: 'KZ63', ADM1_EN: 'East Kazakhstan' }, fields, '2024-01-01')
 *   // { ok: true, unit: east-kazakhstan-2022, layout: 'C', via: 'ADM1_PCODE: P-code KZ63', notes: [] }
 */
export function unitOfFeature(properties: GeoJsonProperties, fields: BoundaryFields, date: string): FeatureUnit {
  const codeField = fields.code?.field;
  const code = codeField === undefined ? null : text(properties?.[codeField]);
  const names = fields.names.flatMap((n) => {
    const value = text(properties?.[n.field]);
    return value === null ? [] : [{ field: n.field, value }];
  });
  const byCode = code === null ? null : resolveUnit(code, date);
  if (byCode?.ok) {
    return { ...byCode, via: `${codeField}: ${byCode.via}`, notes: disagreements(byCode.unit, names, date) };
  }
  const named = byNames(names, date);
  if (named) return byCode ? { ...named, notes: [`${codeField} "${code}": ${byCode.reason}; matched by name`] } : named;
  const failures = [byCode, ...names.map((n) => resolveUnit(n.value, date))].filter((r) => r !== null && !r.ok);
  if (failures.length === 0) {
    const looked = [codeField, ...fields.names.map((n) => n.field)].filter((f) => f !== undefined);
    const where =
      looked.length > 0 ? `its ${looked.join(', ')} are empty` : 'the file has no field of region codes or names';
    return { ok: false, reason: `no region code or name: ${where}`, candidates: [], notes: [] };
  }
  const reasons = [...new Set(failures.map((f) => f.reason))].join('; ');
  return { ok: false, reason: reasons, candidates: [...new Set(failures.flatMap((f) => f.candidates))], notes: [] };
}
