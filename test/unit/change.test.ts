import { describe, expect, it } from 'vitest';
import { changeBetween } from '../../src/core/analysis/change.ts';
import type { Choropleth } from '../../src/core/analysis/choropleth.ts';

const choropleth = (values: Record<string, number | null>): Choropleth => ({
  circles: [],
  notes: [],
  regions: Object.entries(values).map(([unit, value]) => ({
    unit,
    value,
    status: value === null ? 'not_reported' : 'reported',
    figures: [],
    summedFrom: [],
    note: null,
  })),
});

describe('changeBetween', () => {
  const changes = changeBetween(
    choropleth({ astana: 7, karaganda: null, kostanay: 4, aktobe: 0, pavlodar: null }),
    choropleth({ astana: 8, karaganda: 9, kostanay: 2, aktobe: 3, pavlodar: null }),
  );
  const of = (unit: string) => changes.find((c) => c.unit === unit)!;

  it('gives difference and percentage where both periods report a figure', () => {
    expect(of('astana')).toMatchObject({ status: 'both', difference: 1, percent: 14.3 });
    expect(of('kostanay')).toMatchObject({ difference: -2, percent: -50 });
  });

  it('never treats "not reported" as 0', () => {
    expect(of('karaganda')).toMatchObject({ status: 'missing_before', difference: null, percent: null });
    expect(of('pavlodar')).toMatchObject({ status: 'missing_both', difference: null });
  });

  it('has no percentage for a change from a stated 0', () => {
    expect(of('aktobe')).toMatchObject({ difference: 3, percent: null });
  });
});
