import { describe, expect, it } from 'vitest';
import { buildSeries } from '../../src/core/analysis/series.ts';
import { chooseLayout } from '../../src/core/analysis/layout.ts';
import { chooseGeometry, type GeometrySet, type UnitPolygons } from '../../src/core/geo/geometry-sets.ts';
import { incidentCountSeries, uncountedEvents } from '../../src/core/analysis/incident-counts.ts';
import { groupEvents } from '../../src/core/analysis/events.ts';
import { eventsInView } from '../../src/core/analysis/filter.ts';
import { INCIDENT_CATEGORIES } from '../../src/core/data/incidents.ts';
import { containingUnit, layoutsDuring, placeById, unitById, unitsOf } from '../../src/core/gazetteer.ts';
import { curatedDataset } from '../helpers/curated.ts';

const dataset = curatedDataset();
const series = buildSeries(dataset.statistics);
const gazetteer = { unitById, placeById, containingUnit, unitsOf, layoutsDuring };

describe('chooseLayout', () => {
  it('draws a 2017 statistic on the 1997-2018 units', () => {
    const choice = chooseLayout(
      series.find((s) => s.id === 'cabar-2017-256-2-convicted')!,
      2004,
      2023,
      gazetteer,
    );
    expect(choice.layout).toBe('A');
    expect(choice.reason).toContain('in force in 2017');
  });

  it('draws a 2019 statistic naming Shymkent on the 2018-2022 units', () => {
    expect(
      chooseLayout(
        series.find((s) => s.id === 'cabar-2019-01-10-291-offences')!,
        2019,
        2019,
        gazetteer,
      ).layout,
    ).toBe('B');
  });

  it('uses the layout at the end of a range without a statistic, and says the range spans changes', () => {
    const choice = chooseLayout(null, 2011, 2023, gazetteer);
    expect(choice.layout).toBe('C');
    expect(choice.reason).toContain('span boundary changes');
    expect(chooseLayout(null, 2011, 2011, gazetteer).reason).not.toContain('span');
  });
});

describe('chooseGeometry', () => {
  const empty: UnitPolygons = { type: 'FeatureCollection', features: [] };
  const set = (id: string, layout: 'A' | 'B' | 'C', origin: 'embedded' | 'imported'): GeometrySet => ({
    id,
    label: id,
    layout,
    origin,
    features: empty,
  });
  const dissolveCalls: string[] = [];
  const dissolve = (s: GeometrySet, layout: string) => {
    dissolveCalls.push(`${s.id}->${layout}`);
    return empty;
  };
  const embedded = set('natural-earth', 'A', 'embedded');

  it('prefers an imported set of the wanted layout over the embedded one', () => {
    expect(chooseGeometry([embedded, set('ocha-a', 'A', 'imported')], 'A', dissolve)?.set.id).toBe('ocha-a');
  });

  it('dissolves the nearest later import rather than drawing the coarser embedded units', () => {
    const choice = chooseGeometry(
      [embedded, set('ocha-2024', 'C', 'imported'), set('ocha-2018', 'B', 'imported')],
      'A',
      dissolve,
    );
    expect(choice?.mode).toBe('dissolved');
    expect(choice?.set.id).toBe('ocha-2018');
    expect(dissolveCalls).toContain('ocha-2018->A');
  });

  it('uses the embedded set when nothing is imported', () => {
    expect(chooseGeometry([embedded], 'A', dissolve)).toMatchObject({ mode: 'exact', set: { id: 'natural-earth' } });
  });

  it('falls back to earlier units, and says that later units are shown within them', () => {
    const choice = chooseGeometry([embedded], 'C', dissolve);
    expect(choice?.mode).toBe('earlier');
    expect(choice?.note).toContain('shown within the older units');
  });
});

describe('incidentCountSeries', () => {
  const { events } = groupEvents(dataset.incidents, (id) => placeById(id) ?? null);

  it('counts each event once in the unit of the drawn layout, places decide the unit', () => {
    const in2011 = eventsInView(events, {
      from: 2011,
      to: 2011,
      categories: new Set(INCIDENT_CATEGORIES),
      articles: new Set(),
    });
    const counts = incidentCountSeries(in2011, 'A', 2011, 2011, gazetteer);
    const of = (unit: string) => counts.figures.find((f) => f.unit === unit)?.value.value;
    // The May bombing, the Shubarshi shootings, the 14 July shootout (ESISC), the Kenkiyak shootout.
    expect(of('aktobe')).toBe(4);
    // The August operation, the September bombing, the 31 October bombings, the November arrests.
    expect(of('atyrau')).toBe(4);
    expect(of('pavlodar')).toBe(0);
  });

  it('puts a Zyryanovsk incident in East Kazakhstan on the 2022 units and on the older ones', () => {
    const on = (layout: 'A' | 'C', unit: string) =>
      incidentCountSeries(
        events.filter((e) => e.place === 'zyryanovsk'),
        layout,
        2015,
        2015,
        gazetteer,
      ).figures.find((f) => f.unit === unit)?.value.value;
    expect(on('A', 'east-kazakhstan')).toBe(1);
    expect(on('C', 'east-kazakhstan-2022')).toBe(1);
  });
});

describe('uncountedEvents', () => {
  // Every event drawn (region-level ones at their region's anchor, here anywhere).
  const { events } = groupEvents(dataset.incidents, () => ({ lon: 70, lat: 48 }));
  const all = eventsInView(events, {
    from: 2004,
    to: 2026,
    categories: new Set(INCIDENT_CATEGORIES),
    articles: new Set(),
  });
  const total = (layout: 'A' | 'B' | 'C') =>
    incidentCountSeries(all, layout, 2004, 2026, gazetteer).figures.reduce((n, f) => n + f.value.value, 0);

  it('accounts for every incident shown: counted in a unit, or left out with its reason', () => {
    for (const layout of ['A', 'B', 'C'] as const) {
      const left = uncountedEvents(all, layout, gazetteer);
      expect(total(layout) + left.total, layout).toBe(all.length);
      expect(left.abroad + left.nationwide + left.unplaced + left.split.reduce((n, s) => n + s.count, 0)).toBe(
        left.total,
      );
      expect(left.abroad, layout).toBe(all.filter((e) => e.country !== 'KZ').length);
      expect(left.nationwide, layout).toBe(
        all.filter((e) => e.country === 'KZ' && e.locationPrecision === 'country').length,
      );
      expect(left.unplaced, layout).toBe(0);
    }
  });

  it('names the regions the drawn units divide: Almaty region on the 2022 units, none on the 1997 ones', () => {
    expect(uncountedEvents(all, 'A', gazetteer).split).toEqual([]);
    const onC = uncountedEvents(all, 'C', gazetteer).split;
    const almaty = all.filter((e) => e.locationPrecision === 'region' && e.place === 'almaty-oblast');
    expect(almaty.length).toBeGreaterThan(0);
    expect(onC).toContainEqual({ unit: 'almaty-oblast', count: almaty.length });
    // Not counted in either half of the old Almaty region.
    expect(onC.every((s) => unitById(s.unit)!.layouts.includes('C'))).toBe(false);
  });
});

describe('unitOfEvent for a point from a user file', () => {
  const bare = (unit: string | null) => ({
    ...curatedDataset().incidents[0]!,
    place: '',
    locationPrecision: 'exact' as const,
    unit,
  });

  it('counts a bare point in the unit its coordinates fell in, carried to the drawn layout', async () => {
    const { unitOfEvent } = await import('../../src/core/analysis/incident-counts.ts');
    const [astana] = groupEvents([{ ...bare('astana'), position: { lon: 71.4, lat: 51.1 } }], () => null).events;
    expect(unitOfEvent(astana!, 'B', gazetteer)).toBe('astana');
    expect(unitOfEvent(astana!, 'A', gazetteer)).toBe('astana');
    const [turkistan] = groupEvents([{ ...bare('turkistan'), position: { lon: 68.2, lat: 43.3 } }], () => null).events;
    expect(unitOfEvent(turkistan!, 'A', gazetteer)).toBe('south-kazakhstan');
    const [east] = groupEvents([{ ...bare('east-kazakhstan'), position: { lon: 82.6, lat: 49.9 } }], () => null).events;
    expect(unitOfEvent(east!, 'C', gazetteer)).toBeNull();
  });
});

describe('the embedded boundary files', () => {
  it("are the files the page bundles for each layout (state/load.ts's imports, written out for the bundler)", async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const { REGION_FILE_NAMES } = await import('../../src/core/geo/embedded-files.ts');
    const load = readFileSync(new URL('../../src/state/load.ts', import.meta.url), 'utf8');
    const files = new Map(
      [...load.matchAll(/import (\w+) from '\.\.\/\.\.\/geo\/boundaries\/([\w-]+)\.topojson\?url';/g)].map((m) => [
        m[1]!,
        m[2]!,
      ]),
    );
    const urls = /REGION_URLS[^=]*=\s*\{([^}]*)\}/.exec(load)?.[1] ?? '';
    const bundled = Object.fromEntries(
      [...urls.matchAll(/(\w+):\s*(\w+)/g)].map((m) => [m[1]!, files.get(m[2]!) ?? `(no import ${m[2]})`]),
    );
    expect(bundled).toEqual(REGION_FILE_NAMES);
    for (const name of Object.values(REGION_FILE_NAMES))
      for (const ext of ['geojson', 'topojson'])
        expect(existsSync(new URL(`../../geo/boundaries/${name}.${ext}`, import.meta.url)), `${name}.${ext}`).toBe(
          true,
        );
  });
});
