/**
 * The curated rows read from public spreadsheets, checked against the spreadsheets themselves.
 *
 * The workbooks are not in this repository (nothing fetched is committed): the tests read them from
 * bare git copies of their repositories under ATLAS_MIRROR (default `../.mirror` beside the
 * checkout), and each `describe` is SKIPPED when its copy is absent, as on a clean CI machine. What
 * always runs there is the structure of the curated rows (sources, cells cited, quotes).
 */
import { describe, expect, it } from 'vitest';
import { curatedDataset } from '../helpers/curated.ts';
import { cellAt, cellText } from '../../src/core/parse/xlsx.ts';
import { mirrorOf, POPULATION_REPO, sheetAt } from '../../src/cli/workbooks.ts';
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
