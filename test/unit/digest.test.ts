/**
 * The curated files' digest (src/core/data/digest.ts), which the page reads at start: the same rows,
 * checks and reports as the CSV files, the deferred texts as marks, and the files' texts put back
 * exactly by `withTexts`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataset, withTexts, type Dataset, type DatasetFiles } from '../../src/core/data/dataset.ts';
import { datasetFromTables } from '../../src/core/data/dataset-tables.ts';
import { DEFERRED_COLUMNS, DIGEST_MARK, digestTables, type Digest } from '../../src/core/data/digest.ts';
import { digestOf } from '../../src/core/data/digest-build.ts';
import { layoutsDuring, placeById, unitById } from '../../src/core/gazetteer.ts';

const gazetteer = { unitById, placeById, layoutsDuring };
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const file = (kind: string) => ({ file: `static/data/${kind}.csv`, text: read(`static/data/${kind}.csv`) });

type Curated = Omit<DatasetFiles, 'population'>;
const curated = (overrides: Partial<Curated> = {}): Curated => ({
  sources: file('sources'),
  incidents: file('incidents'),
  statistics: file('statistics'),
  national: file('national'),
  ...overrides,
});
const fromDigest = (files: Curated): Dataset =>
  datasetFromTables(digestTables(JSON.parse(digestOf(files)) as Digest), gazetteer);

/** Record fields read from the deferred columns, by file. */
const DEFERRED_FIELDS = {
  sources: ['notes'],
  incidents: ['citation', 'quote', 'notes'],
  statistics: ['citation', 'quote', 'notes', 'derivation'],
  national: ['quote', 'notes'],
} as const;

describe('the digest of the curated files', () => {
  const full = readDataset(curated(), gazetteer);
  const digest = fromDigest(curated());

  it('defers the columns the fields come from', () => {
    expect(Object.keys(DEFERRED_COLUMNS)).toEqual(Object.keys(DEFERRED_FIELDS));
    for (const [kind, columns] of Object.entries(DEFERRED_COLUMNS)) {
      expect([...columns].sort(), kind).toEqual([...DEFERRED_FIELDS[kind as keyof typeof DEFERRED_FIELDS]].sort());
    }
  });

  it('reads every record of the files, with their reports and warnings, and marks for the deferred texts', () => {
    expect(digest.reports).toEqual(full.reports);
    expect(digest.warnings).toEqual(full.warnings);
    for (const kind of Object.keys(DEFERRED_FIELDS) as (keyof typeof DEFERRED_FIELDS)[]) {
      const records = full[kind] as unknown as Record<string, unknown>[];
      const marked = digest[kind] as unknown as Record<string, unknown>[];
      expect(marked.map((r) => r['id'])).toEqual(records.map((r) => r['id']));
      records.forEach((record, i) => {
        const expected = { ...record };
        for (const field of DEFERRED_FIELDS[kind]) expected[field] = record[field] === '' ? '' : DIGEST_MARK;
        expect(marked[i], `${kind} ${String(record['id'])}`).toEqual(expected);
      });
    }
    // National citations stay: they tell disputed figures apart.
    expect(digest.national.map((n) => n.citation)).toEqual(full.national.map((n) => n.citation));
  });

  it('is the full dataset once the texts are put back', () => {
    expect(withTexts(digest, full)).toEqual(full);
  });

  it('rejects the rows the file rejects, on the same lines (quoted cells spanning lines included)', () => {
    const bad = { file: 'bad-incidents.csv', text: read('test/fixtures/data/bad-incidents.csv') };
    expect(fromDigest(curated({ incidents: bad })).reports).toEqual(
      readDataset(curated({ incidents: bad }), gazetteer).reports,
    );
    const blankQuote = file('incidents');
    const lines = blankQuote.text.split('\n');
    // A statement whose required quote is blank, after a quoted cell that spans two lines.
    const header = lines[0]!.split(',');
    const row = lines[1]!;
    const spanning = row.replace(/,"([^"]*)"/, ',"$1\nmore"');
    const cells = header.map((name) => (name === 'id' ? 'x-blank-quote' : name === 'quote' ? '' : ''));
    const text = [lines[0], spanning, cells.join(','), ...lines.slice(2)].join('\n');
    const files = curated({ incidents: { file: 'incidents.csv', text } });
    const reports = readDataset(files, gazetteer).reports;
    expect(reports[1]!.rejected.length).toBeGreaterThan(0);
    expect(fromDigest(files).reports).toEqual(reports);
  });
});
