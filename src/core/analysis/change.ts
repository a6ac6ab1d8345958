import type { Choropleth } from './choropleth.ts';

/** The change of one unit between two periods. */
export interface UnitChange {
  unit: string;
  /** `both`: reported in both; otherwise which period lacks a figure. Never treated as 0. */
  status: 'both' | 'missing_before' | 'missing_after' | 'missing_both';
  before: number | null;
  after: number | null;
  difference: number | null;
  /** Percentage change; null when not computable (missing, or from 0). */
  percent: number | null;
}

/**
 * Difference and percentage change per unit between two choropleths on the same units (`before`
 * is the earlier period). A unit not reported in a period has no change, whatever the other says:
 * "not reported" is never read as 0. A change from 0 has a difference but no percentage.
 *
 * @example changeBetween(before2016, after2017).find((c) => c.unit === 'astana') // { before: 7, after: 8, difference: 1, percent: 14.3, ... }
 */
export function changeBetween(before: Choropleth, after: Choropleth): UnitChange[] {
  const afterByUnit = new Map(after.regions.map((r) => [r.unit, r.value]));
  return before.regions.map((region) => {
    const b = region.value;
    const a = afterByUnit.get(region.unit) ?? null;
    const status =
      b === null && a === null ? 'missing_both' : b === null ? 'missing_before' : a === null ? 'missing_after' : 'both';
    if (b === null || a === null)
      return { unit: region.unit, status, before: b, after: a, difference: null, percent: null };
    const difference = a - b;
    const percent = b === 0 ? null : Math.round((difference / b) * 1000) / 10;
    return { unit: region.unit, status, before: b, after: a, difference, percent };
  });
}
