import { describe, expect, it } from 'vitest';
import { nationalInView } from '../../src/core/analysis/national.ts';
import { curatedDataset } from '../helpers/curated.ts';

const { national } = curatedDataset();

describe('nationalInView', () => {
  it('keeps both official and expert counts of prevented attacks side by side, flagged as disputed', () => {
    const groups = nationalInView(national, 2014, 2017);
    const prevented = groups.find((g) => g.indicator === 'terrorist_attacks_prevented')!;
    expect(prevented.disputed).toBe(true);
    expect(prevented.figures.map((f) => f.value.value)).toEqual(expect.arrayContaining([3, 4, 12, 11, 30, 78]));
  });

  it('links a figure to its own statement in another currency without calling it a dispute', () => {
    const spending = nationalInView(national, 2012, 2012).find((g) => g.indicator === 'counter_terrorism_spending')!;
    expect(spending.figures[0]?.related.length).toBeGreaterThan(0);
    expect(spending.disputed).toBe(false);
  });

  it('shows only figures whose period overlaps the years', () => {
    const groups = nationalInView(national, 2016, 2016);
    const blocked = groups.find((g) => g.indicator === 'websites_blocked');
    expect(blocked).toBeUndefined();
    const departures = groups.find((g) => g.indicator === 'departures_prevented')!;
    expect(departures.figures.map((f) => f.periodLabel)).toEqual(['2013-2016', '2016']);
  });

  it('keeps the disagreeing website counts for 2013 (596 and 600) both', () => {
    const blocked = nationalInView(national, 2013, 2013).find((g) => g.indicator === 'websites_blocked')!;
    expect(blocked.figures.map((f) => f.value.value).sort()).toEqual([596, 600]);
  });
});
