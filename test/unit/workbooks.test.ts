/**
 * The curated rows read from public spreadsheets, checked against the spreadsheets themselves.
 *
 * The workbooks are not in this repository (nothing fetched is committed): the tests read them from
 * bare git copies of their repositories under ATLAS_MIRROR (default `../.mirror` beside the
 * checkout), and each `describe` is SKIPPED when its copy is absent, as on a clean CI machine. What
 * always runs there is the structure of the curated rows (sources, cells cited, quotes).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Statistic } from '../../src/core/types.ts';
import { readUserWorkbook } from '../../src/core/userdata/workbook.ts';
import { curatedDataset } from '../helpers/curated.ts';
import { cellAt, cellText } from '../../src/core/parse/xlsx.ts';
import { fileAt, FORM_1M_REPO, FORM_SNG1_REPO, mirrorOf, POPULATION_REPO, sheetAt } from '../../src/cli/workbooks.ts';
import { form1mRows, formSng1Rows, FORM_1M_FILES, FORM_1M_ROWS, FORM_SNG1_ROWS } from '../../src/cli/curate-crime.ts';
import { unitsOf } from '../../src/core/gazetteer.ts';
import {
  POPULATION_FILE,
  POPULATION_SHEET,
  POPULATION_SOURCE,
  populationRows,
} from '../../src/cli/curate-population.ts';

const dataset = curatedDataset();
const cellOf = (citation: string) => /, cell ([A-Z]+\d+)$/.exec(citation)?.[1] ?? '';

describe('population rows read from the Bureau of National Statistics workbook', () => {
  const rows = dataset.population.filter((p) => p.sourceId === POPULATION_SOURCE);

  it('cite a cell of the sheet and quote its row, column and value', () => {
    expect(rows.length).toBe(72);
    for (const p of rows) {
      expect(p.citation, p.id).toBe(`${POPULATION_FILE}, sheet «${POPULATION_SHEET}», cell ${cellOf(p.citation)}`);
      expect(p.quote, p.id).toMatch(new RegExp(` \\| ${p.year} \\| ${p.population}$`));
    }
  });

  describe.skipIf(!mirrorOf(POPULATION_REPO))('against the workbook (skipped when its copy is absent)', () => {
    it('every curated figure is the value of the cell it cites', async () => {
      const sheet = await sheetAt(POPULATION_REPO, POPULATION_FILE, POPULATION_SHEET);
      for (const p of rows) expect(cellText(cellAt(sheet, cellOf(p.citation))), p.id).toBe(String(p.population));
    });

    it('the curation reads the same rows again', async () => {
      const sheet = await sheetAt(POPULATION_REPO, POPULATION_FILE, POPULATION_SHEET);
      const read = populationRows(sheet);
      expect(read.map((r) => [r.id, r.population, r.quote])).toEqual(rows.map((p) => [p.id, p.population, p.quote]));
    });
  });
});

describe("crime statistics read from the prosecutors' Form 1-M and Form SNG-1 workbooks", () => {
  const rows = dataset.statistics.filter((s) => s.id.startsWith('gp22-'));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));

  it('give every unit of the 2022 layout once per series, each citing a cell of its own workbook', () => {
    const series = new Map<string, string[]>();
    for (const s of rows) series.set(s.series, [...(series.get(s.series) ?? []), s.unit ?? '']);
    expect(series.size).toBe(FORM_1M_ROWS.length + FORM_SNG1_ROWS.length);
    const layoutC = unitsOf('C')
      .map((u) => u.id)
      .sort();
    for (const [id, units] of series) expect(units.sort(), id).toEqual(layoutC);
    for (const s of rows) {
      const source = sources.get(s.sourceId)!;
      const [file] = s.citation.split(', sheet ');
      expect(source.url, s.id).toMatch(
        /^https:\/\/github\.com\/open-data-kazakhstan\/city-(crime|clearance-rate)\/blob\/[0-9a-f]{40}\//,
      );
      expect(decodeURIComponent(source.url), s.id).toContain(file!);
      expect(s.citation, s.id).toMatch(/, sheet R1, cell [EF]\d+$/);
      expect(s.quote, s.id).toMatch(new RegExp(` \\| ${s.value.value}$`));
      expect([s.periodStart, s.periodEnd, s.coverage], s.id).toEqual(['2022-01-01', '2022-12-31', 'complete']);
    }
  });

  it('sum all registered offences of the twenty regions to the total the coverage document gives', () => {
    const total = rows.filter((s) => s.series === 'gp22-1m-registered-all').reduce((n, s) => n + s.value.value, 0);
    expect(total).toBe(155_200);
  });

  describe.skipIf(!mirrorOf(FORM_1M_REPO) || !mirrorOf(FORM_SNG1_REPO))(
    'against the workbooks (skipped when their copies are absent)',
    () => {
      it('the curation reads every curated figure again from the cell it cites', { timeout: 120_000 }, async () => {
        const read = [...(await form1mRows()), ...(await formSng1Rows())];
        expect(read.map((r) => [r.id, r.value, r.citation, r.quote, r.source])).toEqual(
          rows.map((s) => [s.id, s.value.value, s.citation, s.quote, s.sourceId]),
        );
      });
    },
  );
});

describe.skipIf(!mirrorOf(FORM_1M_REPO))(
  "the prosecutors' workbooks imported as a user imports them (skipped when their copies are absent)",
  () => {
    it(
      'reads sheet R1 of every Form 1-M workbook, every row accounted for, with the curated figures',
      { timeout: 180_000 },
      async () => {
        const curated = new Map(dataset.statistics.map((s) => [s.id, s.value.value]));
        for (const book of FORM_1M_FILES) {
          const read = await readUserWorkbook(book.file.split('/').pop()!, fileAt(FORM_1M_REPO, book.file), {
            period: '2022',
          });
          expect(read.report, book.file).toMatchObject({ sheet: 'R1', rows: 422, accepted: 378 });
          expect(read.report.rejected, book.file).toHaveLength(44);
          const figures = read.kind === 'statistics' ? read.records : ([] as Statistic[]);
          expect(new Set(figures.map((s) => s.unit)), book.file).toEqual(new Set([book.unit]));
          for (const { article } of FORM_1M_ROWS) {
            const figure = figures.find((s) => s.article === article && s.part === '');
            expect(figure?.value.value, `${book.file} ${article}`).toBe(
              curated.get(`gp22-1m-${article || 'all'}-${book.unit}`),
            );
          }
        }
      },
    );

    it('npm run data:check -- FILE.xlsx --json accounts for every row of a real workbook', { timeout: 60_000 }, () => {
      const dir = mkdtempSync(join(tmpdir(), 'form-1m-'));
      const path = join(dir, 'Almaty Region.XLSX');
      writeFileSync(path, fileAt(FORM_1M_REPO, 'archive/Almaty Region.XLSX'));
      let out = '';
      try {
        execFileSync('npx', ['tsx', 'src/cli/data-check.ts', path, '--json', '--period', '2022'], { encoding: 'utf8' });
      } catch (error) {
        out = (error as { stdout: string }).stdout;
      }
      const report = (
        JSON.parse(out) as { files: { sheet: string; rows: number; accepted: number; rejected: unknown[] }[] }
      ).files[0]!;
      expect(report).toMatchObject({ sheet: 'R1', rows: 422, accepted: 378 });
      expect(report.accepted + report.rejected.length).toBe(report.rows);
    });
  },
);
