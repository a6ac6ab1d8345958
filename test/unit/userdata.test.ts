/**
 * Users' own files: decoding, sniffing, dates, column guessing, precision codes, categories, the
 * incident and statistics readers on fixtures written by a generator (Windows-1251 and UTF-16 Excel
 * exports in Russian, ACLED and GTD extracts, a legal statistics table), property tests on broken
 * input, and `data:check` on those files. Point-in-polygon uses the shipped 1997 boundaries for
 * layout A and the real 2018 and 2024 boundaries from ../shared/fixtures for layouts B and C.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { unitsOf } from '../../src/core/gazetteer.ts';
import { buildUnitIndex, type UnitIndex } from '../../src/core/geo/assign.ts';
import type { FuzzyDate, LayoutId } from '../../src/core/types.ts';
import { categoryOf } from '../../src/core/userdata/categories.ts';
import { applyMapping, guessMapping, tableKind } from '../../src/core/userdata/columns.ts';
import { readPoint } from '../../src/core/userdata/coordinates.ts';
import { dateFromParts, parseUserDate } from '../../src/core/userdata/dates.ts';
import { decodeText } from '../../src/core/userdata/decode.ts';
import { parsePeriod, parseUserArticle } from '../../src/core/userdata/figures.ts';
import type { UnitAt } from '../../src/core/userdata/incident-place.ts';
import { datePrecisionOf, locationPrecisionOf } from '../../src/core/userdata/precision.ts';
import { readUserIncidents, type UserIncident } from '../../src/core/userdata/read-incidents.ts';
import { readUserStatistics } from '../../src/core/userdata/read-statistics.ts';
import { readUserFile } from '../../src/core/userdata/read-user-file.ts';
import { readNumber, sniffTable } from '../../src/core/userdata/sniff.ts';
import { unitRecord } from '../../src/core/gazetteer-details.ts';

const root = new URL('../../', import.meta.url);
const fixture = (name: string): Uint8Array => readFileSync(new URL(`test/fixtures/userdata/${name}`, root));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

type Polygonal = Polygon | MultiPolygon;

/** Point-in-polygon per layout: shipped 1997 boundaries (A), geokz 2018 (B) and 2024 (C). */
const unitAt: UnitAt = (() => {
  const read = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;
  const geokz = (file: string, layout: LayoutId): UnitIndex => {
    const fc = read<FeatureCollection<Polygonal, { ADM1_PCODE: string }>>(
      new URL(`../shared/fixtures/boundaries/${file}`, root),
    );
    const byPcode = new Map(unitsOf(layout).map((u) => [unitRecord(u).pcode, u.id]));
    return buildUnitIndex({
      type: 'FeatureCollection',
      features: fc.features.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: { unit: byPcode.get(f.properties.ADM1_PCODE)! },
      })),
    });
  };
  const indexes: Record<LayoutId, UnitIndex> = {
    A: buildUnitIndex(read(new URL('geo/boundaries/regions-1997.geojson', root))),
    B: geokz('kaz_admbnda_adm1_2018.geojson', 'B'),
    C: geokz('kaz_admbnda_adm1_2024.geojson', 'C'),
  };
  return (lon, lat, layout) => indexes[layout].unitAt(lon, lat);
})();

describe('decodeText', () => {
  it('reads Windows-1251 when the bytes are not UTF-8, and says so', () => {
    const result = decodeText(Uint8Array.of(0xc4, 0xe0, 0xf2, 0xe0, 0x3b, 0xd0, 0xe5, 0xe3, 0xe8, 0xee, 0xed));
    expect(result).toMatchObject({ text: 'Дата;Регион', encoding: 'windows-1251' });
    expect(result.warnings[0]).toContain('Windows-1251');
  });

  it('knows the byte-order marks of UTF-8 and UTF-16 LE and BE, and drops them', () => {
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toEqual({
      text: 'a',
      encoding: 'utf-8-bom',
      warnings: [],
    });
    expect(decodeText(Uint8Array.of(0xff, 0xfe, 0x14, 0x04, 0x61, 0x00))).toMatchObject({
      text: 'Дa',
      encoding: 'utf-16le',
    });
    expect(decodeText(Uint8Array.of(0xfe, 0xff, 0x04, 0x14, 0x00, 0x61))).toMatchObject({
      text: 'Дa',
      encoding: 'utf-16be',
    });
  });

  it('tells UTF-16 without a byte-order mark by its NUL bytes', () => {
    const text = 'date;region\n2011;Aktobe\n';
    const le = Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0), 0]));
    const be = Uint8Array.from([...text].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(decodeText(le)).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeText(be)).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('writes mixed CRLF, CR and LF line ends as LF without changing the number of lines', () => {
    expect(decodeText(utf8('a\r\nb\rc\nd\r\n\r\ne')).text).toBe('a\nb\nc\nd\n\ne');
  });

  it('drops the half of a last character in a file cut short, and says so', () => {
    const cut = utf8('Регион;Год\nАктобе');
    expect(decodeText(cut.subarray(0, cut.length - 1))).toEqual({
      text: 'Регион;Год\nАктоб',
      encoding: 'utf-8',
      warnings: ['the file ends in the middle of a character (cut short?); its last bytes were dropped'],
    });
    expect(decodeText(Uint8Array.of(0xff, 0xfe, 0x31, 0x00, 0x32))).toMatchObject({ text: '1', encoding: 'utf-16le' });
    expect(decodeText(Uint8Array.of(0x61, 0x3b, 0xdf))).toMatchObject({ text: 'a;Я', encoding: 'windows-1251' });
  });

  it('keeps plain UTF-8 as it is', () => {
    expect(decodeText(utf8('Өңір;Күні\n'))).toEqual({ text: 'Өңір;Күні\n', encoding: 'utf-8', warnings: [] });
  });
});

describe('sniffTable and readNumber', () => {
  it('finds semicolons and decimal commas', () => {
    expect(sniffTable('Дата;Широта;Долгота\n14.05.2011;50,28;57,17\n')).toEqual({
      delimiter: ';',
      decimalComma: true,
      warnings: [],
    });
  });

  it('finds tabs, and commas around quoted semicolons', () => {
    expect(sniffTable('a\tb\tc\n1\t2\t3\n').delimiter).toBe('\t');
    expect(sniffTable('a,b\n"x;y",2\n"z;w",3\n')).toMatchObject({ delimiter: ',', decimalComma: false });
  });

  it('checks the guess over the first lines: a title with commas does not make a comma table', () => {
    const text = 'Сведения, данные, 2019\nРегион;Год;Количество\nАктобе;2019;4\nАтырау;2019;5\nЗКО;2019;1\n';
    expect(sniffTable(text).delimiter).toBe(';');
  });

  it('reads decimal commas, points and thousands spaces', () => {
    expect([readNumber('76,92'), readNumber('43.24'), readNumber('1 234,5'), readNumber('-0,5')]).toEqual([
      76.92, 43.24, 1234.5, -0.5,
    ]);
    expect(readNumber('сорок')).toBeNull();
  });
});

describe('parseUserDate', () => {
  const date = (text: string): FuzzyDate => {
    const read = parseUserDate(text);
    if ('error' in read) throw new Error(read.error);
    return read.date;
  };

  it.each([
    ['2011-05-14', '2011-05-14', 'day'],
    ['2011-05', '2011-05', 'month'],
    ['2011', '2011', 'year'],
    ['2011-05-14 00:00:00', '2011-05-14', 'day'],
    ['14.05.2011', '2011-05-14', 'day'],
    ['4.5.2011', '2011-05-04', 'day'],
    ['05.2011', '2011-05', 'month'],
    ['14/05/2011', '2011-05-14', 'day'],
    ['14 May 2011', '2011-05-14', 'day'],
    ['14-May-2011', '2011-05-14', 'day'],
    ['May 14, 2011', '2011-05-14', 'day'],
    ['May 2011', '2011-05', 'month'],
    ['14 мая 2011', '2011-05-14', 'day'],
    ['14 мая 2011 г.', '2011-05-14', 'day'],
    ['май 2011', '2011-05', 'month'],
    ['Сентябрь 2016 года', '2016-09', 'month'],
    ['14 мамыр 2011', '2011-05-14', 'day'],
    ['2011 г.', '2011', 'year'],
  ])('reads %s as %s (%s)', (text, iso, precision) => {
    expect(date(text)).toMatchObject({ text: iso, precision });
  });

  it('keeps a month whole: May 2011 runs to the 31st', () => {
    expect(date('май 2011')).toMatchObject({ start: '2011-05-01', end: '2011-05-31' });
  });

  it('reads slash dates day first and warns when the day could be the month', () => {
    expect(parseUserDate('05/04/2011')).toEqual({
      date: expect.objectContaining({ text: '2011-04-05' }),
      warning: '"05/04/2011" read day first as 5 April (month first it would be 4 May)',
    });
    expect(parseUserDate('14/05/2011')).toMatchObject({ warning: null });
    expect(parseUserDate('05/05/2011')).toMatchObject({ warning: null });
  });

  it('refuses what is no date, with the reason', () => {
    expect(parseUserDate('05/14/2011')).toEqual({
      error: '"05/14/2011": month 14 does not exist (dates with / are read day first: DD/MM/YYYY)',
    });
    expect(parseUserDate('31.02.2015')).toEqual({ error: '"31.02.2015": day 31 does not exist in 2015-02' });
    expect(parseUserDate('14 Mai 2011')).toEqual({ error: '"14 Mai 2011": "Mai" is not a month name' });
    expect(parseUserDate('40677')).toMatchObject({ error: expect.stringContaining('Excel day number') });
    expect(parseUserDate('вчера')).toMatchObject({ error: expect.stringContaining('is not a date') });
  });

  it("reads GTD's split dates, where 0 is unknown", () => {
    const parts = (y: string, m: string, d: string) => dateFromParts(y, m, d);
    expect(parts('2011', '5', '17')).toMatchObject({ date: { text: '2011-05-17', precision: 'day' } });
    expect(parts('2012', '7', '0')).toMatchObject({ date: { text: '2012-07', precision: 'month' } });
    expect(parts('2016', '0', '0')).toMatchObject({ date: { text: '2016', precision: 'year' } });
    expect(parts('2011', '13', '1')).toEqual({ error: 'month "13" does not exist (0 = unknown)', part: 'month' });
  });
});

describe('columns', () => {
  const fields = (headers: string[]) =>
    Object.fromEntries(Object.entries(guessMapping(headers)).map(([field, c]) => [field, c.column]));

  it("knows ACLED's columns, and takes admin1 rather than ACLED's world region", () => {
    const headers = readFileSync(new URL('test/fixtures/userdata/acled-kaz.csv', root), 'utf8').split('\n')[0]!;
    expect(fields(headers.split(','))).toMatchObject({
      date: 'event_date',
      latitude: 'latitude',
      longitude: 'longitude',
      region: 'admin1',
      place: 'location',
      category: 'event_type',
      subCategory: 'sub_event_type',
      killed: 'fatalities',
      source: 'source',
      notes: 'notes',
      id: 'event_id_cnty',
      locationPrecision: 'geo_precision',
      datePrecision: 'time_precision',
    });
  });

  it("knows GTD's and UCDP GED's columns", () => {
    const gtd =
      'eventid iyear imonth iday country country_txt region provstate city latitude longitude specificity summary attacktype1 attacktype1_txt nkill nwound';
    expect(fields(gtd.split(' '))).toMatchObject({
      id: 'eventid',
      year: 'iyear',
      month: 'imonth',
      day: 'iday',
      country: 'country_txt',
      region: 'provstate',
      place: 'city',
      locationPrecision: 'specificity',
      title: 'summary',
      category: 'attacktype1_txt',
      killed: 'nkill',
      injured: 'nwound',
    });
    const ucdp =
      'id year type_of_violence side_a where_prec adm_1 latitude longitude country region date_prec date_start date_end deaths_a best';
    expect(fields(ucdp.split(' '))).toMatchObject({
      id: 'id',
      date: 'date_start',
      dateEnd: 'date_end',
      region: 'adm_1',
      locationPrecision: 'where_prec',
      datePrecision: 'date_prec',
      killed: 'best',
      perpetrator: 'side_a',
    });
  });

  it('knows Russian and Kazakh headers and English variants', () => {
    expect(fields(['Дата события', 'Область', 'Населённый пункт', 'Убито', 'Ранено', 'Задержано', 'Статья'])).toEqual({
      date: 'Дата события',
      region: 'Область',
      place: 'Населённый пункт',
      killed: 'Убито',
      injured: 'Ранено',
      arrested: 'Задержано',
      article: 'Статья',
    });
    expect(fields(['Өңір', 'Күні', 'Саны'])).toEqual({ region: 'Өңір', date: 'Күні', value: 'Саны' });
    expect(fields(['lat', 'lng', 'oblast', 'year', 'count'])).toEqual({
      latitude: 'lat',
      longitude: 'lng',
      region: 'oblast',
      year: 'year',
      value: 'count',
    });
  });

  it('gives a confidence per field and lets the user override a guess or drop a column', () => {
    const headers = ['Дата', 'Область', 'Кол-во', 'Примечание к области'];
    expect(guessMapping(headers).region).toEqual({ column: 'Область', index: 1, confidence: 1, by: 'name' });
    expect(guessMapping(headers).value).toMatchObject({ column: 'Кол-во', confidence: 1 });
    const mine = applyMapping(headers, { region: 'Примечание к области', notes: null });
    expect(mine.region).toEqual({ column: 'Примечание к области', index: 3, confidence: 1, by: 'user' });
    expect(mine.notes).toBeUndefined();
  });

  it('tells incident tables from statistics tables', () => {
    expect(tableKind(guessMapping(['Регион', 'Год', 'Статья', 'Количество']))).toBe('statistics');
    expect(tableKind(guessMapping(['Дата', 'Регион', 'Погибшие']))).toBe('incidents');
    expect(tableKind(guessMapping(['latitude', 'longitude']))).toBe('incidents');
    expect(tableKind(guessMapping(['foo', 'bar']))).toBeNull();
  });
});

describe('precision codes and categories', () => {
  const may14 = (parseUserDate('2011-05-14') as { date: FuzzyDate }).date;

  it('reads ACLED, GTD and UCDP location precision', () => {
    expect(['1', '2', '3'].map((c) => locationPrecisionOf(c, 'geo_precision'))).toEqual(['town', 'district', 'region']);
    expect(['1', '2', '3', '4', '5'].map((c) => locationPrecisionOf(c, 'specificity'))).toEqual([
      'town',
      'district',
      'district',
      'region',
      'country',
    ]);
    expect(['1', '2', '4', '6', '7'].map((c) => locationPrecisionOf(c, 'where_prec'))).toEqual([
      'exact',
      'town',
      'region',
      'country',
      'country',
    ]);
    expect(locationPrecisionOf('9', 'geo_precision')).toEqual({
      error: '"9" is not one of the codes 1, 2, 3 of geo_precision',
    });
  });

  it("reads ACLED's time precision: the day, the week around it, or its month", () => {
    expect(datePrecisionOf('1', 'time_precision', may14, null)).toMatchObject({ precision: 'day', end: null });
    expect(datePrecisionOf('2', 'time_precision', may14, null)).toMatchObject({
      start: { text: '2011-05-11' },
      end: { text: '2011-05-17' },
      precision: 'period',
    });
    expect(datePrecisionOf('3', 'time_precision', may14, null)).toMatchObject({
      start: { text: '2011-05', precision: 'month' },
      precision: 'month',
    });
  });

  it('maps event types to categories, and refuses one it cannot place', () => {
    expect(categoryOf('Explosions/Remote violence', 'Suicide bomb', 'event_type')).toBe('attack');
    expect(categoryOf('Battles', 'Armed clash', 'event_type')).toBe('attack');
    expect(categoryOf('Violence against civilians', 'Abduction/forced disappearance', 'event_type')).toBe('attack');
    expect(categoryOf('Strategic developments', 'Arrests', 'event_type')).toBe('detention');
    expect(categoryOf('Strategic developments', 'Disrupted weapons use', 'event_type')).toBe('foiled_plot');
    expect(categoryOf('Protests', 'Peaceful protest', 'event_type')).toBe('unrest');
    expect(categoryOf('Riots', 'Mob violence', 'event_type')).toBe('unrest');
    expect(categoryOf('Hostage Taking (Kidnapping)', '', 'attacktype1_txt')).toBe('attack');
    expect(categoryOf('Unknown', '', 'attacktype1_txt')).toBe('attack');
    expect(categoryOf('3', '', 'type_of_violence')).toBe('attack');
    expect(categoryOf('Контртеррористическая операция', '', 'Тип')).toBe('security_operation');
    expect(categoryOf('Strategic developments', 'Agreement', 'event_type')).toEqual({
      error: expect.stringContaining('event type "Strategic developments / Agreement" has no atlas category'),
    });
    expect(
      categoryOf('Strategic developments', 'Agreement', 'event_type', {
        'strategic developments': 'security_operation',
      }),
    ).toBe('security_operation');
  });

  it.each([
    ['Перестрелка', 'exchange of fire'],
    ['перестрелки с боевиками', 'exchanges of fire, plural'],
    ['Вооружённое столкновение', 'armed clash, with ё'],
    ['вооруженное столкновение', 'armed clash, without ё'],
    ['Вооружённые столкновения', 'armed clashes'],
    ['Захват заложников', 'hostage-taking'],
    ['Поджог', 'arson'],
    ['подожгли здание акимата', 'set fire to a building'],
    ['Атыс', 'exchange of fire (Kazakh)'],
    ['атысу', 'to exchange fire (Kazakh)'],
    ['Қарулы қақтығыс', 'armed clash (Kazakh)'],
    ['Кепілге алу', 'hostage-taking (Kazakh)'],
    ['адамдарды кепілге алды', 'took people hostage (Kazakh)'],
    ['Өртеу', 'arson (Kazakh)'],
    ['ғимаратты өртеп жіберді', 'set a building on fire (Kazakh)'],
    ['Arson', 'arson (English)'],
  ])('reads "%s" (%s) as an attack', (word) => {
    expect(categoryOf(word, '', 'Тип события')).toBe('attack');
  });

  it('lets the context of those words win: a shootout during an arrest is a detention, arson in riots unrest', () => {
    expect(categoryOf('Перестрелка при задержании', '', 'Тип события')).toBe('detention');
    expect(categoryOf('Поджог во время массовых беспорядков', '', 'Тип события')).toBe('unrest');
    expect(categoryOf('Перестрелка в ходе спецоперации', '', 'Тип события')).toBe('security_operation');
    expect(categoryOf('Атыс кезінде ұсталды', '', 'Түрі')).toBe('detention');
  });

  it.each([
    ['Батыс Қазақстан', '"west" contains атыс'],
    ['Террористік әрекетке қатысу', '"to take part" contains атыс'],
    ['Кепілге босату', 'release on bail: кепіл without taking'],
    ['Үй өртенді', 'a house caught fire: no one set it'],
    ['Столкновение автомобилей', 'a collision of cars is not an armed clash'],
    ['Переговоры', 'negotiations'],
  ])('still refuses "%s" (%s), naming the type', (word) => {
    expect(categoryOf(word, '', 'Тип события')).toEqual({
      error: `event type "${word}" has no atlas category; choose one of attack, foiled_plot, detention, security_operation, conviction, extradition, unrest for it`,
    });
  });

  it('swaps latitude and longitude back, and refuses points far away', () => {
    expect(readPoint('43,24', '76,92', false)).toEqual({ lon: 76.92, lat: 43.24, swapped: true, nearKazakhstan: true });
    expect(readPoint('-74', '40.7', false)).toMatchObject({ field: 'latitude', error: expect.stringContaining('far') });
    expect(readPoint('-74', '40.7', true)).toMatchObject({ lon: -74, lat: 40.7, swapped: false });
    expect(readPoint('', '', false)).toBeNull();
  });

  it('reads periods and articles of statistics tables', () => {
    expect(parsePeriod('январь-октябрь 2019')).toEqual({ start: '2019-01-01', end: '2019-10-31' });
    expect(parsePeriod('2015-2017')).toEqual({ start: '2015-01-01', end: '2017-12-31' });
    expect(parsePeriod('за 2019 год')).toEqual({ start: '2019-01-01', end: '2019-12-31' });
    expect(parseUserArticle('ст. 256 ч. 2')).toEqual({ article: '256', part: '2', edition: null });
    expect(parseUserArticle('2014:256.2')).toEqual({ article: '256', part: '2', edition: '2014' });
    expect(parseUserArticle('233 УК РК 1997 г.')).toEqual({ article: '233', part: '', edition: '1997' });
  });
});

/** Line → [unit, place] of every row the Russian fixtures should accept. */
const RUSSIAN_ACCEPTED: Record<number, [string, string]> = {
  2: ['aktobe', 'aktobe'],
  3: ['atyrau', 'atyrau'],
  4: ['almaty', 'almaty'],
  6: ['south-kazakhstan', 'shymkent'],
  7: ['turkistan', 'turkistan'],
  8: ['east-kazakhstan', 'semey'],
  9: ['east-kazakhstan-2022', 'ust-kamenogorsk'],
  10: ['abai', 'semey'],
  11: ['astana', 'astana'],
  16: ['almaty', 'almaty'],
  18: ['shymkent', 'shymkent'],
  22: ['south-kazakhstan', 'south-kazakhstan'],
  23: ['turkistan', 'turkistan'],
  24: ['east-kazakhstan', 'east-kazakhstan'],
  25: ['east-kazakhstan-2022', 'east-kazakhstan-2022'],
};
const RUSSIAN_REJECTED: [number, string, string][] = [
  [13, 'Регион', 'unknown region name "Актюбинкая обл."; did you mean Aktobe (aktobe)'],
  [14, 'Дата', 'day 31 does not exist in 2015-02'],
  [15, 'Широта', 'lies in no region of Kazakhstan (layout A): in the Caspian'],
  [19, 'Погибшие', '"много" is not a count'],
  [20, 'Регион', 'Abai region was created on 2022-06-08; before that its territory was part of East Kazakhstan'],
  [21, 'Широта', 'lies far from Kazakhstan and its neighbours (blank cells saved as zeros?)'],
  [26, 'Тип события', 'event type "Переговоры" has no atlas category'],
];

describe.each([
  ['incidents-ru-1251.csv', 'windows-1251', ';'],
  ['incidents-ru-utf16.txt', 'utf-16le', '\t'],
])('an Excel export in Russian: %s', (file, encoding, delimiter) => {
  const result = readUserIncidents(file, fixture(file), { unitAt });
  const byLine = new Map(result.records.map((r) => [r.line, r]));

  it(`is read as ${encoding}, split by ${JSON.stringify(delimiter)}, with decimal commas`, () => {
    expect([result.encoding, result.delimiter, result.decimalComma]).toEqual([encoding, delimiter, true]);
  });

  it('accounts for every row, skipping blank lines and lines of bare delimiters', () => {
    expect(result.report).toMatchObject({ file, rows: 22, accepted: 15 });
    expect(result.report.accepted + result.report.rejected.length).toBe(result.report.rows);
  });

  it.each(Object.entries(RUSSIAN_ACCEPTED))('puts line %s in its unit at its own date', (line, [unit, place]) => {
    expect(byLine.get(Number(line))).toMatchObject({ unit, place, country: 'KZ', sourceId: file });
  });

  it.each(RUSSIAN_REJECTED)('rejects line %i naming column %s', (line, field, words) => {
    const rejection = result.rejected.find((r) => r.row === line);
    expect(rejection).toMatchObject({ field });
    expect(rejection?.reason).toContain(words);
  });

  it('keeps the line of a record after a quoted cell spanning two lines, and reads its cells', () => {
    expect(byLine.get(4)).toMatchObject({
      dateStart: { text: '2011-11-12', precision: 'day' },
      killed: { value: 7, qualifier: 'exact' },
      notes: 'Перестрелка;\nранены полицейские',
      position: { lon: 76.92, lat: 43.24 },
      category: 'attack',
    });
    expect(byLine.get(6)).toMatchObject({ category: 'detention', arrested: { value: 3 }, killed: null });
  });

  it('swaps back the coordinates of line 16 and says so', () => {
    expect(byLine.get(16)?.position).toEqual({ lon: 76.92, lat: 43.24 });
    expect(result.warnings).toContain('line 16: latitude and longitude were swapped; read as 43.24, 76.92');
  });

  it('names statements of one event by the file and its id column', () => {
    expect(byLine.get(2)).toMatchObject({ id: `${file}:2`, event: `${file}:1`, citation: 'tengrinews.kz' });
  });
});

describe('the Russian export without boundaries', () => {
  const result = readUserIncidents('ru.csv', fixture('incidents-ru-1251.csv'));

  it('cannot see the sea without polygons, and leaves a bare point without a unit', () => {
    expect(result.records.find((r) => r.line === 15)).toMatchObject({ unit: 'mangystau' });
    expect(result.records.find((r) => r.line === 11)).toMatchObject({
      unit: null,
      place: '',
      position: { lon: 71.43 },
    });
    expect(result.report.accepted + result.report.rejected.length).toBe(22);
  });
});

describe('an ACLED extract', () => {
  const result = readUserIncidents('acled-kaz.csv', fixture('acled-kaz.csv'), { unitAt });
  const at = (line: number): UserIncident | undefined => result.records.find((r) => r.line === line);

  it('reads nine of ten rows and refuses the event type it cannot place', () => {
    expect(result.report).toMatchObject({ rows: 10, accepted: 9 });
    expect(result.rejected).toEqual([{ row: 9, field: 'event_type', reason: expect.stringContaining('Agreement') }]);
  });

  it('maps event types, date formats and precision codes', () => {
    expect(at(2)).toMatchObject({ category: 'unrest', unit: 'almaty', dateStart: { text: '2022-01-05' } });
    expect(at(3)).toMatchObject({ category: 'attack', killed: { value: 5 }, dateStart: { text: '2022-01-06' } });
    expect(at(5)).toMatchObject({ category: 'detention', datePrecision: 'period', dateEnd: { text: '2022-01-13' } });
    expect(at(6)).toMatchObject({ category: 'foiled_plot', unit: 'shymkent' });
    expect(at(7)).toMatchObject({
      datePrecision: 'month',
      dateStart: { text: '2022-02' },
      locationPrecision: 'district',
    });
    expect(at(8)).toMatchObject({ locationPrecision: 'region', place: 'atyrau', unit: 'atyrau' });
    expect(at(10)).toMatchObject({ unit: 'abai', place: 'semey' });
    expect(at(11)).toMatchObject({ unit: 'astana' });
  });

  it('lets the user place the unknown event type', () => {
    const mapped = readUserIncidents('acled-kaz.csv', fixture('acled-kaz.csv'), {
      categories: { Agreement: 'security_operation' },
    });
    expect(mapped.report.accepted).toBe(10);
  });
});

describe('a GTD extract', () => {
  const result = readUserIncidents('gtd-kaz.csv', fixture('gtd-kaz.csv'), { unitAt });
  const at = (line: number): UserIncident | undefined => result.records.find((r) => r.line === line);

  it('reads the split dates with their precision', () => {
    expect(at(2)).toMatchObject({ datePrecision: 'day', dateStart: { text: '2011-05-17' }, unit: 'aktobe' });
    expect(at(5)).toMatchObject({
      datePrecision: 'month',
      dateStart: { text: '2012-07' },
      locationPrecision: 'region',
    });
    expect(at(6)).toMatchObject({ datePrecision: 'year', dateStart: { text: '2016' }, killed: null });
    expect(result.rejected).toEqual([{ row: 9, field: 'imonth', reason: 'month "13" does not exist (0 = unknown)' }]);
  });

  it('keeps an attack abroad with its country and no unit', () => {
    expect(at(8)).toMatchObject({ country: 'KG', place: 'bishkek', unit: null, position: { lon: 74.59, lat: 42.87 } });
  });

  it('takes the summary as title, counts and perpetrator', () => {
    expect(at(4)).toMatchObject({
      place: 'taraz',
      unit: 'zhambyl',
      perpetrator: 'Jund al-Khilafa',
      killed: { value: 7 },
    });
    expect(at(4)?.title).toContain('Taraz');
  });
});

describe('a UCDP GED extract', () => {
  const text = [
    'id,year,type_of_violence,side_a,where_prec,adm_1,latitude,longitude,country,date_prec,date_start,date_end,best',
    '1001,2011,3,Jund al-Khilafa,1,Atyrau province,47.11,51.88,Kazakhstan,1,2011-10-31,2011-10-31,1',
    '1002,2011,3,Jund al-Khilafa,4,Zhambyl province,42.9,71.37,Kazakhstan,3,2011-11-10,2011-11-14,7',
  ].join('\n');
  const result = readUserIncidents('ged.csv', utf8(text), { unitAt });

  it('reads date spans and location precision', () => {
    expect(result.rejected).toEqual([]);
    expect(result.records[0]).toMatchObject({ datePrecision: 'day', locationPrecision: 'exact', unit: 'atyrau' });
    expect(result.records[1]).toMatchObject({
      datePrecision: 'period',
      dateEnd: { text: '2011-11-14' },
      locationPrecision: 'region',
      killed: { value: 7 },
      category: 'attack',
    });
  });
});

describe('a legal statistics table in Russian', () => {
  const result = readUserStatistics('legal-stats-ru.csv', fixture('legal-stats-ru.csv'));
  const at = (line: number) => result.records.find((r) => r.line === line);

  it('finds the header under the title line and accounts for every row', () => {
    expect(result.report).toMatchObject({ rows: 27, accepted: 22 });
    expect(result.warnings).toContainEqual(expect.stringContaining('line 1 above the header is a title'));
  });

  it('reads the country total, regions at the date, and a city that was no unit yet', () => {
    expect(at(3)).toMatchObject({ level: 'national', unit: null, value: { value: 52 } });
    expect(at(5)).toMatchObject({
      level: 'region',
      unit: 'aktobe',
      periodStart: '2017-01-01',
      periodEnd: '2017-12-31',
    });
    expect(at(15)).toMatchObject({ level: 'region', unit: 'south-kazakhstan' });
    expect(at(20)).toMatchObject({ level: 'city', unit: null, place: 'shymkent' });
    expect(at(23)).toMatchObject({ level: 'region', unit: 'shymkent', article: '256', part: '2' });
    expect(at(25)).toMatchObject({ level: 'region', unit: 'abai' });
  });

  it('takes the metric from the value column, and the code edition from the period', () => {
    expect(at(5)).toMatchObject({ metric: 'convicted_persons', codeEdition: '2014', article: '256' });
    expect(at(26)).toMatchObject({ codeEdition: '1997', article: '233' });
    expect(at(26)?.notes).toBe('Code edition 1997 inferred from the period.');
  });

  it('marks a series giving every unit of its layout complete', () => {
    expect(at(5)?.coverage).toBe('complete');
    expect(at(22)?.coverage).toBe('named_only');
    expect(new Set(result.records.filter((r) => r.periodStart === '2017-01-01').map((r) => r.series)).size).toBe(1);
  });

  it.each([
    [21, 'Регион', 'unknown region name "Транспортная прокуратура"'],
    [24, 'Регион', 'Abai region was created on 2022-06-08'],
    [27, 'Статья', 'spans the change of Criminal Code'],
    [28, 'Количество осужденных', '"н/д" is not a count'],
    [29, 'Год', '"20l9" is not a period'],
  ])('rejects line %i naming column %s', (line, field, words) => {
    const rejection = result.rejected.find((r) => r.row === line);
    expect(rejection).toMatchObject({ field });
    expect(rejection?.reason).toContain(words);
  });
});

describe('readUserFile', () => {
  it('tells statistics from incidents by their columns', () => {
    expect(readUserFile('s.csv', fixture('legal-stats-ru.csv')).kind).toBe('statistics');
    expect(readUserFile('a.csv', fixture('acled-kaz.csv')).kind).toBe('incidents');
  });

  it('rejects every row of a file that is neither, so that no row goes missing', () => {
    const file = readUserFile('x.csv', utf8('foo;bar\n1;2\n\n3;4\n'));
    expect(file.kind).toBeNull();
    expect(file.report).toMatchObject({ rows: 2, accepted: 0 });
    expect(file.report.rejected.map((r) => [r.row, r.field])).toEqual([
      [2, '(file)'],
      [4, '(file)'],
    ]);
  });

  it('takes the user’s columns and a category for a file without event types', () => {
    const bytes = utf8('Когда;Где;Жертвы\n14.05.2011;Актюбинская область;1\n2019;ЮКО;\n');
    const guessed = readUserFile('x.csv', bytes);
    expect(guessed.kind).toBeNull();
    const mine = readUserFile('x.csv', bytes, {
      overrides: { date: 'Когда', region: 'Где', killed: 'Жертвы' },
      category: 'attack',
    });
    expect(mine.kind).toBe('incidents');
    if (mine.kind !== 'incidents') return;
    expect(mine.records.map((r) => [r.line, r.unit, r.datePrecision, r.killed?.value ?? null])).toEqual([
      [2, 'aktobe', 'day', 1],
      [3, 'turkistan', 'year', null],
    ]);
  });

  it('rejects rows without a category when the file has no event type column and the user chose none', () => {
    const result = readUserIncidents('x.csv', utf8('Дата;Регион\n2011;ЗКО\n'));
    expect(result.rejected).toEqual([
      { row: 2, field: '(file)', reason: expect.stringContaining('no event type column') },
    ]);
  });

  it('keeps a point in a neighbouring country when the file has no country column, with a warning', () => {
    const result = readUserIncidents('x.csv', utf8('date,lat,lon,type\n2016-08-30,55.75,37.62,attack\n'), { unitAt });
    expect(result.records[0]).toMatchObject({
      country: '',
      unit: null,
      place: '',
      position: { lon: 37.62, lat: 55.75 },
    });
    expect(result.warnings).toContainEqual(expect.stringContaining('line 2: 55.75, 37.62 lies outside Kazakhstan'));
  });

  it('refuses a point outside Kazakhstan in a row that says KZ', () => {
    const text = 'date,lat,lon,type,country\n2016-08-30,55.75,37.62,attack,KZ\n';
    expect(readUserIncidents('x.csv', utf8(text)).rejected[0]).toMatchObject({ row: 2, field: 'lat' });
  });

  it('reads a statistics table without a period column with the period the user gives', () => {
    const result = readUserStatistics('x.csv', utf8('Область;Количество\nЗКО;3\n'), {
      period: '2019',
      metric: 'court_cases',
    });
    expect(result.records[0]).toMatchObject({
      unit: 'west-kazakhstan',
      periodStart: '2019-01-01',
      metric: 'court_cases',
    });
  });
});

describe('broken input (property tests)', () => {
  const balanced = (r: { report: { rows: number; accepted: number; rejected: unknown[] } }): boolean =>
    r.report.rows === r.report.accepted + r.report.rejected.length;
  const russianText = decodeText(fixture('incidents-ru-1251.csv')).text;
  const acledText = readFileSync(new URL('test/fixtures/userdata/acled-kaz.csv', root), 'utf8');
  /** Cells and line ends users' files are made of. */
  const csvLike = fc.string({
    unit: fc.constantFrom(
      ';',
      ',',
      '\t',
      '"',
      '\n',
      '\r',
      ' ',
      '1',
      '4',
      '.',
      '-',
      'Дата',
      'широта',
      'ЮКО',
      'lat',
      'lon',
      'event_type',
      'Регион',
      'Количество',
      '2011',
      '76,9',
      '\u0000',
    ),
    maxLength: 300,
  });

  it('decodeText never throws on random bytes and leaves no CR behind', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const { text } = decodeText(bytes);
        return !text.includes('\r');
      }),
      { numRuns: 300 },
    );
  });

  it('the readers never throw on random bytes, and rows = accepted + rejected', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1500 }), (bytes) => {
        return balanced(readUserIncidents('x', bytes)) && balanced(readUserStatistics('x', bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('the readers never throw on random CSV-like text, and rows = accepted + rejected', () => {
    fc.assert(
      fc.property(csvLike, (text) => {
        const bytes = utf8(text);
        return balanced(readUserIncidents('x', bytes, { unitAt })) && balanced(readUserStatistics('x', bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('a truncated file still accounts for every row it has', () => {
    const bytes = fixture('incidents-ru-utf16.txt');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length }), (n) => {
        const result = readUserIncidents('x', bytes.subarray(0, n), { unitAt });
        return balanced(result) && result.report.rows <= 22;
      }),
      { numRuns: 60 },
    );
  });

  it('a huge field is rejected or kept, never thrown', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 6, max: 26 }), (column, line) => {
        // Lines 4-5 hold a quoted cell across the line end: cutting it open would swallow the file.
        const lines = russianText.split('\n');
        const cells = (lines[line - 1] ?? '').split(';');
        cells[column] = 'Ж'.repeat(200_000);
        lines[line - 1] = cells.join(';');
        const result = readUserIncidents('x', utf8(lines.join('\n')), { unitAt });
        return balanced(result) && result.report.rows >= 21;
      }),
      { numRuns: 15 },
    );
  });

  it('mixed line ends change nothing: same rows, same lines, same reasons', () => {
    const reference = readUserIncidents('x', utf8(russianText), { unitAt }).report;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 40, maxLength: 40 }), (ends) => {
        let i = 0;
        // A CR right before a blank line's LF would make one CRLF of two line ends: it becomes CRLF itself.
        const mixed = russianText.replace(/\n/g, (_, offset: number) => {
          const end = ends[i++ % ends.length]!;
          return end === '\r' && russianText[offset + 1] === '\n' ? '\r\n' : end;
        });
        expect(readUserIncidents('x', utf8(mixed), { unitAt }).report).toEqual(reference);
      }),
      { numRuns: 30 },
    );
  });

  it('an unbalanced quote anywhere loses no row silently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: russianText.length }), (at) => {
        const broken = `${russianText.slice(0, at)}"${russianText.slice(at)}`;
        return balanced(readUserIncidents('x', utf8(broken), { unitAt }));
      }),
      { numRuns: 60 },
    );
  });

  it('columns in any order give the same incidents', () => {
    const rows = acledText
      .trim()
      .split('\n')
      .map((line) => splitAcledLine(line));
    const reference = summary(readUserIncidents('a', utf8(acledText), { unitAt }).records);
    fc.assert(
      fc.property(fc.shuffledSubarray([...rows[0]!.keys()], { minLength: rows[0]!.length }), (order) => {
        const text = rows.map((r) => order.map((i) => quoteCell(r[i] ?? '')).join(',')).join('\n');
        expect(summary(readUserIncidents('a', utf8(text), { unitAt }).records)).toEqual(reference);
      }),
      { numRuns: 25 },
    );
  });
});

/** Splits one line of the ACLED fixture (quoted cells hold commas but no quotes). */
function splitAcledLine(line: string): string[] {
  return [...line.matchAll(/("[^"]*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, ''));
}
const quoteCell = (cell: string): string => (cell.includes(',') ? `"${cell}"` : cell);
const summary = (records: UserIncident[]) =>
  records.map((r) => [r.line, r.category, r.unit, r.place, r.dateStart.text, r.datePrecision, r.locationPrecision]);

describe('npm run data:check on users’ files', () => {
  const run = (args: string[]) => {
    try {
      const out = execFileSync('npx', ['tsx', 'src/cli/data-check.ts', ...args], { cwd: root, encoding: 'utf8' });
      return { status: 0, out };
    } catch (error) {
      const e = error as { status: number; stdout: string };
      return { status: e.status, out: e.stdout };
    }
  };
  type Json = { files: { file: string; rows: number; accepted: number; rejected: { row: number; field: string }[] }[] };

  it('reads a Windows-1251 export, rejects by physical line, and exits 1', () => {
    const { status, out } = run(['test/fixtures/userdata/incidents-ru-1251.csv', '--json']);
    expect(status).toBe(1);
    const json = JSON.parse(out) as Json & { warnings: string[] };
    expect(json.files[0]).toMatchObject({
      file: 'test/fixtures/userdata/incidents-ru-1251.csv',
      rows: 22,
      accepted: 15,
    });
    expect(json.files[0]!.rejected.map((r) => [r.row, r.field])).toEqual(RUSSIAN_REJECTED.map(([l, f]) => [l, f]));
    expect(json.warnings).toContainEqual(
      expect.stringContaining('read as incidents (windows-1251, semicolon-separated'),
    );
  });

  it('reads a statistics table, and an atlas file saved as UTF-16 like its UTF-8 original', () => {
    const dir = mkdtempSync(join(tmpdir(), 'userdata-'));
    const bad = readFileSync(new URL('test/fixtures/data/bad-incidents.csv', root), 'utf8');
    const units = [...bad].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
    writeFileSync(join(dir, 'bad-incidents-utf16.csv'), Uint8Array.from([0xff, 0xfe, ...units]));
    const { status, out } = run([
      'test/fixtures/userdata/legal-stats-ru.csv',
      join(dir, 'bad-incidents-utf16.csv'),
      '--json',
    ]);
    expect(status).toBe(1);
    const json = JSON.parse(out) as Json;
    expect(json.files[0]).toMatchObject({ rows: 27, accepted: 22 });
    expect(json.files[0]!.rejected.map((r) => r.row)).toEqual([21, 24, 27, 28, 29]);
    expect(json.files[1]).toMatchObject({ rows: 14, accepted: 1 });
    expect(json.files[1]!.rejected[0]).toMatchObject({ row: 3, field: 'category' });
  }, 30_000);

  it('exits 0 on a user file without rejections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'userdata-'));
    writeFileSync(join(dir, 'clean.csv'), acledClean());
    const { status, out } = run([join(dir, 'clean.csv')]);
    expect(status).toBe(0);
    expect(out).toMatch(/clean\.csv: 9 rows read, 9 accepted, ok/);
  }, 30_000);
});

/** The ACLED fixture without its row of an unknown event type. */
function acledClean(): string {
  return readFileSync(new URL('test/fixtures/userdata/acled-kaz.csv', root), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('KAZ8,'))
    .join('\n');
}

describe('progress', () => {
  it('reports rows read up to the total, for the import progress bar', async () => {
    const { readUserFile } = await import('../../src/core/userdata/read-user-file.ts');
    const rows = ['date,latitude,longitude,event_type,fatalities'];
    for (let i = 0; i < 12_000; i++) rows.push(`2011-05-14,50.28,57.17,Explosions/Remote violence,${i % 3}`);
    const calls: [number, number][] = [];
    const file = readUserFile('big.csv', new TextEncoder().encode(rows.join('\n')), {
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(file.report.rows).toBe(12_000);
    expect(calls[0]).toEqual([0, 12_000]);
    expect(calls[calls.length - 1]).toEqual([12_000, 12_000]);
    expect(calls.length).toBeGreaterThanOrEqual(4);
  });
});
