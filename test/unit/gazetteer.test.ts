import { describe, it, expect } from 'vitest';
import unitsJson from '../../geo/gazetteer/units.json' with { type: 'json' };
import placesJson from '../../geo/gazetteer/places.json' with { type: 'json' };
import {
  LAYOUTS,
  containingUnit,
  firstDay,
  lastDay,
  layoutAt,
  layoutsDuring,
  placeById,
  places,
  successorUnit,
  unitById,
  unitOfPlace,
  units,
  unitsOf,
} from '../../src/core/gazetteer.ts';
import { nameKind, normalizeName } from '../../src/core/gazetteer-names.ts';
import { validateGazetteer } from '../../src/core/gazetteer-check.ts';
import { unitRecords } from '../../src/core/gazetteer-details.ts';

/** A fresh, mutable copy of the real files for each validation case. */
function copies(): { units: Record<string, unknown>[]; places: Record<string, unknown>[] } {
  return {
    units: structuredClone(unitsJson) as Record<string, unknown>[],
    places: structuredClone(placesJson) as Record<string, unknown>[],
  };
}

describe('layouts', () => {
  it('has 16, 17 and 20 units in layouts A, B and C', () => {
    expect(unitsOf('A')).toHaveLength(16);
    expect(unitsOf('B')).toHaveLength(17);
    expect(unitsOf('C')).toHaveLength(20);
  });

  it('replaces South Kazakhstan by Turkistan and Shymkent in B', () => {
    const a = new Set(unitsOf('A').map((u) => u.id));
    const b = new Set(unitsOf('B').map((u) => u.id));
    expect([...a].filter((id) => !b.has(id))).toEqual(['south-kazakhstan']);
    expect([...b].filter((id) => !a.has(id)).sort()).toEqual(['shymkent', 'turkistan']);
  });

  it('adds Abai, Zhetisu, Ulytau and the three smaller extents in C', () => {
    const b = new Set(unitsOf('B').map((u) => u.id));
    const c = new Set(unitsOf('C').map((u) => u.id));
    expect([...b].filter((id) => !c.has(id)).sort()).toEqual(['almaty-oblast', 'east-kazakhstan', 'karaganda']);
    expect([...c].filter((id) => !b.has(id)).sort()).toEqual([
      'abai',
      'almaty-oblast-2022',
      'east-kazakhstan-2022',
      'karaganda-2022',
      'ulytau',
      'zhetisu',
    ]);
  });

  it('has one unit per KATO code in each layout', () => {
    for (const l of LAYOUTS) {
      const katos = unitsOf(l).map((u) => u.kato);
      expect(new Set(katos).size).toBe(katos.length);
    }
  });
});

describe('layoutAt', () => {
  it.each([
    ['1997-01-01', 'A'],
    ['2018-06-18', 'A'],
    ['2018-06-19', 'B'],
    ['2022-06-07', 'B'],
    ['2022-06-08', 'C'],
    ['2024-01-01', 'C'],
  ])('%s is in layout %s', (date, layout) => {
    expect(layoutAt(date)).toBe(layout);
  });

  it('reads partial dates as their first day', () => {
    expect(layoutAt('2018')).toBe('A');
    expect(layoutAt('2018-06')).toBe('A');
    expect(layoutAt('2018-07')).toBe('B');
    expect(layoutAt('2022-06')).toBe('B');
  });

  it('throws on malformed dates', () => {
    expect(() => layoutAt('2018-13')).toThrow(/not an ISO date/);
    expect(() => layoutAt('19.06.2018')).toThrow(/not an ISO date/);
    expect(() => layoutAt('2019-02-29')).toThrow(/not an ISO date/);
  });
});

describe('layoutsDuring', () => {
  it('lists every layout a period touches', () => {
    expect(layoutsDuring('2018', '2018')).toEqual(['A', 'B']);
    expect(layoutsDuring('2022-06', '2022-06')).toEqual(['B', 'C']);
    expect(layoutsDuring('2019-01', '2019-10')).toEqual(['B']);
    expect(layoutsDuring('2015', '2023')).toEqual(['A', 'B', 'C']);
  });

  it('throws when the period ends before it starts', () => {
    expect(() => layoutsDuring('2020', '2019')).toThrow(/before it starts/);
  });

  it('knows the first and last days of partial dates', () => {
    expect(firstDay('2022-06')).toBe('2022-06-01');
    expect(lastDay('2022-06')).toBe('2022-06-30');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2018')).toBe('2018-12-31');
  });
});

describe('partOf', () => {
  it.each([
    ['turkistan', 'south-kazakhstan'],
    ['shymkent', 'south-kazakhstan'],
    ['abai', 'east-kazakhstan'],
    ['east-kazakhstan-2022', 'east-kazakhstan'],
    ['zhetisu', 'almaty-oblast'],
    ['almaty-oblast-2022', 'almaty-oblast'],
    ['ulytau', 'karaganda'],
    ['karaganda-2022', 'karaganda'],
  ])('%s lies in %s', (child, parent) => {
    expect(unitById(child)?.partOf).toBe(parent);
  });

  it('leaves every other unit without a parent', () => {
    const withParent = units.filter((u) => u.partOf !== null).map((u) => u.id);
    expect(withParent).toHaveLength(8);
  });

  it('leads every later unit to a unit of layout A', () => {
    for (const u of units) {
      const a = containingUnit(u.id, 'A');
      if (u.layouts.includes('A')) expect(a?.id).toBe(u.id);
      else expect(a?.layouts).toContain('A');
    }
  });

  it('sums each earlier unit from its later parts, with one part keeping the code or the oblast', () => {
    for (const old of units.filter((u) => !u.layouts.includes('C'))) {
      const parts = units.filter((u) => u.partOf === old.id);
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(successorUnit(old.id, 'C')).not.toBeNull();
    }
    expect(successorUnit('south-kazakhstan', 'B')?.id).toBe('turkistan');
    expect(successorUnit('karaganda', 'C')?.id).toBe('karaganda-2022');
  });

  it('maps a later unit to its container, an older one to nothing', () => {
    expect(containingUnit('turkistan', 'A')?.id).toBe('south-kazakhstan');
    expect(containingUnit('ulytau', 'B')?.id).toBe('karaganda');
    expect(containingUnit('aktobe', 'B')?.id).toBe('aktobe');
    expect(containingUnit('east-kazakhstan', 'C')).toBeNull();
    expect(() => containingUnit('atlantis', 'A')).toThrow(/unknown unit/);
  });
});

describe('unit records', () => {
  it('derive P-codes and ISO numeric codes from KATO', () => {
    for (const u of unitRecords) {
      expect(u.pcode).toBe(`KZ${u.kato}`);
      expect(u.isoNumeric).toBe(`KZ-${u.kato}`);
    }
  });

  it('give validity dates matching the layouts', () => {
    expect(unitById('south-kazakhstan')?.validTo).toBe('2018-06-18');
    expect(unitById('turkistan')?.validFrom).toBe('2018-06-19');
    expect(unitById('abai')?.validFrom).toBe('2022-06-08');
    expect(unitById('east-kazakhstan')?.validTo).toBe('2022-06-07');
    expect(unitById('aktobe')?.validFrom).toBeNull();
  });

  it('place each centre in its unit', () => {
    expect(unitById('almaty-oblast')?.centre).toBe('taldykorgan');
    expect(unitById('almaty-oblast-2022')?.centre).toBe('konaev');
    expect(unitById('south-kazakhstan')?.centre).toBe('shymkent');
    expect(unitById('turkistan')?.centre).toBe('turkistan');
    for (const u of units) {
      for (const l of u.layouts) {
        const centre = placeById(u.centre);
        expect(centre?.units[l] === u.id || centre?.cityUnit === u.id).toBe(true);
      }
    }
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(units)).toBe(true);
    expect(Object.isFrozen(units[0]?.names)).toBe(true);
    expect(Object.isFrozen(unitRecords)).toBe(true);
    expect(Object.isFrozen(unitRecords[0]?.aliases)).toBe(true);
  });
});

describe('places', () => {
  const inKazakhstan = places.filter((p) => p.country === 'KZ' && p.kind !== 'country');

  it('put every place in Kazakhstan in a unit of every layout', () => {
    for (const p of inKazakhstan) {
      for (const l of LAYOUTS) {
        expect(unitOfPlace(p, l)?.layouts, `${p.id} in ${l}`).toContain(l);
      }
    }
  });

  it('agree across layouts: the unit of A contains the unit of B, which contains the unit of C', () => {
    for (const p of inKazakhstan) {
      expect(containingUnit(p.units.C!, 'B')?.id, p.id).toBe(p.units.B);
      expect(containingUnit(p.units.B!, 'A')?.id, p.id).toBe(p.units.A);
    }
  });

  it('give the split cities their new units', () => {
    expect(unitOfPlace('semey', 'B')?.id).toBe('east-kazakhstan');
    expect(unitOfPlace('semey', 'C')?.id).toBe('abai');
    expect(unitOfPlace('shymkent', 'A')?.id).toBe('south-kazakhstan');
    expect(unitOfPlace('shymkent', 'B')?.id).toBe('shymkent');
    expect(unitOfPlace('bishkek', 'C')).toBeNull();
  });

  it('mark the three cities of republican significance', () => {
    const cities = places.filter((p) => p.cityUnit !== null).map((p) => [p.id, p.cityUnit]);
    expect(cities).toEqual([
      ['almaty', 'almaty'],
      ['astana', 'astana'],
      ['shymkent', 'shymkent'],
    ]);
  });

  it('keep units empty outside Kazakhstan', () => {
    for (const p of places.filter((x) => x.country !== 'KZ' || x.kind === 'country')) expect(p.units).toEqual({});
  });
});

describe('normalizeName', () => {
  it.each([
    ['Ақтөбе облысы', 'актобе'],
    ['Актюбинская обл.', 'актюбинская'],
    ['Актюбинской области', 'актюбинская'],
    ['Aqtöbe', 'aqtobe'],
    ['Nur-Sultan (city)', 'nursultan'],
    ['City of Almaty', 'almaty'],
    ['г. Алматы', 'алматы'],
    ['Алматы қаласы', 'алматы'],
    ['«Жетісу»', 'жетису'],
    ['Солтүстiк Қазақстан', 'солтустикказакстан'],
    ['Ёлки', 'елки'],
    ['Karaganda Region', 'karaganda'],
    ['Almaty Province', 'almaty'],
  ])('%s → %s', (input, key) => {
    expect(normalizeName(input)).toBe(key);
  });

  it('keeps Cyrillic й, so that Қостанай and Костанай agree but stay Cyrillic', () => {
    expect(normalizeName('Қостанай')).toBe(normalizeName('Костанай'));
    expect(normalizeName('Костанай')).toBe('костанай');
  });
});

describe('nameKind', () => {
  it.each([
    ['Алматы облысы', 'oblast'],
    ['Almaty region', 'oblast'],
    ['Алматинская', 'oblast'],
    ['г. Алматы', 'city'],
    ['Almaty (city)', 'city'],
    ['Almaty', null],
  ])('%s says %s', (name, kind) => {
    expect(nameKind(name)).toBe(kind);
  });
});

describe('validation at load', () => {
  it('accepts the real files', () => {
    const { units: u, places: p } = copies();
    expect(() => validateGazetteer(u, p)).not.toThrow();
  });

  it('names the record and field of an unknown layout', () => {
    const { units: u, places: p } = copies();
    u[1]!['layouts'] = ['A', 'D'];
    expect(() => validateGazetteer(u, p)).toThrow(/units\.json\[1\] \(id "akmola"\): field "layouts"/);
  });

  it('rejects a duplicate unit id', () => {
    const { units: u, places: p } = copies();
    u[2]!['id'] = 'akmola';
    expect(() => validateGazetteer(u, p)).toThrow(/id "akmola"\): field "id" is a duplicate/);
  });

  it('rejects partOf naming an unknown unit', () => {
    const { units: u, places: p } = copies();
    u.find((x) => x['id'] === 'abai')!['partOf'] = 'semipalatinsk';
    expect(() => validateGazetteer(u, p)).toThrow(/field "partOf" references unknown unit "semipalatinsk"/);
  });

  it('rejects a centre naming an unknown place', () => {
    const { units: u, places: p } = copies();
    u.find((x) => x['id'] === 'abai')!['centre'] = 'nowhere';
    expect(() => validateGazetteer(u, p)).toThrow(/field "centre" references unknown place "nowhere"/);
  });

  it('rejects a place in a unit that the layout does not have', () => {
    const { units: u, places: p } = copies();
    p.find((x) => x['id'] === 'semey')!['units'] = { A: 'abai', B: 'east-kazakhstan', C: 'abai' };
    expect(() => validateGazetteer(u, p)).toThrow(
      /places\.json\[\d+\] \(id "semey"\): field "units" "abai" is not a unit of layout A/,
    );
  });

  it('rejects a place naming an unknown unit', () => {
    const { units: u, places: p } = copies();
    p.find((x) => x['id'] === 'taraz')!['units'] = { A: 'dzhambul' };
    expect(() => validateGazetteer(u, p)).toThrow(/field "units" references unknown unit "dzhambul"/);
  });

  it('rejects validity dates that disagree with the layouts', () => {
    const { units: u, places: p } = copies();
    u.find((x) => x['id'] === 'turkistan')!['validFrom'] = '2022-07-01';
    expect(() => validateGazetteer(u, p)).toThrow(/id "turkistan"\): field "layouts" must be \[C\]/);
  });

  it('rejects a P-code that does not follow KATO', () => {
    const { units: u, places: p } = copies();
    u[0]!['pcode'] = 'KZ99';
    expect(() => validateGazetteer(u, p)).toThrow(/field "pcode" must be "KZ10"/);
  });
});
