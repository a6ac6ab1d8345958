import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { readDataset, type DatasetFiles } from '../../src/core/data/dataset.ts';
import { layoutsDuring, placeById, unitById } from '../../src/core/gazetteer.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const gazetteer = { unitById, placeById, layoutsDuring };

function curated(overrides: Partial<DatasetFiles> = {}): DatasetFiles {
  const file = (kind: string) => ({ file: `static/data/${kind}.csv`, text: read(`static/data/${kind}.csv`) });
  return {
    sources: file('sources'),
    incidents: file('incidents'),
    statistics: file('statistics'),
    national: file('national'),
    population: file('population'),
    ...overrides,
  };
}

describe('the curated data', () => {
  it('is accepted row for row, with rows = accepted in every file', () => {
    const dataset = readDataset(curated(), gazetteer);
    for (const report of dataset.reports) {
      expect(report.rejected, report.file).toEqual([]);
      expect(report.accepted, report.file).toBe(report.rows);
      expect(report.rows, report.file).toBeGreaterThan(0);
    }
    expect(dataset.warnings).toEqual([]);
  });

  it('keeps "not reported" apart from zero: blank counts stay null, a stated 0 stays 0', () => {
    const dataset = readDataset(curated(), gazetteer);
    const pavlodar = dataset.incidents.find((i) => i.event === 'pavlodar-2014-08-detention');
    expect(pavlodar?.arrested?.value).toBe(4);
    expect(pavlodar?.killed).toBeNull();
    const falseReports2015 = dataset.statistics.find((s) => s.article === '273' && s.periodStart === '2015-01-01');
    expect(falseReports2015?.value).toMatchObject({ value: 0, qualifier: 'exact' });
  });

  it('keeps both dates of the May 2011 Aktobe bombing, linked as one event', () => {
    const dataset = readDataset(curated(), gazetteer);
    const statements = dataset.incidents.filter((i) => i.event === 'aktobe-2011-05-bombing');
    // ESISC says 14 May, RFE/RL, The Moscow Times and Reuters 17 May, Zenn and Naharnet the month, CABAR the year.
    expect(statements.map((s) => s.dateStart.text).sort()).toEqual([
      '2011',
      '2011-05',
      '2011-05',
      '2011-05-14',
      '2011-05-17',
      '2011-05-17',
      '2011-05-17',
    ]);
    expect(new Set(statements.map((s) => s.sourceId)).size).toBe(7);
  });
});

describe('a file with bad rows', () => {
  const text = read('test/fixtures/data/bad-incidents.csv');
  const report = readDataset(curated({ incidents: { file: 'bad-incidents.csv', text } }), gazetteer).reports[1]!;
  const reason = (row: number) => report.rejected.find((r) => r.row === row);

  it('accounts for every row: read = accepted + rejected', () => {
    expect(report.rows).toBe(14);
    expect(report.accepted + report.rejected.length).toBe(report.rows);
    expect(report.accepted).toBe(1);
  });

  it.each([
    [3, 'category', '"bombing" is not one of'],
    [4, 'date_start', '"14.05.2011" is not a date'],
    [5, 'killed', '"dozens" is not a count'],
    [6, 'place', '"atlantis" is neither a place nor a unit'],
    [7, 'source', '"nobody" is not in sources.csv'],
    [8, 'date_precision', 'says day but date_start 2011-05 is precise to the month'],
    [9, 'date_end', 'is required when date_precision is period'],
    [10, 'country', 'is KZ but Bishkek lies in KG'],
    [11, 'place', 'Turkistan (turkistan) was not a first-level unit between 2011-01-01 and 2011-12-31'],
    [12, 'id', '"good-row" is already used on line 2'],
    [13, '(row)', 'has 4 cells but the header has 20'],
    [14, 'related', 'no event has the id "no-such-event"'],
    [15, 'id', 'is not an id'],
  ])('rejects line %i naming field %s', (line, field, words) => {
    expect(reason(line)).toMatchObject({ field });
    expect(reason(line)?.reason).toContain(words);
  });
});

describe('npm run data:check', () => {
  const run = (args: string[]) => {
    try {
      return {
        status: 0,
        out: execFileSync('npx', ['tsx', 'src/cli/data-check.ts', ...args], { cwd: root, encoding: 'utf8' }),
      };
    } catch (error) {
      const e = error as { status: number; stdout: string };
      return { status: e.status, out: e.stdout };
    }
  };

  it('prints one JSON object with a report per file, and exits 1 when a row is rejected', () => {
    const { status, out } = run(['test/fixtures/data/bad-incidents.csv', '--json']);
    expect(status).toBe(1);
    const json = JSON.parse(out) as {
      files: {
        file: string;
        rows: number;
        accepted: number;
        rejected: { row: number; field: string; reason: string }[];
      }[];
    };
    expect(json.files).toHaveLength(1);
    expect(json.files[0]).toMatchObject({ file: 'test/fixtures/data/bad-incidents.csv', rows: 14, accepted: 1 });
    expect(json.files[0]?.rejected[0]).toEqual({
      row: 3,
      field: 'category',
      reason: expect.stringContaining('bombing'),
    });
  });

  it('accepts the curated files and exits 0', () => {
    const { status, out } = run([]);
    expect(status).toBe(0);
    expect(out).toMatch(/static\/data\/incidents.csv: (\d+) rows read, \1 accepted, ok/);
  });
});
