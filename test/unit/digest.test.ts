/**
 * The curated files' digest (src/core/data/digest.ts), which the page reads at start: the same rows,
 * checks and reports as the CSV files, the deferred texts as marks, and the files' texts put back
 * exactly by `withTexts`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataset, withTexts, type Dataset, type DatasetFiles } from '../../src/core/data/dataset.ts';
import { datasetFromTables } from '../../src/core/data/dataset-tables.ts';
import { groupEvents, titleStatement } from '../../src/core/analysis/events.ts';
import { nationalInView } from '../../src/core/analysis/national.ts';
import {
  DEFERRED_COLUMNS,
  PARTLY_DEFERRED_COLUMNS,
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
const fromDigest = (files: Curated): Dataset =>
  datasetFromTables(digestTables(mergedDigest(files)), { ...gazetteer, deferredMark: DIGEST_MARK });
/** Reports without their counts of rows read and accepted: the rejections, file by file. */
const rejections = (dataset: Dataset) => dataset.reports.map((r) => ({ file: r.file, rejected: r.rejected }));

/** Record fields read from the deferred columns, by file. */
const DEFERRED_FIELDS = {
  sources: ['title', 'author', 'notes', 'url'],
  incidents: ['citation', 'quote', 'notes', 'perpetrator'],
  statistics: ['citation', 'quote', 'notes', 'derivation'],
  national: ['quote', 'notes'],
} as const;
/** Record fields read from the columns deferred on some rows, by file. */
const PARTLY_DEFERRED_FIELDS = {
  sources: [],
  incidents: ['title', 'sourceId', 'related'],
  statistics: [],
  national: [],
} as const;

describe('the digest of the curated files', () => {
  const full = readDataset(curated(), gazetteer);
  const digest = fromDigest(curated());

  it('defers the columns the fields come from', () => {
    expect(Object.keys(DEFERRED_COLUMNS)).toEqual(Object.keys(DEFERRED_FIELDS));
    for (const [kind, columns] of Object.entries(DEFERRED_COLUMNS)) {
      expect([...columns].sort(), kind).toEqual([...DEFERRED_FIELDS[kind as keyof typeof DEFERRED_FIELDS]].sort());
    }
    const column = (field: string) => (field === 'sourceId' ? 'source' : field);
    expect(PARTLY_DEFERRED_COLUMNS).toEqual(
      Object.fromEntries(Object.entries(PARTLY_DEFERRED_FIELDS).map(([kind, fields]) => [kind, fields.map(column)])),
    );
  });

  /** The statements whose titles their events show, and the sources that only statements name. */
  const titled = new Set(
    groupEvents(full.incidents, () => ({ lon: 0, lat: 0 })).events.map((e) => titleStatement(e.statements).id),
  );
  const figureSources = new Set([...full.statistics, ...full.national].map((f) => f.sourceId));
  const statementOnly = new Set(full.incidents.map((i) => i.sourceId).filter((id) => !figureSources.has(id)));
  const startupDigest = JSON.parse(digestOf(curated())) as Digest;

  it('keeps the title of the statement each event shows; the sources only statements name come with the texts', () => {
    const events = groupEvents(full.incidents, () => ({ lon: 0, lat: 0 })).events;
    const fromDigestEvents = groupEvents(digest.incidents, () => ({ lon: 0, lat: 0 })).events;
    expect(fromDigestEvents.map((e) => [e.id, e.title])).toEqual(events.map((e) => [e.id, e.title]));
    expect(fromDigestEvents.filter((e) => e.statements.some((s) => s.title === DIGEST_MARK)).length).toBeGreaterThan(
      30,
    );
    expect(titled.size).toBe(events.length);
    expect(digest.incidents.every((i) => i.sourceId === DIGEST_MARK)).toBe(true);
    // The legend names the population's source, the table the statistics' publishers.
    const publisher = (id: string) => digest.sources.find((s) => s.id === id)?.publisher;
    expect(publisher('bns-population-start-of-year-xlsx')).toMatch(/^Bureau of National Statistics/);
    for (const figure of [...digest.statistics, ...digest.national])
      expect(publisher(figure.sourceId), figure.id).toBe(full.sources.find((s) => s.id === figure.sourceId)?.publisher);
    expect(statementOnly.size).toBeGreaterThan(100);
    expect(startupDigest.textSources).toBe(statementOnly.size);
    expect(digest.sources.map((s) => s.id)).toEqual(
      full.sources.map((s) => s.id).filter((id) => !statementOnly.has(id)),
    );
  });

  it('reads every record of the files, with their rejections and warnings, and marks for the deferred texts', () => {
    expect(rejections(digest)).toEqual(rejections(full));
    expect(digest.reports.map((r) => r.accepted)).toEqual(
      full.reports.map((r, i) => r.accepted - (i === 0 ? statementOnly.size : 0)),
    );
    expect(digest.warnings).toEqual(full.warnings);
    for (const kind of Object.keys(DEFERRED_FIELDS) as (keyof typeof DEFERRED_FIELDS)[]) {
      const records = (full[kind] as unknown as Record<string, unknown>[]).filter(
        (r) => kind !== 'sources' || !statementOnly.has(String(r['id'])),
      );
      const marked = digest[kind] as unknown as Record<string, unknown>[];
      expect(marked.map((r) => r['id'])).toEqual(records.map((r) => r['id']));
      records.forEach((record, i) => {
        const expected = { ...record };
        const partly = PARTLY_DEFERRED_FIELDS[kind].filter(
          (field) => field !== 'title' || !titled.has(String(record['id'])),
        );
        for (const field of [...DEFERRED_FIELDS[kind], ...partly]) {
          const value = record[field];
          // A list (`related`) becomes the mark alone.
          expected[field] = Array.isArray(value)
            ? value.length
              ? [DIGEST_MARK]
              : []
            : value === ''
              ? ''
              : DIGEST_MARK;
        }
        // National citations are tokens (below).
        if (kind === 'national') expected['citation'] = marked[i]!['citation'];
        expect(marked[i], `${kind} ${String(record['id'])}`).toEqual(expected);
      });
    }
    // National citations are tokens that tell equal citations apart: disputed figures stay disputed.
    const tokens = digest.national.map((n) => n.citation);
    const citations = full.national.map((n) => n.citation);
    expect(tokens.every((c, i) => (citations[i] === '' ? c === '' : c.startsWith(DIGEST_MARK)))).toBe(true);
    for (let i = 0; i < tokens.length; i++)
      for (let j = 0; j < tokens.length; j++)
        expect(tokens[i] === tokens[j], `${i} ${j}`).toBe(citations[i] === citations[j]);
    expect(new Set(tokens).size).toBeGreaterThan(10);
    expect(nationalInView(digest.national, 2004, 2026).map((g) => [g.indicator, g.disputed])).toEqual(
      nationalInView(full.national, 2004, 2026).map((g) => [g.indicator, g.disputed]),
    );
    expect(nationalInView(digest.national, 2004, 2026).filter((g) => g.disputed).length).toBeGreaterThan(2);
  });

  it("keeps a statement's id as what follows its event's, and gives the file's id back", () => {
    const table = startupDigest.incidents;
    const [id, event] = [table.header.indexOf('id'), table.header.indexOf('event')];
    const shortened = table.rows.filter((cells) => cells[id]!.startsWith(`${DIGEST_MARK}-`));
    expect(shortened.length).toBeGreaterThan(100);
    // An id that does not begin with its event's is kept whole.
    const whole = table.rows.filter((cells) => !cells[id]!.startsWith(DIGEST_MARK));
    expect(whole.length).toBeGreaterThan(0);
    for (const cells of whole) expect(cells[id]!.startsWith(`${cells[event]}-`), cells[id]).toBe(false);
    expect(digest.incidents.map((i) => i.id)).toEqual(full.incidents.map((i) => i.id));
    expect(new Set(digest.incidents.map((i) => i.id)).size).toBe(full.incidents.length);
  });

  it('refuses an id that would read as shortened, naming the file, line and column', () => {
    const lines = read('static/data/incidents.csv').split('\n');
    const text = [lines[0], lines[1]!.replace(/^[^,]+/, `${DIGEST_MARK}-odd`), ...lines.slice(2)].join('\n');
    expect(() => digestOf(curated({ incidents: { file: 'incidents.csv', text } }))).toThrow(
      `incidents.csv, line 2, id: "${DIGEST_MARK}-odd" begins as the digest's shortened cells do`,
    );
  });

  it('is the full dataset once the texts are put back', () => {
    expect(withTexts(digest, full)).toEqual(full);
  });

  it('rejects the rows the file rejects, on the same lines (quoted cells spanning lines included)', () => {
    const bad = { file: 'bad-incidents.csv', text: read('test/fixtures/data/bad-incidents.csv') };
    const badReports = rejections(readDataset(curated({ incidents: bad }), gazetteer));
    expect(badReports[1]!.rejected.length).toBeGreaterThan(3);
    expect(rejections(fromDigest(curated({ incidents: bad })))).toEqual(badReports);
    const blankQuote = file('incidents');
    const lines = blankQuote.text.split('\n');
    // A statement whose required quote is blank, after a quoted cell that spans two lines.
    const header = lines[0]!.split(',');
    const row = lines[1]!;
    const spanning = row.replace(/,"([^"]*)"/, ',"$1\nmore"');
    const cells = header.map((name) => (name === 'id' ? 'x-blank-quote' : name === 'quote' ? '' : ''));
    const text = [lines[0], spanning, cells.join(','), ...lines.slice(2)].join('\n');
    const files = curated({ incidents: { file: 'incidents.csv', text } });
    const reports = rejections(readDataset(files, gazetteer));
    expect(reports[1]!.rejected.length).toBeGreaterThan(0);
    expect(rejections(fromDigest(files))).toEqual(reports);
  });
});

describe('the parts of the digest (statistics of later periods)', () => {
  const full = readDataset(curated(), gazetteer);
  const startup = JSON.parse(digestOf(curated())) as Digest;
  const startupData = datasetFromTables(digestTables(startup), { ...gazetteer, deferredMark: DIGEST_MARK });
  const { parts } = buildDigest(curated());

  it('keeps the statistics of periods from DEFERRED_FROM_YEAR out of the start-up digest, in a part per year', () => {
    const later = full.statistics.filter((s) => Number(s.periodStart.slice(0, 4)) >= DEFERRED_FROM_YEAR);
    expect(later.length).toBeGreaterThan(500);
    expect(startupData.statistics.map((s) => s.id)).toEqual(
      full.statistics.filter((s) => !later.includes(s)).map((s) => s.id),
    );
    expect(parts.map((p) => p.year)).toEqual([2022]);
    expect(parts[0]!.statistics.rows).toHaveLength(later.length);
    // The start-up statistics are accepted as they are: no row of the start-up digest needs a part.
    expect(startupData.reports.flatMap((r) => r.rejected)).toEqual([]);
  });

  it('moves a source with a part only when no start-up record names it', () => {
    const partSources = parts[0]!.sources.rows.map((row) => String(row[0]));
    expect(partSources).toHaveLength(40);
    expect(partSources.every((id) => /^gp-(1m|sng1)-2022-/.test(id))).toBe(true);
    const startupSources = new Set(startupData.sources.map((s) => s.id));
    for (const record of [...startupData.statistics, ...startupData.national])
      expect(startupSources.has(record.sourceId), record.id).toBe(true);
    // Statements' sources come with the texts.
    expect(new Set(startupData.incidents.map((i) => i.sourceId))).toEqual(new Set([DIGEST_MARK]));
    // The population table, read on its own, names a start-up source.
    expect(startupSources.has('bns-population-start-of-year-xlsx')).toBe(true);
  });

  it('lists every series of a part in the start-up digest, with what the statistic menu shows of it', () => {
    const index = startup.parts!;
    expect(index.map((p) => [p.year, p.file, p.statistics, p.sources])).toEqual([
      [2022, 'data/digest-2022.json', parts[0]!.statistics.rows.length, 40],
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
    expect(rejections(merged)).toEqual(rejections(full));
    expect(merged.reports.slice(1)).toEqual(full.reports.slice(1));
    expect(merged.statistics.map((s) => [s.id, s.line])).toEqual(full.statistics.map((s) => [s.id, s.line]));
    // Every source but those only statements name (they come with the texts).
    const statementOnly = startup.textSources!;
    expect(merged.sources.length).toBe(full.sources.length - statementOnly);
    expect(merged.sources).toEqual(
      full.sources
        .filter((s) => merged.sources.some((m) => m.id === s.id))
        .map((s) => ({
          ...s,
          title: DIGEST_MARK,
          author: DIGEST_MARK,
          url: s.url && DIGEST_MARK,
          notes: s.notes && DIGEST_MARK,
        })),
    );
  });
});
