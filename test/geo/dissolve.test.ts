/**
 * dissolveToLayout on synthetic fixtures (test/fixtures/dissolve/in → out, `REGEN=1` rewrites out/)
 * and on the real boundaries read in place from ../shared/fixtures/boundaries/ (geokz, CC BY 4.0):
 * the 2024 regions (layout C) dissolved into layout B must reproduce the 2018 regions.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { area, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { dissolveToLayout } from '../../src/core/geo/dissolve.ts';
import { loadPolygonUnion } from '../../src/core/geo/union.ts';
import { unitsOf } from '../../src/core/gazetteer.ts';
import type { LayoutId } from '../../src/core/types.ts';
import { unitRecord } from '../../src/core/gazetteer-details.ts';

type Polygonal = Polygon | MultiPolygon;
type UnitCollection = FeatureCollection<Polygonal, { unit: string }>;
/** An input fixture: the units to dissolve, the target layout, and what the case shows. */
type Fixture = UnitCollection & { target: LayoutId; description: string };

const FIXTURES = new URL('../fixtures/dissolve/', import.meta.url);
const REGEN = process.env['REGEN'] === '1';
const RESULT_COLOUR = '#d62728';
const INPUT_COLOURS = ['#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

await loadPolygonUnion();

const readJson = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;

/** Two-space JSON with each position on one line, so a diff of a regenerated file reads well. */
const serialize = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]') + '\n';

/** The result in red over the inputs, each outlined in its own colour (simplestyle-spec), with the warnings. */
function styledOutput(input: Fixture): unknown {
  const { features, warnings } = dissolveToLayout(input, input.target);
  const dissolved = features.features.map((f) => ({
    ...f,
    properties: {
      role: 'dissolved',
      ...f.properties,
      stroke: RESULT_COLOUR,
      'stroke-width': 4,
      fill: RESULT_COLOUR,
      'fill-opacity': 0.25,
    },
  }));
  const inputs = input.features.map((f, i) => {
    const colour = INPUT_COLOURS[i % INPUT_COLOURS.length]!;
    return {
      ...f,
      properties: {
        role: 'input',
        ...f.properties,
        stroke: colour,
        'stroke-width': 2,
        fill: colour,
        'fill-opacity': 0.1,
      },
    };
  });
  return {
    type: 'FeatureCollection',
    target: input.target,
    description: input.description,
    warnings,
    features: [...dissolved, ...inputs],
  };
}

const fixtureNames = readdirSync(new URL('in/', FIXTURES))
  .filter((name) => name.endsWith('.geojson'))
  .sort();

describe('dissolveToLayout fixtures', () => {
  it.each(fixtureNames)('%s', (name) => {
    const actual = styledOutput(readJson<Fixture>(new URL(`in/${name}`, FIXTURES)));
    const outUrl = new URL(`out/${name}`, FIXTURES);
    if (REGEN) writeFileSync(outUrl, serialize(actual));
    expect(actual).toEqual(readJson(outUrl));
  });
});

/** A fresh copy of one input fixture, for the behaviour tests below. */
const fixture = (name: string): Fixture => readJson<Fixture>(new URL(`in/${name}.geojson`, FIXTURES));

const ringCount = (g: Polygonal): number[] =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((polygon) => polygon.length);

describe('dissolveToLayout', () => {
  it('unions adjacent later units into their earlier unit, listing them in `from`', () => {
    const { features } = dissolveToLayout(fixture('adjacent-squares'), 'A');
    expect(features.features.map((f) => f.properties)).toEqual([
      { unit: 'south-kazakhstan', from: ['shymkent', 'turkistan'] },
    ]);
    expect(ringCount(features.features[0]!.geometry)).toEqual([1]);
  });

  it('fills a hole of one piece with the piece that lies in it', () => {
    const { features } = dissolveToLayout(fixture('hole-filled-by-piece'), 'A');
    expect(ringCount(features.features[0]!.geometry)).toEqual([1]);
  });

  it('keeps an enclave of another unit as a hole', () => {
    const { features } = dissolveToLayout(fixture('enclave'), 'B');
    const oblast = features.features.find((f) => f.properties.unit === 'almaty-oblast')!;
    expect(ringCount(oblast.geometry)).toEqual([2]);
    expect(features.features.map((f) => f.properties.unit)).toEqual(['almaty', 'almaty-oblast']);
  });

  it('drops a sliver hole between shared edges and says how many', () => {
    const { features, warnings } = dissolveToLayout(fixture('sliver'), 'B');
    expect(ringCount(features.features[0]!.geometry)).toEqual([1]);
    expect(warnings).toContain('dropped 1 hole smaller than 1 km² (slivers): east-kazakhstan 1');
  });

  it('warns when a unit is drawn from only some of its pieces', () => {
    const { warnings } = dissolveToLayout(fixture('missing-piece'), 'A');
    expect(warnings).toContain('south-kazakhstan is incomplete: shymkent not given');
  });

  it('omits target units with no pieces, naming them in one warning', () => {
    const { features, warnings } = dissolveToLayout(fixture('adjacent-squares'), 'A');
    expect(features.features).toHaveLength(1);
    const omitted = unitsOf('A')
      .map((u) => u.id)
      .filter((id) => id !== 'south-kazakhstan')
      .sort();
    expect(warnings).toContain(
      `no pieces given for ${omitted.slice(0, -1).join(', ')} and ${omitted.at(-1)} (layout A); omitted`,
    );
  });

  it('leaves out units older than the target, which cannot be split', () => {
    const { features, warnings } = dissolveToLayout(fixture('older-unit'), 'C');
    expect(features.features.map((f) => f.properties.unit)).toEqual(['aktobe']);
    expect(warnings).toContain('south-kazakhstan cannot be split into turkistan and shymkent without data');
    expect(warnings).toContain('east-kazakhstan cannot be split into abai and east-kazakhstan-2022 without data');
  });

  it('gives the same output whatever the order of the input features', () => {
    const input = fixture('enclave');
    const reversed = { ...input, features: [...input.features].reverse() };
    expect(dissolveToLayout(reversed, 'B')).toEqual(dissolveToLayout(input, 'B'));
  });

  it('warns about unknown unit ids and leaves them out', () => {
    const input = fixture('adjacent-squares');
    input.features[0]!.properties.unit = 'atlantis';
    const { features, warnings } = dissolveToLayout(input, 'A');
    expect(warnings).toContain('unknown unit "atlantis" left out');
    expect(features.features[0]!.properties.from).toEqual(['shymkent']);
  });
});

// ---------------------------------------------------------------------------------------------
// Real boundaries

/** A shared boundary file with each feature's ADM1_PCODE mapped to the unit of `layout` with that P-code. */
function boundaries(file: string, layout: LayoutId): UnitCollection {
  const url = new URL(`../../../shared/fixtures/boundaries/${file}`, import.meta.url);
  const fc = readJson<FeatureCollection<Polygonal, { ADM1_PCODE: string }>>(url);
  const byPcode = new Map(unitsOf(layout).map((u) => [unitRecord(u).pcode, u.id]));
  return featureCollection(
    fc.features.map((f) => {
      const unit = byPcode.get(f.properties.ADM1_PCODE);
      if (unit === undefined)
        throw new Error(`${file}: no layout ${layout} unit with P-code ${f.properties.ADM1_PCODE}`);
      return { type: 'Feature', properties: { unit }, geometry: f.geometry };
    }),
  );
}

/** Intersection over union of two areas (turf, geodesic m²). */
function iou(a: Feature<Polygonal>, b: Feature<Polygonal>): number {
  const both = intersect(featureCollection([a, b]));
  const either = union(featureCollection([a, b]));
  return both && either ? area(both) / area(either) : 0;
}

const MIN_IOU = 0.98;

/**
 * Units whose extent differs between the two files for a reason other than the dissolve. Astana: the
 * 2018 file draws it at 714 km², the 2024 file at 805 km², the 91 km² difference lying in Akmola in
 * 2018 (measured IoU 0.887); Akmola ∪ Astana is the same in both files (checked below).
 */
const KNOWN_CHANGES: Record<string, number> = { astana: 0.88 };

describe('2024 regions (layout C) dissolved into layout B', () => {
  const c2024 = boundaries('kaz_admbnda_adm1_2024.geojson', 'C');
  const b2018 = boundaries('kaz_admbnda_adm1_2018.geojson', 'B');
  const started = performance.now();
  const result = dissolveToLayout(c2024, 'B');
  const elapsed = performance.now() - started;
  const dissolved = new Map(result.features.features.map((f) => [f.properties.unit, f]));
  const expected = new Map(b2018.features.map((f) => [f.properties.unit, f]));
  const table = unitsOf('B')
    .map((u) => u.id)
    .sort()
    .map((id) => {
      const got = dissolved.get(id);
      const want = expected.get(id)!;
      return { unit: id, from: got?.properties.from.join(' + ') ?? '-', iou: got ? iou(got, want) : 0 };
    });
  console.log(
    [
      `dissolve 2024 → B: ${elapsed.toFixed(0)} ms; warnings: ${JSON.stringify(result.warnings)}`,
      `${'unit'.padEnd(18)} ${'from'.padEnd(30)} IoU with 2018`,
      ...table.map((r) => `${r.unit.padEnd(18)} ${r.from.padEnd(30)} ${r.iou.toFixed(5)}`),
    ].join('\n'),
  );

  it('maps the special P-codes to the right units', () => {
    const ids = (fc: UnitCollection): string[] => fc.features.map((f) => f.properties.unit).sort();
    expect(ids(c2024)).toEqual(
      expect.arrayContaining(['east-kazakhstan-2022', 'almaty-oblast-2022', 'karaganda-2022']),
    );
    expect(ids(c2024)).toEqual(expect.arrayContaining(['abai', 'zhetisu', 'ulytau']));
    expect(ids(b2018)).toEqual(expect.arrayContaining(['east-kazakhstan', 'almaty-oblast', 'karaganda']));
    expect(ids(b2018)).toEqual(expect.arrayContaining(['turkistan', 'shymkent']));
  });

  it('gives the 17 units of layout B, with no warning but slivers', () => {
    expect([...dissolved.keys()]).toEqual(
      unitsOf('B')
        .map((u) => u.id)
        .sort(),
    );
    expect(result.warnings.filter((w) => !w.startsWith('dropped '))).toEqual([]);
  });

  it('dissolves each split unit from its two parts', () => {
    expect(dissolved.get('east-kazakhstan')?.properties.from).toEqual(['abai', 'east-kazakhstan-2022']);
    expect(dissolved.get('almaty-oblast')?.properties.from).toEqual(['almaty-oblast-2022', 'zhetisu']);
    expect(dissolved.get('karaganda')?.properties.from).toEqual(['karaganda-2022', 'ulytau']);
  });

  it('removes the sliver hole that the Abai / East Kazakhstan union leaves', () => {
    expect(ringCount(dissolved.get('east-kazakhstan')!.geometry)).toEqual([1]);
  });

  it.each(table)('$unit matches the 2018 file (IoU ≥ 0.98 or known change)', ({ unit, iou: value }) => {
    expect(value).toBeGreaterThanOrEqual(KNOWN_CHANGES[unit] ?? MIN_IOU);
  });

  it('Akmola ∪ Astana is the same in both files', () => {
    const merged = (get: (id: string) => Feature<Polygonal> | undefined): Feature<Polygonal> =>
      union(featureCollection([get('akmola')!, get('astana')!]))!;
    expect(
      iou(
        merged((id) => dissolved.get(id)),
        merged((id) => expected.get(id)),
      ),
    ).toBeGreaterThanOrEqual(0.999);
  });
});

describe('2024 regions (layout C) dissolved into layout A', () => {
  const c2024 = boundaries('kaz_admbnda_adm1_2024.geojson', 'C');
  const b2018 = boundaries('kaz_admbnda_adm1_2018.geojson', 'B');
  const result = dissolveToLayout(c2024, 'A');
  const get = (fc: UnitCollection, id: string): Feature<Polygonal> =>
    fc.features.find((f) => f.properties.unit === id)!;

  it('gives the 16 units of layout A', () => {
    expect(result.features.features.map((f) => f.properties.unit)).toEqual(
      unitsOf('A')
        .map((u) => u.id)
        .sort(),
    );
  });

  it('draws South Kazakhstan as Turkistan ∪ Shymkent of the 2018 file', () => {
    const southKazakhstan = result.features.features.find((f) => f.properties.unit === 'south-kazakhstan')!;
    expect(southKazakhstan.properties.from).toEqual(['shymkent', 'turkistan']);
    const expected = union(featureCollection([get(b2018, 'turkistan'), get(b2018, 'shymkent')]))!;
    const value = iou(southKazakhstan, expected);
    console.log(`south-kazakhstan (2024 → A) vs turkistan ∪ shymkent (2018): IoU ${value.toFixed(5)}`);
    expect(value).toBeGreaterThanOrEqual(MIN_IOU);
  });
});
