/**
 * Matching the features of a boundary file to the atlas's first-level units, by codes first and
 * names second, under the layout the file was drawn for.
 */
import type { LayoutId, Unit } from '../types.ts';
import { unitOfFeature } from './feature-unit.ts';
import { detectFields, type BoundaryFields } from './fields.ts';
import { detectLayout, LAYOUT_DATES } from './layout.ts';
import type { BoundaryFeature } from './read.ts';

export interface MatchOptions {
  /** Resolve at this date (its layout), instead of detecting the layout. */
  date?: string;
  layout?: LayoutId;
  /** Features whose geometry was rejected, by index, with the reason: they are reported unmatched. */
  rejected?: ReadonlyMap<number, string>;
}

export interface MatchedFeature {
  index: number;
  unit: Unit;
  layout: LayoutId;
  /** How it matched: `ADM1_PCODE: P-code KZ63`. */
  via: string;
}
export interface UnmatchedFeature {
  index: number;
  reason: string;
  /** Unit ids to suggest (for a rejected geometry: the unit its attributes name). */
  candidates: string[];
}

export interface BoundaryMatch {
  layout: LayoutId;
  layoutReason: string;
  level: 'adm1' | 'adm2';
  levelReason: string;
  fields: BoundaryFields;
  matched: MatchedFeature[];
  unmatched: UnmatchedFeature[];
  /** Units that two or more features of a region-level file claim. */
  duplicates: { unit: string; indexes: number[] }[];
  warnings: string[];
}

/**
 * Matches each feature of a boundary file to a first-level unit of the file's layout. Codes (KATO,
 * P-code, ISO 3166-2, HASC) win over names; a name that reads as another unit than its code gives a
 * warning. In a district file (adm2) each district matches its region and many districts per region
 * are expected; in a region file two features for one unit are `duplicates`. Features without
 * geometry (or whose geometry was rejected) are unmatched with that reason.
 *
 * @example matchBoundaries(adm1_2024.features).matched.find((m) => m.unit.kato === '63')?.unit.id // 'east-kazakhstan-2022'
 */
export function matchBoundaries(features: readonly BoundaryFeature[], options: MatchOptions = {}): BoundaryMatch {
  const fields = detectFields(features);
  const choice = detectLayout(features, fields, options);
  const date = options.date ?? LAYOUT_DATES[choice.layout];
  const warnings = [...choice.warnings];
  const matched: MatchedFeature[] = [];
  const unmatched: UnmatchedFeature[] = [];
  features.forEach((f, index) => {
    const found = unitOfFeature(f.properties, fields, date);
    warnings.push(...found.notes.map((n) => `feature ${index}: ${n}`));
    const problem = options.rejected?.get(index) ?? (f.geometry === null ? 'no geometry' : null);
    if (problem !== null) {
      unmatched.push({ index, reason: problem, candidates: found.ok ? [found.unit.id] : found.candidates });
    } else if (found.ok) {
      matched.push({ index, unit: found.unit, layout: found.layout, via: found.via });
    } else {
      unmatched.push({ index, reason: found.reason, candidates: found.candidates });
    }
  });
  const { level, levelReason } = fields;
  const duplicates = level === 'adm2' ? [] : duplicateUnits(matched);
  return {
    layout: choice.layout,
    layoutReason: choice.reason,
    level,
    levelReason,
    fields,
    matched,
    unmatched,
    duplicates,
    warnings,
  };
}

/** Units matched by more than one feature, with the features' indexes. */
function duplicateUnits(matched: readonly MatchedFeature[]): BoundaryMatch['duplicates'] {
  const byUnit = new Map<string, number[]>();
  for (const m of matched) byUnit.set(m.unit.id, [...(byUnit.get(m.unit.id) ?? []), m.index]);
  return [...byUnit].filter(([, indexes]) => indexes.length > 1).map(([unit, indexes]) => ({ unit, indexes }));
}
