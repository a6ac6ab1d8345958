import { describe, expect, it } from 'vitest';
import { groupEvents } from '../../src/core/analysis/events.ts';
import { placeById, unitById } from '../../src/core/gazetteer.ts';
import { parseCsv } from '../../src/core/parse/csv.ts';
import { BOM, csvCell, isDangerous, neutralise, toSafeCsv } from '../../src/core/export/csv.ts';
import {
  exportRows,
  INCIDENT_COLUMNS,
  incidentRows,
  STATISTIC_COLUMNS,
  statisticRows,
  toGeoJson,
  unitAtTime,
} from '../../src/core/export/filtered.ts';
import { estimateWidth, layoutFrame, wrapText, type FrameInput } from '../../src/core/export/png.ts';
import { curatedDataset } from '../helpers/curated.ts';
import { loadLanguage } from '../../src/i18n/translate.ts';
import { exportLabels } from '../../src/i18n/export-labels.ts';

const dataset = curatedDataset();
const { events } = groupEvents(dataset.incidents, (id, precision) => {
  const unit = precision === 'region' ? unitById(id) : undefined;
  const place = placeById(unit ? unit.centre : id) ?? placeById(unitById(id)?.centre ?? '');
  return place ? { lon: place.lon, lat: place.lat } : null;
});
const event = (id: string) => events.find((e) => e.id === id)!;
const english = { labels: exportLabels('en') };

/** The cells of a CSV text, read back by the atlas's own RFC 4180 reader. */
const cellsOf = (csv: string) => parseCsv(csv).rows.map((r) => r.cells);

// Russian and Kazakh load on demand, as in the page.
await Promise.all([loadLanguage('ru'), loadLanguage('kk')]);

describe('CSV formula neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\0x', "'\0x"],
  ])('prefixes a cell starting with a dangerous character: %j', (input, output) => {
    expect(isDangerous(input)).toBe(true);
    expect(neutralise(input)).toBe(output);
  });

  it.each([
    '=HYPERLINK("http://x","y")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '+1+1',
    "=cmd|' /C calc'!A0",
    '-2+3',
    '  =1+1',
    '\n=1+1',
    '\u00a0@SUM(1)',
    '＝1+1',
  ])('makes a real-looking payload inert: %j', (payload) => {
    const cell = csvCell(payload);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    expect(unquoted).toBe(`'${payload}`);
    // Read back as a CSV, the cell is the payload behind a single quote, in one cell.
    const [row] = cellsOf(toSafeCsv([{ a: payload, b: 'next' }], ['a', 'b']));
    expect(row).toEqual({ a: `'${payload}`, b: 'next' });
  });

  it('leaves ordinary text alone, including text with formula characters inside', () => {
    for (const text of [
      'Aktobe',
      'Актобе',
      'Ақтөбе',
      '>950',
      '~600',
      'a=b',
      'x-y',
      'mail@example.org',
      '2011-05-14',
      '',
    ])
      expect(neutralise(text)).toBe(text);
  });

  it('writes numbers raw, negative ones included, and strings that look like numbers neutralised', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(3.25)).toBe('3.25');
    expect(csvCell(0)).toBe('0');
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(() => csvCell(Number.NaN)).toThrow();
    expect(() => csvCell(Number.POSITIVE_INFINITY)).toThrow();
  });
});

describe('toSafeCsv', () => {
  it('starts with a BOM, ends every line with CRLF and writes the header first', () => {
    const csv = toSafeCsv([{ a: 1, b: 'x' }], ['a', 'b']);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe('\ufeffa,b\r\n1,x\r\n');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('quotes commas, quotes, semicolons and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell('a;b')).toBe('"a;b"');
    const rows = [{ quote: 'He said, "no";\nthen left.', n: 2 }];
    expect(cellsOf(toSafeCsv(rows, ['quote', 'n']))).toEqual([{ quote: 'He said, "no";\nthen left.', n: '2' }]);
  });

  it('keeps Cyrillic text and leaves a missing column blank', () => {
    const csv = toSafeCsv([{ name: 'Жетісу облысы' }], ['name', 'value']);
    expect(csv).toBe('\ufeffname,value\r\nЖетісу облысы,\r\n');
    // As bytes (what a Blob of the text holds): the UTF-8 BOM EF BB BF, then UTF-8.
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(csv);
  });
});

describe('exportRows', () => {
  const { incidents, statistics } = exportRows(events, dataset.statistics, dataset.sources, english);

  it('gives one incident row per source statement, with its source', () => {
    expect(incidents.rows).toHaveLength(events.reduce((n, e) => n + e.statements.length, 0));
    expect(incidents.columns).toEqual(INCIDENT_COLUMNS);
    for (const row of incidents.rows) {
      const source = dataset.sources.find((s) => s.id === row['source'])!;
      expect(row).toMatchObject({
        source_title: source.title,
        source_publisher: source.publisher,
        source_date: source.published,
        source_seed_file: source.seedFile,
      });
    }
  });

  it('keeps dates as written, precision, the unit of the time and counts as the sources give them', () => {
    const rows = incidentRows([event('aktobe-2011-05-bombing')], dataset.sources, english);
    expect(rows.map((r) => [r.date_start, r.date_precision])).toEqual(
      expect.arrayContaining([
        ['2011-05', 'month'],
        ['2011-05-14', 'day'],
      ]),
    );
    for (const row of rows) expect(row).toMatchObject({ category: 'attack', category_label: 'Attack' });
    const pavlodar = incidentRows([event('pavlodar-2014-08-detention')], dataset.sources, english)[0]!;
    expect(pavlodar).toMatchObject({
      unit_at_time: 'pavlodar',
      unit_at_time_name: 'Pavlodar Region',
      layout_at_time: 'A',
      arrested: 4,
      killed: null,
      articles: '1997:233',
      date_text: 'August 2014',
    });
    expect(pavlodar.quote).toMatch(/\S/);
  });

  it('writes labels in the chosen language and codes unchanged', () => {
    const [row] = incidentRows([event('pavlodar-2014-08-detention')], dataset.sources, { labels: exportLabels('kk') });
    expect(row).toMatchObject({
      category: 'detention',
      category_label: 'Ұстау',
      unit_at_time_name: 'Павлодар облысы',
      date_text: '2014 жылғы тамыз',
    });
  });

  it('finds the unit a place lay in at the statement’s date', () => {
    const semey = (start: string) =>
      unitAtTime(
        {
          place: 'semey',
          locationPrecision: 'town',
          country: 'KZ',
          dateStart: { text: start, start, end: start, precision: 'day' },
        },
        { unitById, placeById, containingUnit: () => null, layoutAt: (d) => (d >= '2022-06-08' ? 'C' : 'A') },
      );
    expect(semey('2016-01-01')).toEqual({ unit: 'east-kazakhstan', layout: 'A' });
    expect(semey('2023-01-01')).toEqual({ unit: 'abai', layout: 'C' });
  });

  it('gives one statistic row per figure, exact values as numbers, with its source', () => {
    expect(statistics.columns).toEqual(STATISTIC_COLUMNS);
    expect(statistics.rows).toHaveLength(dataset.statistics.length);
    const aktobe = statisticRows(dataset.statistics, dataset.sources, { labels: exportLabels('ru') }).find(
      (r) => r.series === 'cabar-2017-256-2-convicted' && r.unit === 'aktobe',
    )!;
    expect(aktobe).toMatchObject({
      value: 19,
      metric_label: 'Осуждённые лица',
      article_label: 'ст. 256 ч. 2 УК РК (2014)',
      unit_name: 'Актюбинская область',
    });
    expect(aktobe.source_title).toMatch(/\S/);
    for (const row of statistics.rows) expect(row['source_title']).toBeTruthy();
  });

  it('makes a safe CSV that reads back to the same rows', () => {
    const csv = toSafeCsv(incidents.rows, incidents.columns);
    const back = cellsOf(csv);
    expect(back).toHaveLength(incidents.rows.length);
    back.forEach((cells, i) => {
      for (const column of INCIDENT_COLUMNS) {
        const value = incidents.rows[i]![column];
        const expected =
          value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : neutralise(value);
        expect(cells[column], `${i} ${column}`).toBe(expected);
      }
    });
  });
});

describe('toGeoJson', () => {
  const collection = toGeoJson(events, dataset.sources, english);

  it('round-trips through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });

  it('has one feature per event at its position, [lon, lat], and null geometry for nationwide events', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.id)).toEqual(events.map((e) => e.id));
    for (const [i, feature] of collection.features.entries()) {
      const position = events[i]!.position;
      if (position) expect(feature.geometry).toEqual({ type: 'Point', coordinates: [position.lon, position.lat] });
      else expect(feature.geometry).toBeNull();
    }
    expect(collection.features.some((f) => f.geometry === null)).toBe(true);
  });

  it('carries every statement with its source, and the sources', () => {
    const aktobe = collection.features.find((f) => f.id === 'aktobe-2011-05-bombing')!.properties;
    expect(aktobe.statements).toHaveLength(7);
    expect(aktobe.statements).toEqual(incidentRows([event('aktobe-2011-05-bombing')], dataset.sources, english));
    expect(aktobe.sources.map((s) => s.id).sort()).toEqual([...new Set(aktobe.statements.map((s) => s.source))].sort());
    for (const source of aktobe.sources) expect(source.title).toMatch(/\S/);
    expect(aktobe.dates_differ).toBe(true);
    expect(aktobe.date_text).toContain(' or ');
  });
});

describe('PNG frame layout', () => {
  const input: FrameInput = {
    title: 'Persons convicted, Art. 256 part 2 (2014 code), 2017',
    subtitle: 'Kazakhstan incident and conviction atlas',
    legendTitle: 'Legend',
    legend: [
      { label: '1–5', swatch: { kind: 'fill', colour: '#fee391' } },
      { label: '6–19', swatch: { kind: 'fill', colour: '#fe9929' } },
      { label: 'Not reported (10 regions)', swatch: { kind: 'hatch', colour: '#9c978d', background: '#f1efea' } },
      { label: 'City figure (circle area ∝ value)', swatch: { kind: 'dot', colour: '#7b5ea7' } },
      { label: 'Only month, year or period known', swatch: { kind: 'ring', colour: '#555' } },
      { label: 'Only the region or country known', swatch: { kind: 'halo', colour: '#555' } },
      { label: "Derived from the source's words, not stated as a number", swatch: { kind: 'mark', text: '*' } },
    ],
    filtersTitle: 'Filters',
    filters: ['Years: 2017', 'Incident categories: Attack, Detention'],
    sourcesTitle: 'Sources',
    sources: ['Features of Countering Violent Extremism and Terrorism in Kazakhstan. CABAR.asia, 2019 (004.txt)'],
    attribution:
      'Regions: geokz by A. Rodionov (CC BY 4.0), from the Bureau of National Statistics and OCHA. Countries: Natural Earth (public domain). Lakes: © OpenStreetMap contributors (ODbL).',
    map: { width: 800, height: 500 },
  };

  it('puts the title above the map and everything else below it, within the frame', () => {
    const frame = layoutFrame(input);
    expect(frame.width).toBe(800 + 2 * 16);
    expect(frame.map).toEqual({ x: 16, y: expect.any(Number), width: 800, height: 500 });
    const texts = frame.ops.filter((o) => o.op === 'text');
    const title = texts.find((o) => o.text.startsWith('Persons convicted'))!;
    expect(title.y).toBeLessThan(frame.map.y);
    for (const label of ['Legend', 'Filters', 'Years: 2017', 'Sources', '1–5', 'Not reported (10 regions)']) {
      expect(texts.find((o) => o.text === label)!.y, label).toBeGreaterThan(frame.map.y + frame.map.height);
    }
    for (const op of frame.ops) {
      if (op.op === 'text')
        expect(op.x + estimateWidth(op.text, { size: op.size, weight: 400, style: 'normal' })).toBeLessThanOrEqual(
          frame.width,
        );
      const bottom = op.op === 'circle' ? op.cy + op.r : op.op === 'text' ? op.y + op.size : op.y + op.height;
      expect(bottom).toBeLessThanOrEqual(frame.height);
    }
    expect(frame.ops[0]).toMatchObject({ op: 'rect', x: 0, y: 0, width: frame.width, height: frame.height });
    expect(frame.ops.filter((o) => o.op === 'hatch')).toHaveLength(1);
    expect(frame.ops.filter((o) => o.op === 'map')).toHaveLength(1);
  });

  it('doubles every position and size for print, without rearranging', () => {
    const one = layoutFrame(input);
    const two = layoutFrame({ ...input, scale: 2 });
    expect(two.width).toBe(one.width * 2);
    expect(two.height).toBe(one.height * 2);
    expect(two.ops).toHaveLength(one.ops.length);
    two.ops.forEach((op, i) => {
      const before = one.ops[i]!;
      expect(op.op).toBe(before.op);
      for (const key of ['x', 'y', 'width', 'height', 'cx', 'cy', 'r', 'size'] as const) {
        const a = (before as Record<string, unknown>)[key];
        const b = (op as Record<string, unknown>)[key];
        if (typeof a === 'number') expect(b, `${i} ${key}`).toBeCloseTo(a * 2, 6);
      }
    });
  });

  it('wraps long text at words and cuts words longer than a line', () => {
    const font = { size: 10, weight: 400 as const, style: 'normal' as const };
    const lines = wrapText('one two three four five six seven', 60, font, estimateWidth);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('one two three four five six seven');
    for (const line of lines) expect(estimateWidth(line, font)).toBeLessThanOrEqual(60);
    const cut = wrapText('x'.repeat(50), 60, font, estimateWidth);
    expect(cut.join('')).toBe('x'.repeat(50));
    for (const line of cut) expect(estimateWidth(line, font)).toBeLessThanOrEqual(60);
  });

  it('refuses a map without size', () => {
    expect(() => layoutFrame({ ...input, map: { width: 0, height: 10 } })).toThrow();
  });
});
