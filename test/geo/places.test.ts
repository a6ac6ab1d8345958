/**
 * The gazetteer checked against real boundaries (geokz, CC BY 4.0) read in place from the shared
 * fixtures: every place lies in the polygon of its unit, and every name and code the boundary files
 * use resolves to the unit with that P-code.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, distance, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { containingUnit, places, unitsOf } from '../../src/core/gazetteer.ts';
import { resolvePlace, resolveUnit } from '../../src/core/resolve.ts';
import type { LayoutId } from '../../src/core/types.ts';
import { unitRecord, unitRecordById } from '../../src/core/gazetteer-details.ts';

type Properties = Record<string, string | number>;

function fixture<G extends Polygon | MultiPolygon | Point>(file: string): FeatureCollection<G, Properties> {
  const url = new URL(`../../../shared/fixtures/boundaries/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as FeatureCollection<G, Properties>;
}

const BOUNDARIES: { file: string; layout: LayoutId; date: string }[] = [
  { file: 'kaz_admbnda_adm1_2018.geojson', layout: 'B', date: '2019-01-01' },
  { file: 'kaz_admbnda_adm1_2024.geojson', layout: 'C', date: '2024-01-01' },
];

/** The fixture feature of a unit, matched by P-code. */
function featureOf(
  fc: FeatureCollection<Polygon | MultiPolygon, Properties>,
  unitId: string,
): Feature<Polygon | MultiPolygon, Properties> {
  const pcode = unitRecordById(unitId)?.pcode;
  const feature = fc.features.find((f) => f.properties['ADM1_PCODE'] === pcode);
  if (!feature) throw new Error(`no feature with ADM1_PCODE ${pcode} (unit ${unitId})`);
  return feature;
}

const inKazakhstan = places.filter((p) => p.country === 'KZ' && p.kind !== 'country');
const abroad = places.filter((p) => p.country !== 'KZ');

describe.each(BOUNDARIES)('$file (layout $layout)', ({ file, layout, date }) => {
  const fc = fixture<Polygon | MultiPolygon>(file);

  it('has one feature per unit of the layout', () => {
    const pcodes = fc.features.map((f) => f.properties['ADM1_PCODE']).sort();
    expect(pcodes).toEqual(
      unitsOf(layout)
        .map((u) => unitRecord(u).pcode)
        .sort(),
    );
  });

  it.each(inKazakhstan.map((p) => [p.id, p] as const))('%s lies in its unit', (_id, place) => {
    const unitId = place.units[layout]!;
    expect(
      booleanPointInPolygon(point([place.lon, place.lat]), featureOf(fc, unitId)),
      `${place.id} in ${unitId}`,
    ).toBe(true);
  });

  it.each(abroad.map((p) => [p.id, p] as const))('%s lies outside Kazakhstan', (_id, place) => {
    const hits = fc.features.filter((f) => booleanPointInPolygon(point([place.lon, place.lat]), f));
    expect(hits.map((f) => f.properties['ADM1_PCODE'])).toEqual([]);
  });

  it('has the country point inside Kazakhstan', () => {
    const kz = places.find((p) => p.id === 'kazakhstan')!;
    expect(fc.features.some((f) => booleanPointInPolygon(point([kz.lon, kz.lat]), f))).toBe(true);
  });

  /**
   * The boundary files call Almaty region bare "Almaty" / "Алматы" (ADM1_EN, ADM1_KK), like the city:
   * the resolver reads a bare "Almaty" as the city by rule, so there the region needs its region word.
   */
  const CITY_NAME_OF_REGION: ReadonlySet<string> = new Set(['KZ19:ADM1_EN', 'KZ19:ADM1_KK']);

  describe.each(fc.features.map((f) => [f.properties['ADM1_PCODE'] as string, f] as const))(
    'feature %s',
    (pcode, f) => {
      const unit = unitsOf(layout).find((u) => unitRecord(u).pcode === pcode)!;
      it.each(['KATO', 'ADM1_PCODE', 'ISO_3166_2', 'ADM1_EN', 'ADM1_RU', 'ADM1_KK'])(
        `field %s resolves to its unit at ${date}`,
        (field) => {
          const value = String(f.properties[field]);
          const r = resolveUnit(value, date);
          if (CITY_NAME_OF_REGION.has(`${pcode}:${field}`)) {
            expect(r.ok && r.unit.id, value).toBe('almaty');
            const withWord = resolveUnit(`${value} ${field === 'ADM1_EN' ? 'region' : 'облысы'}`, date);
            expect(withWord.ok && withWord.unit.id, value).toBe(unit.id);
            return;
          }
          expect(r.ok ? r.unit.id : r.reason, `${field} "${value}"`).toBe(unit.id);
        },
      );
    },
  );
});

describe('layout A (no boundary file): every place lies in a layout-B unit inside its layout-A unit', () => {
  const fc = fixture<Polygon | MultiPolygon>('kaz_admbnda_adm1_2018.geojson');
  it.each(inKazakhstan.map((p) => [p.id, p] as const))('%s', (_id, place) => {
    const hit = fc.features.find((f) => booleanPointInPolygon(point([place.lon, place.lat]), f))!;
    const unitB = unitsOf('B').find((u) => unitRecord(u).pcode === hit.properties['ADM1_PCODE'])!;
    expect(containingUnit(unitB.id, 'A')?.id).toBe(place.units.A);
  });
});

describe('kaz_admbnda_cnt1_2022.geojson: region centres', () => {
  const centres = fixture<Point>('kaz_admbnda_cnt1_2022.geojson').features.filter(
    (f) => f.properties['TYPE_CNT1'] !== 4,
  );

  it.each(centres.map((f) => [f.properties['NAME_EN'] as string, f] as const))(
    '%s is the centre of its unit',
    (_name, f) => {
      const unit = unitsOf('C').find((u) => unitRecord(u).pcode === f.properties['ADM1_PCODE'])!;
      for (const field of ['NAME_EN', 'NAME_RU', 'NAME_KK']) {
        const r = resolvePlace(String(f.properties[field]), '2024-01-01');
        expect(r.ok ? r.place.id : r.reason, `${field} "${f.properties[field]}"`).toBe(unit.centre);
      }
      const centre = places.find((p) => p.id === unit.centre)!;
      expect(distance(f.geometry.coordinates, [centre.lon, centre.lat], { units: 'kilometers' })).toBeLessThan(10);
    },
  );
});

describe.each([
  { file: 'regions-1997.geojson', layout: 'A' as LayoutId },
  { file: 'regions-2018.geojson', layout: 'B' as LayoutId },
  { file: 'regions-2022.geojson', layout: 'C' as LayoutId },
])('the embedded $file (layout $layout)', ({ file, layout }) => {
  const fc = JSON.parse(
    readFileSync(new URL(`../../geo/boundaries/${file}`, import.meta.url), 'utf8'),
  ) as FeatureCollection<Polygon | MultiPolygon, { unit: string }>;

  it.each(inKazakhstan.map((p) => [p.id, p] as const))('%s lies in its unit', (_id, place) => {
    const hits = fc.features.filter((f) => booleanPointInPolygon(point([place.lon, place.lat]), f));
    expect(hits.map((f) => f.properties.unit)).toEqual([place.units[layout]]);
  });

  it.each(abroad.map((p) => [p.id, p] as const))('%s lies outside Kazakhstan', (_id, place) => {
    expect(fc.features.filter((f) => booleanPointInPolygon(point([place.lon, place.lat]), f))).toEqual([]);
  });
});
