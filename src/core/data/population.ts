import type { FileSpec } from './file-spec.ts';
import { unitProblem, type DataContext } from './context.ts';

/** The population of one unit in one year, from a cited official source. */
export interface Population {
  id: string;
  unit: string;
  year: number;
  /** `census` or `estimate` (e.g. the statistics bureau's 1 January estimate). */
  kind: 'census' | 'estimate';
  population: number;
  sourceId: string;
  citation: string;
  notes: string;
  line: number;
}

/**
 * population.csv: the population of units by year, for rates per 100,000. Every row names a source
 * in sources.csv and the unit in force that year; population is a whole number of persons.
 */
export const populationSpec: FileSpec<Population, DataContext> = {
  kind: 'population',
  columns: ['id', 'unit', 'year', 'kind', 'population', 'source', 'citation', 'notes'],
  build(r, line, context) {
    const yearText = r.text('year', true);
    const year = Number(yearText);
    if (yearText && !(Number.isInteger(year) && year >= 1989 && year <= 2100))
      r.fail('year', `"${yearText}" is not a year`);
    const populationText = r.text('population', true).replace(/[\s\u00a0,]/g, '');
    const population = Number(populationText);
    if (populationText && !(Number.isInteger(population) && population > 0)) {
      r.fail('population', `"${populationText}" is not a whole number of persons`);
    }
    const record: Population = {
      id: r.id('id'),
      unit: r.text('unit', true),
      year,
      kind: r.oneOf('kind', ['census', 'estimate'] as const) || 'census',
      population,
      sourceId: r.text('source', true),
      citation: r.text('citation', true),
      notes: r.text('notes'),
      line,
    };
    if (record.unit && Number.isInteger(year)) {
      const problem = unitProblem(context, record.unit, `${year}-01-01`, `${year}-12-31`);
      if (problem) r.fail('unit', problem);
    }
    if (record.sourceId && !context.sourceIds.has(record.sourceId))
      r.fail('source', `"${record.sourceId}" is not in sources.csv`);
    return record;
  },
};
