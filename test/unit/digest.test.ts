/**
 * The curated files' digest (src/core/data/digest.ts), which the page reads at start: the same rows,
 * checks and reports as the CSV files, the deferred texts as marks, and the files' texts put back
 * exactly by `withTexts`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataset, withTexts, type Dataset, type DatasetFiles } from '../../src/core/data/dataset.ts';
import { datasetFromTables } from '../../src/core/data/dataset-tables.ts';
import {
  DEFERRED_COLUMNS,
  DEFERRED_FROM_YEAR,
  DIGEST_MARK,
  digestTables,
  withDigestPart,
  type Digest,
  type DigestPart,
} from '../../src/core/data/digest.ts';
import { buildDigest, digestFiles, digestOf } from '../../src/core/data/digest-build.ts';
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
/** The start-up digest as the page reads it (JSON), with every part merged as the page merges it. */
const mergedDigest = (files: Curated): Digest => {
  const texts = digestFiles(files, 'data/digest.json');
  const parts = [...texts.entries()].filter(([path]) => path !== 'data/digest.json');
  return parts.reduce(
    (digest, [, text]) => withDigestPart(digest, JSON.parse(text) as DigestPart),
    JSON.parse(texts.get('data/digest.json')!) as Digest,
  );
};
const fromDigest = (files: Curated): Dataset => datasetFromTables(digestTables(mergedDigest(files)), gazetteer);

/** Record fields read from the deferred columns, by file. */
const DEFERRED_FIELDS = {
  sources: ['title', 'author', 'notes', 'url'],
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

describe('the parts of the digest (statistics of later periods)', () => {
  const full = readDataset(curated(), gazetteer);
  const startup = JSON.parse(digestOf(curated())) as Digest;
  const startupData = datasetFromTables(digestTables(startup), gazetteer);
  const { parts } = buildDigest(curated());

  it('keeps the statistics of periods from DEFERRED_FROM_YEAR out of the start-up digest, in a part per year', () => {
    const later = full.statistics.filter((s) => Number(s.periodStart.slice(0, 4)) >= DEFERRED_FROM_YEAR);
    expect(later.length).toBeGreaterThan(500);
    expect(startupData.statistics.map((s) => s.id)).toEqual(
      full.statistics.filter((s) => !later.includes(s)).map((s) => s.id),
    );
    expect(parts.map((p) => p.year)).toEqual([2022]);
    expect(parts[0]!.statistics).toHaveLength(later.length);
    // The start-up statistics are accepted as they are: no row of the start-up digest needs a part.
    expect(startupData.reports.flatMap((r) => r.rejected)).toEqual([]);
  });

  it('moves a source with a part only when no start-up record names it', () => {
    const partSources = parts[0]!.sources.map((row) => String(row[2]));
    expect(partSources).toHaveLength(40);
    expect(partSources.every((id) => /^gp-(1m|sng1)-2022-/.test(id))).toBe(true);
    const startupSources = new Set(startupData.sources.map((s) => s.id));
    for (const record of [...startupData.incidents, ...startupData.statistics, ...startupData.national])
      expect(startupSources.has(record.sourceId), record.id).toBe(true);
    // The population table, read on its own, names a start-up source.
    expect(startupSources.has('bns-population-start-of-year-xlsx')).toBe(true);
  });

  it('lists every series of a part in the start-up digest, with what the statistic menu shows of it', () => {
    const index = startup.parts!;
    expect(index.map((p) => [p.year, p.file, p.statistics, p.sources])).toEqual([
      [2022, 'data/digest-2022.json', parts[0]!.statistics.length, 40],
    ]);
    const later = full.statistics.filter((s) => s.periodStart.startsWith('2022'));
    expect(index[0]!.series.map((s) => s.id).sort()).toEqual([...new Set(later.map((s) => s.series))].sort());
    const all = index[0]!.series.find((s) => s.id === 'gp22-1m-registered-all')!;
    expect(all).toEqual({
      id: 'gp22-1m-registered-all',
      metric: 'criminal_offences',
      codeEdition: '2014',
      article: '',
      part: '',
      periodStart: '2022',
      periodEnd: '2022',
      periodLabel: '2022',
    });
  });

  it('merges back into the whole files: same records, reports and lines', () => {
    const merged = fromDigest(curated());
    expect(merged.reports).toEqual(full.reports);
    expect(merged.statistics.map((s) => [s.id, s.line])).toEqual(full.statistics.map((s) => [s.id, s.line]));
    expect(merged.sources.map((s) => s.id)).toEqual(full.sources.map((s) => s.id));
  });
});
