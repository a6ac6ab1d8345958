import { describe, expect, it } from 'vitest';
import { groupEvents } from '../../src/core/analysis/events.ts';
import { histogram } from '../../src/core/analysis/timeline.ts';
import { curatedDataset } from '../helpers/curated.ts';

const dataset = curatedDataset();
const { events } = groupEvents(dataset.incidents, () => ({ lon: 0, lat: 0 }));

describe('histogram', () => {
  const { bins, spanning } = histogram(events, 2004, 2025); // the years of the curated data
  const year = (y: number) => bins.find((b) => b.year === y)!;

  it('counts every incident once: in a year, or apart when its period spans years', () => {
    const inBars = bins.reduce((n, b) => n + b.total, 0);
    expect(inBars + spanning.length).toBe(events.length);
    expect(spanning.map((e) => e.id)).toEqual(['bishkek-kazakh-national-arrest']);
  });

  it('never puts an incident known only to the year in January', () => {
    const y2015 = year(2015);
    expect(y2015.total).toBe(2);
    expect(y2015.yearOnly).toBe(1); // the Zyryanovsk case, known only to the year
    expect(y2015.byMonth[0]).toBe(1); // only the Taldykorgan verdict, dated 14 January
  });

  it('puts month-precise incidents in their month, and a period inside a year in its year only', () => {
    const y2011 = year(2011);
    expect(y2011.byMonth[4]).toBe(1); // the Astana car blast (24 May)
    expect(y2011.byMonth[11]).toBe(2); // Zhanaozen and the Boraldai raid (3 December), once each
    // June-July in Shubarshi; the Aktobe bombing, 14 May in one source and 17 May in three, so no single
    // date fits all; the Almaty police killing, 8 November in three reports but October in one.
    expect(y2011.yearOnly).toBe(3);
    expect(y2011.total).toBe(y2011.yearOnly + y2011.byMonth.reduce((a, b) => a + b, 0));
  });
});
