import type { StatLevel, Statistic } from '../types.ts';
import type { FileSpec } from './file-spec.ts';
import type { RowReader } from './row-reader.ts';
import { unitProblem, type DataContext } from './context.ts';
import { parseArticle } from './articles.ts';

/**
 * What a figure counts. `terrorist_offences` and `extremist_offences` are the prosecutors' own groups
 * of articles (Form SNG-1: offences «террористического характера», «экстремистской направленности»),
 * given without an article.
 */
export const METRICS = [
  'convicted_persons',
  'criminal_offences',
  'court_cases',
  'terrorist_offences',
  'extremist_offences',
] as const;

/** statistics.csv: one figure per row, for the country, a unit or a city. */
export const statisticsSpec: FileSpec<Statistic, DataContext> = {
  kind: 'statistics',
  columns: [
    'id',
    'series',
    'metric',
    'code_edition',
    'article',
    'part',
    'period_start',
    'period_end',
    'period_label',
    'level',
    'unit',
    'place',
    'value',
    'derived',
    'derivation',
    'coverage',
    'source',
    'citation',
    'quote',
    'related',
    'notes',
  ],
  build(r, line, context) {
    const periodStart = r.date('period_start');
    const periodEnd = r.date('period_end');
    const statistic: Statistic = {
      id: r.id('id'),
      series: r.id('series'),
      metric: r.oneOf('metric', METRICS),
      codeEdition: r.oneOf('code_edition', ['1997', '2014'] as const),
      // Blank: the figure counts no single article (all offences, or the metric's own group of articles).
      article: r.text('article'),
      part: r.text('part'),
      periodStart: periodStart?.start ?? '',
      periodEnd: periodEnd?.end ?? '',
      periodLabel: r.text('period_label', true),
      level: r.oneOf('level', ['national', 'region', 'city'] as const) as StatLevel,
      unit: r.text('unit') || null,
      place: r.text('place') || null,
      value: r.count('value', true) ?? { value: 0, qualifier: 'exact', text: '' },
      derived: r.yesNo('derived'),
      derivation: r.text('derivation'),
      coverage: r.oneOf('coverage', ['complete', 'named_only'] as const) || 'named_only',
      sourceId: r.text('source', true),
      citation: r.text('citation'),
      quote: r.text('quote', true),
      related: r.list('related'),
      notes: r.text('notes'),
      line,
    };
    if (statistic.part && !statistic.article) r.fail('part', 'needs an article');
    if (statistic.codeEdition && statistic.article) {
      const ref = parseArticle(
        `${statistic.codeEdition}:${statistic.article}${statistic.part ? `.${statistic.part}` : ''}`,
      );
      if ('error' in ref) r.fail('article', `${statistic.article} part "${statistic.part}" is not an article number`);
    }
    if (periodStart && periodEnd && periodEnd.end < periodStart.start) {
      r.fail('period_end', `${periodEnd.text} is before period_start ${periodStart.text}`);
    }
    if (statistic.derived && !statistic.derivation) r.fail('derivation', 'is required when derived is yes');
    if (statistic.sourceId && !context.sourceIds.has(statistic.sourceId)) {
      r.fail('source', `"${statistic.sourceId}" is not in sources.csv`);
    }
    checkLevel(r, statistic, context);
    return statistic;
  },
};

/** National figures name no unit; regional ones a unit in force then; city ones a known place. */
function checkLevel(r: RowReader, s: Statistic, context: DataContext): void {
  if (s.level === 'national') {
    if (s.unit) r.fail('unit', 'must be blank for a national figure');
    if (s.place) r.fail('place', 'must be blank for a national figure');
  } else if (s.level === 'region') {
    if (s.place) r.fail('place', 'must be blank for a regional figure (use level city for a city figure)');
    if (!s.unit) r.fail('unit', 'is required for a regional figure');
    else if (s.periodStart && s.periodEnd) {
      const problem = unitProblem(context, s.unit, s.periodStart, s.periodEnd);
      if (problem) r.fail('unit', problem);
    }
  } else if (s.level === 'city') {
    if (s.unit) r.fail('unit', 'must be blank for a city figure (the city places it)');
    if (!s.place) r.fail('place', 'is required for a city figure');
    else {
      const place = context.placeById(s.place);
      if (!place) r.fail('place', `"${s.place}" is not a place of the gazetteer`);
      else if (place.country !== 'KZ') r.fail('place', `${place.names.en} is not in Kazakhstan`);
    }
  }
}
