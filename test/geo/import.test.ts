/**
 * Boundary import (src/core/boundaries) on the real geokz files in ../shared/fixtures/boundaries/
 * (CC BY 4.0) and on small broken copies in test/fixtures/import/ (four 2024 regions, simplified:
 * Abai, East Kazakhstan, Aktobe, Almaty city; each file breaks one thing).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { area, polygon } from '@turf/turf';
import type { Feature, GeoJsonProperties, Polygon } from 'geojson';
import { unitsOf } from '../../src/core/gazetteer.ts';
import { readBoundaryFile } from '../../src/core/boundaries/read.ts';
import { repairGeometry } from '../../src/core/boundaries/geometry.ts';
import { detectFields } from '../../src/core/boundaries/fields.ts';
import { matchBoundaries } from '../../src/core/boundaries/match.ts';
import { importBoundaries, type BoundaryImport, type ImportOptions } from '../../src/core/boundaries/import.ts';

const shared = (name: string): URL => new URL(`../../../shared/fixtures/boundaries/${name}`, import.meta.url);
const local = (name: string): URL => new URL(`../fixtures/import/${name}`, import.meta.url);
const bytesOf = (url: URL): Uint8Array => new Uint8Array(readFileSync(url));
const importFile = (url: URL, options?: ImportOptions): Promise<BoundaryImport> =>
  importBoundaries(basename(fileURLToPath(url)), bytesOf(url), options);

/** `index → unit id` of the matched features. */
const unitsByIndex = (r: BoundaryImport): Record<number, string> =>
  Object.fromEntries(r.matched.map((m) => [m.index, m.unit.id]));
/** Unit id of the feature whose P-code is `code` (first-level files). */
const unitOfCode = (r: BoundaryImport, code: string): string | undefined =>
  r.matched.find((m) => r.features[m.index]!.properties?.['ADM1_PCODE'] === code)?.unit.id;
const areaByUnit = (r: BoundaryImport): Map<string, number> =>
  new Map(r.unitGeometries.map((g) => [g.properties.unit, area(g)]));
const idsOf = (layout: 'A' | 'B' | 'C'): string[] =>
  unitsOf(layout)
    .map((u) => u.id)
    .sort();

describe('real boundary files (geokz)', () => {
  let adm1_2018: BoundaryImport;
  let adm1_2024: BoundaryImport;
  let shapefile: BoundaryImport;
  let adm2_2024: BoundaryImport;
  beforeAll(async () => {
    [adm1_2018, adm1_2024, shapefile, adm2_2024] = await Promise.all([
      importFile(shared('kaz_admbnda_adm1_2018.geojson')),
      importFile(shared('kaz_admbnda_adm1_2024.geojson')),
      importFile(shared('kaz_admbnda_adm1_2024_shp.zip')),
      importFile(shared('kaz_admbnda_adm2_2024.geojson')),
    ]);
  }, 60_000);

  it('matches the 2018 regions to the 17 units of layout B', () => {
    expect(adm1_2018).toMatchObject({ format: 'geojson', layout: 'B', level: 'adm1', unmatched: [], duplicates: [] });
    expect(adm1_2018.matched.map((m) => m.unit.id).sort()).toEqual(idsOf('B'));
    expect(adm1_2018.matched.every((m) => m.layout === 'B')).toBe(true);
    expect(unitOfCode(adm1_2018, 'KZ61')).toBe('turkistan');
    expect(unitOfCode(adm1_2018, 'KZ79')).toBe('shymkent');
    expect(unitOfCode(adm1_2018, 'KZ63')).toBe('east-kazakhstan');
    expect(unitOfCode(adm1_2018, 'KZ71')).toBe('astana'); // "Nur-Sultan (city)"
  });

  it('matches the 2024 regions to the 20 units of layout C, with the post-2022 extents', () => {
    expect(adm1_2024).toMatchObject({ format: 'geojson', layout: 'C', level: 'adm1', unmatched: [], duplicates: [] });
    expect(adm1_2024.matched.map((m) => m.unit.id).sort()).toEqual(idsOf('C'));
    expect(unitOfCode(adm1_2024, 'KZ63')).toBe('east-kazakhstan-2022');
    expect(unitOfCode(adm1_2024, 'KZ10')).toBe('abai');
    expect(unitOfCode(adm1_2024, 'KZ19')).toBe('almaty-oblast-2022'); // ADM1_EN says bare "Almaty"
    expect(unitOfCode(adm1_2024, 'KZ35')).toBe('karaganda-2022');
  });

  it('reads the zipped 2024 shapefile as the same units with the same areas (within 0.1%)', () => {
    expect(shapefile).toMatchObject({ format: 'shapefile', layout: 'C', unmatched: [], duplicates: [] });
    expect(unitsByIndex(shapefile)).toEqual(unitsByIndex(adm1_2024));
    const geojsonAreas = areaByUnit(adm1_2024);
    for (const [unit, a] of areaByUnit(shapefile))
      expect(Math.abs(a / geojsonAreas.get(unit)! - 1)).toBeLessThan(0.001);
  });

  it('matches the 224 districts of 2024 to the 20 units and dissolves them to within 1% of the regions', () => {
    expect(adm2_2024).toMatchObject({ layout: 'C', level: 'adm2', unmatched: [], duplicates: [] });
    expect(adm2_2024.matched).toHaveLength(224);
    expect([...new Set(adm2_2024.matched.map((m) => m.unit.id))].sort()).toEqual(idsOf('C'));
    expect(adm2_2024.unitGeometries).toHaveLength(20);
    const regionAreas = areaByUnit(adm1_2024);
    for (const [unit, a] of areaByUnit(adm2_2024)) expect(Math.abs(a / regionAreas.get(unit)! - 1)).toBeLessThan(0.01);
  });

  it('refuses the administrative centres file: points, not polygons', async () => {
    await expect(importFile(shared('kaz_admbnda_cnt1_2022.geojson'))).rejects.toThrow(
      /^kaz_admbnda_cnt1_2022\.geojson: the file holds points, not polygons \(21 Point\)/,
    );
  });

  it('resolves at a date given instead of the detected layout', async () => {
    const r = await importFile(shared('kaz_admbnda_adm1_2018.geojson'), { date: '2017-06-01' });
    expect(r.layout).toBe('A');
    expect(unitOfCode(r, 'KZ61')).toBe('south-kazakhstan');
    const shymkent = r.features.findIndex((f) => f.properties?.['ADM1_PCODE'] === 'KZ79');
    expect(r.unmatched).toEqual([
      {
        index: shymkent,
        reason: expect.stringMatching(/city within South Kazakhstan/),
        candidates: ['south-kazakhstan'],
      },
    ]);
  });
});

describe('small files that break one thing each', () => {
  const FOUR = { 0: 'abai', 1: 'east-kazakhstan-2022', 2: 'aktobe', 3: 'almaty' };

  it('matches the clean copy', async () => {
    const r = await importFile(local('regions-2024.geojson'));
    expect(r).toMatchObject({ layout: 'C', unmatched: [], duplicates: [], warnings: [] });
    expect(unitsByIndex(r)).toEqual(FOUR);
  });

  it('swaps latitude, longitude back to longitude, latitude', async () => {
    const [swapped, clean] = await Promise.all([
      importFile(local('swapped-axes.geojson')),
      importFile(local('regions-2024.geojson')),
    ]);
    expect(swapped.warnings).toContain('coordinates were in latitude, longitude order; swapped to longitude, latitude');
    expect(unitsByIndex(swapped)).toEqual(FOUR);
    expect(swapped.features.map((f) => f.geometry)).toEqual(clean.features.map((f) => f.geometry));
  });

  it('refuses coordinates in metres, asking to reproject', async () => {
    const r = await importFile(local('metres.geojson'));
    expect(r.matched).toEqual([]);
    expect(r.unmatched).toHaveLength(4);
    expect(r.unmatched[2]).toEqual({
      index: 2,
      reason: expect.stringMatching(
        /^coordinates are not longitude\/latitude degrees \(e\.g\. [\d ]+, [\d ]+\): reproject to EPSG:4326$/,
      ),
      candidates: ['aktobe'],
    });
  });

  it('repairs a bow-tie ring into its two lobes, with a warning naming the feature', async () => {
    const r = await importFile(local('bow-tie.geojson'));
    expect(unitsByIndex(r)).toEqual(FOUR);
    expect(r.warnings).toEqual([
      'feature 2: rings cross or touch themselves at 1 point(s) (first at 58, 49.25); repaired',
    ]);
    const lobes = [
      polygon([
        [
          [56, 48],
          [58, 49.25],
          [56, 50.5],
          [56, 48],
        ],
      ]),
      polygon([
        [
          [60, 48],
          [60, 50.5],
          [58, 49.25],
          [60, 48],
        ],
      ]),
    ];
    const repaired = r.features[2]!.geometry!;
    expect(repaired.type).toBe('MultiPolygon');
    expect(area(repaired) / (area(lobes[0]!) + area(lobes[1]!))).toBeCloseTo(1, 6);
  });

  it('reports a feature without geometry as unmatched, naming the unit its attributes give', async () => {
    const r = await importFile(local('null-geometry.geojson'));
    expect(r.unmatched).toEqual([{ index: 2, reason: 'no geometry', candidates: ['aktobe'] }]);
    expect(r.matched).toHaveLength(3);
  });

  it('suggests the nearest units for an unknown name', async () => {
    const r = await importFile(local('unknown-name.geojson'));
    expect(r.unmatched).toHaveLength(1);
    expect(r.unmatched[0]).toMatchObject({ index: 2, reason: 'unknown region name "Aktobee"' });
    expect(r.unmatched[0]!.candidates).toContain('aktobe');
  });

  it('reports two features for one unit of a region file as duplicates', async () => {
    const r = await importFile(local('duplicate-unit.geojson'));
    expect(r.duplicates).toEqual([{ unit: 'aktobe', indexes: [2, 4] }]);
  });

  it('matches a TopoJSON copy as its GeoJSON', async () => {
    const [topo, geo] = await Promise.all([
      importFile(local('regions-2024.topojson')),
      importFile(local('regions-2024.geojson')),
    ]);
    expect(topo.format).toBe('topojson');
    expect(unitsByIndex(topo)).toEqual(unitsByIndex(geo));
    const geoAreas = areaByUnit(geo);
    for (const [unit, a] of areaByUnit(topo)) expect(Math.abs(a / geoAreas.get(unit)! - 1)).toBeLessThan(0.001);
  });

  it('matches Russian names only', async () => {
    const r = await importFile(local('russian-names.geojson'));
    expect(r.fields).toMatchObject({ code: null, names: [{ field: 'название', resolved: 4 }] });
    expect(unitsByIndex(r)).toEqual(FOUR);
  });

  it('matches ISO 3166-2 letter codes only', async () => {
    const r = await importFile(local('iso-letter-codes.geojson'));
    expect(r.fields.code).toEqual({ field: 'iso_code', kind: 'iso_letter', resolved: 4 });
    expect(unitsByIndex(r)).toEqual(FOUR);
  });
});

describe('readBoundaryFile', () => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('reads GeoJSON behind a byte-order mark', async () => {
    const text = readFileSync(local('regions-2024.geojson'), 'utf8');
    const file = await readBoundaryFile('bom.geojson', utf8(`\uFEFF${text}`));
    expect(file.features).toHaveLength(4);
  });

  it('refuses text that is not JSON, naming the file', async () => {
    await expect(readBoundaryFile('notes.txt', utf8('region,count\n'))).rejects.toThrow(/^notes\.txt: not JSON/);
  });

  it('refuses a zip without a shapefile', async () => {
    const zip = Buffer.from(bytesOf(shared('kaz_admbnda_adm1_2024_shp.zip')));
    const renamed = zip.toString('latin1').replaceAll('kaz_admbnda_adm1_2024.shp', 'kaz_admbnda_adm1_2024.txt');
    await expect(readBoundaryFile('no-shp.zip', Buffer.from(renamed, 'latin1'))).rejects.toThrow(
      'no-shp.zip: the zip holds no shapefile (.shp)',
    );
  });

  it('refuses TopoJSON without objects', async () => {
    const empty = utf8('{"type":"Topology","objects":{},"arcs":[]}');
    await expect(readBoundaryFile('empty.topojson', empty)).rejects.toThrow('empty.topojson: TopoJSON without objects');
  });

  it('keeps a point among areas without geometry, with a warning', async () => {
    const mixed = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [57, 50] } },
        {
          type: 'Feature',
          properties: { n: 2 },
          geometry: polygon([
            [
              [56, 48],
              [60, 48],
              [58, 50],
              [56, 48],
            ],
          ]).geometry,
        },
      ],
    };
    const file = await readBoundaryFile('mixed.geojson', utf8(JSON.stringify(mixed)));
    expect(file.features.map((f) => f.geometry?.type ?? null)).toEqual([null, 'Polygon']);
    expect(file.warnings).toEqual(['feature 0: a Point is not an area; kept without geometry']);
  });
});

describe('repairGeometry', () => {
  it('closes an open ring, drops repeated points and rewinds the outer ring counter-clockwise', () => {
    const clockwiseOpen: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [56, 48],
          [56, 50],
          [56, 50],
          [60, 50],
          [60, 48],
        ],
      ],
    };
    const r = repairGeometry(clockwiseOpen, 7);
    expect(r.problem).toBeNull();
    expect(r.warnings).toEqual(['feature 7: 1 ring(s) were not closed; closed them']);
    expect(r.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [56, 48],
          [60, 48],
          [60, 50],
          [56, 50],
          [56, 48],
        ],
      ],
    });
  });

  it('rejects a ring with fewer than 3 distinct points', () => {
    const sliver: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [56, 48],
          [57, 49],
          [56, 48],
          [56, 48],
        ],
      ],
    };
    expect(repairGeometry(sliver, 0)).toMatchObject({ geometry: null, problem: /no area/ });
  });
});

describe('detectFields and matchBoundaries on attributes', () => {
  const withProperties = (list: GeoJsonProperties[]): Feature<Polygon>[] =>
    list.map((properties) => ({
      ...polygon([
        [
          [56, 48],
          [60, 48],
          [58, 50],
          [56, 48],
        ],
      ]),
      properties,
    }));

  it.each([
    ['kato', ['150000000', '230000000']],
    ['kato', ['15', '23']],
    ['pcode', ['KZ15', 'KZ23']],
    ['iso_numeric', ['KZ-15', 'KZ-23']],
    ['iso_letter', ['KZ-AKT', 'KZ-ATY']],
    ['hasc', ['KZ.AT', 'KZ.AR']],
  ])('tells a %s code field by its values (%j)', (kind, codes) => {
    expect(detectFields(withProperties(codes.map((c) => ({ code: c })))).code).toEqual({
      field: 'code',
      kind,
      resolved: 2,
    });
  });

  it('trusts the code over a name that reads as another unit, with a warning', () => {
    const r = matchBoundaries(
      withProperties([
        { ADM1_PCODE: 'KZ15', ADM1_EN: 'Atyrau' },
        { ADM1_PCODE: 'KZ23', ADM1_EN: 'Atyrau' },
      ]),
    );
    expect(r.matched.map((m) => m.unit.id)).toEqual(['aktobe', 'atyrau']);
    expect(r.warnings).toEqual([
      'feature 0: ADM1_EN "Atyrau" reads as atyrau, but the code says aktobe; trusted the code',
    ]);
  });

  it('takes the layout from a year field when no unit tells it', () => {
    const r = matchBoundaries(
      withProperties([
        { code: 'KZ63', Year: 2019 },
        { code: 'KZ15', Year: 2019 },
      ]),
    );
    expect(r).toMatchObject({ layout: 'B', layoutReason: 'field Year says 2019' });
    expect(r.matched[0]!.unit.id).toBe('east-kazakhstan');
  });

  it('assumes the current layout without evidence, warning when an extent depends on it', () => {
    const r = matchBoundaries(withProperties([{ code: 'KZ63' }, { code: 'KZ15' }]));
    expect(r.layout).toBe('C');
    expect(r.matched[0]!.unit.id).toBe('east-kazakhstan-2022');
    expect(r.warnings).toEqual([expect.stringMatching(/layout is unknown .* pass a date/)]);
  });
});

describe('npm run geo:check', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const run = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'src/cli/geo-check.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('prints exactly the agreed keys with --json and exits 0 for the 2024 regions', () => {
    const out = run(fileURLToPath(shared('kaz_admbnda_adm1_2024.geojson')), '--json');
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as Record<string, unknown> & { matched: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(['file', 'features', 'layout', 'matched', 'unmatched', 'warnings']);
    expect(report).toMatchObject({ features: 20, layout: 'C', unmatched: [] });
    expect(report.matched).toHaveLength(20);
    expect(Object.keys(report.matched[0]!)).toEqual(['index', 'unit', 'layout']);
    expect(report.matched.find((m) => m['unit'] === '63')).toEqual({ index: 16, unit: '63', layout: 'C' });
  }, 30_000);

  it('exits 1 when a feature is unmatched', () => {
    const out = run('test/fixtures/import/unknown-name.geojson', '--json');
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout) as { unmatched: Record<string, unknown>[] };
    expect(Object.keys(report.unmatched[0]!)).toEqual(['index', 'reason', 'candidates']);
  }, 30_000);

  it('exits 2 with the file and reason on stderr when the file cannot be read', () => {
    const out = run('../shared/fixtures/boundaries/kaz_admbnda_cnt1_2022.geojson');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(
      'geo:check: ../shared/fixtures/boundaries/kaz_admbnda_cnt1_2022.geojson: the file holds points, not polygons',
    );
  }, 30_000);
});
