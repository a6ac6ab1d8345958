/**
 * Excel workbooks (.xlsx) read as the import panel and `data:check` read them: one sheet at a time,
 * every row accepted or rejected with its sheet row and column. The workbooks are made in the test
 * (test/helpers/xlsx.ts), among them a sheet in the shape of the prosecutors' Form 1-M.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUserWorkbook } from '../../src/core/userdata/workbook.ts';
import { cellAt, readSheetCells, sheetNames } from '../../src/core/parse/xlsx.ts';
import { FORM_1M_ROWS, workbook } from '../helpers/xlsx.ts';
import type { Statistic } from '../../src/core/types.ts';
import { importedFileOf } from '../../src/core/analysis/provenance.ts';

const TITLE = '1-M  область Абай (Свод)';
const form = () =>
  workbook(
    [
      { sheet: 'R1', rows: FORM_1M_ROWS },
      { sheet: 'R2', rows: [['Раздел 2']] },
    ],
    TITLE,
  );
const statistics = (file: { kind: string | null; records?: unknown[] }) => (file.records ?? []) as Statistic[];

describe('reading a sheet', () => {
  it('keeps every value at its cell, leading empty rows and columns included', async () => {
    const bytes = await workbook([
      {
        sheet: 'Лист1',
        rows: [[], [null, null, 'Регион', 'Год'], [null, null, 'Актюбинская область', 2017]],
      },
    ]);
    expect(await sheetNames(bytes)).toEqual(['Лист1']);
    const sheet = await readSheetCells(bytes, 'Лист1');
    expect(cellAt(sheet, 'C2')).toBe('Регион');
    expect(cellAt(sheet, 'D3')).toBe(2017);
    expect(cellAt(sheet, 'A1')).toBeNull();
  });

  it('says what is wrong with a file that is no workbook, or a sheet it does not have', async () => {
    await expect(readUserWorkbook('x.xlsx', new TextEncoder().encode('Регион;Год\nАстана;2019\n'))).rejects.toThrow(
      /not an \.xlsx workbook/,
    );
    await expect(readUserWorkbook('f.xlsx', await form(), { sheet: 'R9' })).rejects.toThrow(
      'has no sheet "R9" (its sheets: R1, R2)',
    );
  });
});

describe("a sheet in the shape of the prosecutors' Form 1-M", () => {
  it('reads one region’s figures by article, rejecting every row that is no article, by row and field', async () => {
    const read = await readUserWorkbook('Abay.xlsx', await form(), { period: '2022' });
    expect(read.kind).toBe('statistics');
    expect(read.report).toMatchObject({ file: 'Abay.xlsx', sheet: 'R1', rows: 9, accepted: 4 });
    expect(read.report.rejected.map((r) => [r.row, r.field])).toEqual([
      [8, 'row label'],
      [9, 'row label'],
      [12, 'column 2'],
      [13, 'row label'],
      [14, 'row label'],
    ]);
    expect(read.report.rejected[2]!.reason).toBe('F12 is blank (not reported): nothing to show');
    expect(read.report.rejected[4]!.reason).toContain('names several articles');
    const figures = statistics(read);
    // The region is the workbook's title, at the end of the period (Abai region exists from June 2022).
    expect(figures.map((s) => [s.article, s.part, s.value.value, s.unit, s.codeEdition])).toEqual([
      ['', '', 25, 'abai', '2014'],
      ['255', '', 2, 'abai', '2014'],
      ['256', '', 3, 'abai', '2014'],
      ['99', '1', 6, 'abai', '2014'],
    ]);
    expect(figures[1]).toMatchObject({
      metric: 'criminal_offences',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      citation: 'Abay.xlsx, sheet R1, cell F10',
      quote: 'Акт терроризма (ст.255) | Количество правонарушений, зарегистрированных в ЕРДР в отчетном периоде | 2',
    });
    // Every figure is the user's file's, as the details and the statistic menu say.
    expect(figures.map((f) => importedFileOf(f))).toEqual(figures.map(() => 'Abay.xlsx'));
    expect(read.workbook.form).toMatchObject({ title: TITLE, region: 'область Абай', column: 2 });
    expect(read.workbook.form!.columns[2]).toEqual({ number: 3, heading: 'из графы 2 / в отношении женщин' });
    expect(read.warnings[0]).toContain('the workbook has 2 sheets (R1, R2): read "R1", the first');
    expect(read.workbook.rejectedRows.find((r) => r.line === 12)?.cells[2]).toBe(
      'Заведомо ложное сообщение об акте терроризма (ст.273)',
    );
  });

  it('rejects every row, saying why, when the period is not given or the region was no unit then', async () => {
    const noPeriod = await readUserWorkbook('Abay.xlsx', await form());
    expect(noPeriod.report.accepted).toBe(0);
    expect(noPeriod.report.rejected).toHaveLength(9);
    expect(new Set(noPeriod.report.rejected.map((r) => `${r.field}: ${r.reason}`))).toEqual(
      new Set(['(file): the form does not write its period: give it (e.g. 2022)']),
    );
    const before = await readUserWorkbook('Abay.xlsx', await form(), { period: '2021' });
    expect(before.report.accepted).toBe(0);
    expect(before.report.rejected[0]!.reason).toMatch(/^region /);
  });

  it('takes another region or column when asked', async () => {
    const other = await readUserWorkbook('x.xlsx', await form(), {
      period: '2022',
      region: 'Туркестанская область',
      column: 3,
    });
    expect(statistics(other).map((s) => [s.unit, s.value.value])).toEqual([
      ['turkistan', 4],
      ['turkistan', 0],
      ['turkistan', 1],
      // Art. 273 has a figure in column 3, though none in column 2.
      ['turkistan', 0],
      ['turkistan', 2],
    ]);
    expect(statistics(other)[0]!.metric).toBe('из графы 2 / в отношении женщин');
    expect(other.warnings).toContain('column 3 is not offences registered: its figures are labelled by its heading');
  });
});

describe('a sheet that is a table', () => {
  const book = () =>
    workbook([
      { sheet: 'Пояснения', rows: [['Таблица подготовлена вручную']] },
      {
        sheet: 'Данные',
        rows: [
          ['Осуждённые по ст. 256 УК РК'],
          [],
          ['Регион', 'Год', 'Статья', 'Количество'],
          ['Актюбинская область', 2017, 256, 4],
          ['Нет такой области', 2017, 256, 3],
          ['Астана', 2017, 256, null],
        ],
      },
    ]);

  it('is read like a CSV file, its rows by their sheet row', async () => {
    const read = await readUserWorkbook('table.xlsx', await book(), { sheet: 'Данные', metric: 'convicted_persons' });
    expect(read.kind).toBe('statistics');
    expect(read.report).toMatchObject({ sheet: 'Данные', rows: 3, accepted: 1 });
    expect(read.report.rejected.map((r) => [r.row, r.field])).toEqual([
      [5, 'Регион'],
      [6, 'Количество'],
    ]);
    expect(statistics(read)[0]).toMatchObject({ unit: 'aktobe', article: '256', value: { value: 4 } });
    expect(importedFileOf(statistics(read)[0]!)).toBe('table.xlsx');
    expect(read.workbook.header).toEqual(['Регион', 'Год', 'Статья', 'Количество']);
    expect(read.warnings).toContain('row 1 above the header is a title, not read ("Осуждённые по ст. 256 УК РК")');
  });

  it('reads the first sheet unless another is picked, and accounts for its rows too', async () => {
    const read = await readUserWorkbook('table.xlsx', await book());
    expect(read.workbook.sheets).toEqual(['Пояснения', 'Данные']);
    expect(read.report.sheet).toBe('Пояснения');
    expect(read.kind).toBeNull();
    expect(read.report.rows).toBe(read.report.accepted + read.report.rejected.length);
  });
});

describe('npm run data:check -- FILE.xlsx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-check-'));
  const run = (args: string[]) => {
    try {
      return { status: 0, out: execFileSync('npx', ['tsx', 'src/cli/data-check.ts', ...args], { encoding: 'utf8' }) };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { status: e.status, out: e.stdout + e.stderr };
    }
  };

  it('reports the sheet read and every row, as JSON', { timeout: 60_000 }, async () => {
    const path = join(dir, 'Abay.xlsx');
    writeFileSync(path, await form());
    const { status, out } = run([path, '--json', '--period', '2022']);
    expect(status).toBe(1);
    const report = (
      JSON.parse(out) as { files: { sheet: string; rows: number; accepted: number; rejected: unknown[] }[] }
    ).files[0]!;
    expect(report).toMatchObject({ sheet: 'R1', rows: 9, accepted: 4 });
    expect(report.rows).toBe(report.accepted + report.rejected.length);

    const text = run([path, '--sheet=R1', '--period', '2022']);
    expect(text.out).toContain(`${path}, sheet R1: 9 rows read, 4 accepted, 5 rejected`);
    expect(text.out).toContain('row 12, field column 2: F12 is blank (not reported): nothing to show');

    const usage = run([path, '--sheet']);
    expect(usage.status).toBe(2);
    expect(usage.out).toContain('--sheet needs a value');
  });
});
