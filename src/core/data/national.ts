import type { NationalIndicator } from '../types.ts';
import type { FileSpec } from './file-spec.ts';
import type { DataContext } from './context.ts';

/** national.csv: country-wide indicators shown beside the map. */
export const nationalSpec: FileSpec<NationalIndicator, DataContext> = {
  kind: 'national',
  columns: [
    'id',
    'indicator',
    'label',
    'period_start',
    'period_end',
    'period_label',
    'value',
    'unit_label',
    'source',
    'citation',
    'quote',
    'related',
    'notes',
  ],
  build(r, line, context) {
    const periodStart = r.date('period_start');
    const periodEnd = r.date('period_end');
    const indicator = {
      id: r.id('id'),
      indicator: r.id('indicator'),
      label: r.text('label', true),
      periodStart: periodStart?.start ?? '',
      periodEnd: periodEnd?.end ?? '',
      periodLabel: r.text('period_label', true),
      value: r.count('value', true) ?? { value: 0, qualifier: 'exact' as const, text: '' },
      unitLabel: r.text('unit_label', true),
      sourceId: r.text('source', true),
      citation: r.text('citation'),
      quote: r.text('quote', true),
      related: r.list('related'),
      notes: r.text('notes'),
      line,
    };
    if (periodStart && periodEnd && periodEnd.end < periodStart.start) {
      r.fail('period_end', `${periodEnd.text} is before period_start ${periodStart.text}`);
    }
    if (indicator.sourceId && !context.sourceIds.has(indicator.sourceId)) {
      r.fail('source', `"${indicator.sourceId}" is not in sources.csv`);
    }
    return indicator;
  },
};
