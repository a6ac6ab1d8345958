/**
 * The rows of the table view in the interface language: the same rows, columns and sort keys as
 * `core/view/table.ts`, with names, labels, counts and dates from the i18n catalogue. Pure.
 */
import type { Count, Source } from '../core/types.ts';
import type { StatSeries } from '../core/analysis/series.ts';
import type { AtlasEvent } from '../core/analysis/events.ts';
import type { TableRow } from '../core/view/table.ts';
import { formatCount, formatEventDates, formatNumber, type Translator } from '../i18n/translate.ts';
import { placeNameById, placeOrUnitName, unitNameById } from '../i18n/units.ts';
import { measureTitle } from './localise.ts';

/** Every figure of the statistics in view, national ones included. */
export function statisticTableRows(
  series: readonly StatSeries[],
  sources: readonly Source[],
  t: Translator,
): TableRow[] {
  const publisher = (id: string) => sources.find((s) => s.id === id)?.publisher ?? id;
  return series.flatMap((s) =>
    [...(s.national ? [s.national] : []), ...s.figures].map((f): TableRow => {
      const where =
        f.level === 'national'
          ? t('legend.kazakhstan')
          : f.unit
            ? unitNameById(f.unit, t.lang)
            : f.place
              ? placeNameById(f.place, t.lang)
              : '';
      const level = t(`table.values.${f.level}`);
      const measure = measureTitle(s, t);
      const status = f.derived ? t('table.values.derived') : t('table.values.stated');
      return {
        id: f.id,
        select:
          f.level === 'region' && f.unit ? `unit:${f.unit}` : f.level === 'city' && f.place ? `city:${f.place}` : null,
        cells: {
          where,
          level,
          measure,
          period: s.periodLabel,
          value: formatCount(f.value, t.lang),
          status,
          source: publisher(f.sourceId),
        },
        sort: {
          where,
          level,
          measure,
          period: s.periodStart,
          value: f.value.value,
          status,
          source: publisher(f.sourceId),
        },
      };
    }),
  );
}

/** Every incident in view; disagreeing figures are all shown (`1 or 2`). */
export function incidentTableRows(events: readonly AtlasEvent[], t: Translator): TableRow[] {
  const or = ` ${t('common.or')} `;
  return events.map((e): TableRow => {
    const counts = (values: readonly Count[]) => values.map((v) => formatCount(v, t.lang)).join(or);
    const first = (values: readonly { value: number }[]) => values[0]?.value ?? -1;
    const place = placeOrUnitName(e.place, t.lang, e.locationPrecision === 'region');
    const category = t(`category.${e.category}`);
    return {
      id: e.id,
      select: `event:${e.id}`,
      cells: {
        date: formatEventDates(e.statements, t.lang),
        title: e.title,
        category,
        place,
        killed: counts(e.killed),
        injured: counts(e.injured),
        arrested: counts(e.arrested),
        sources: formatNumber(e.statements.length, t.lang),
      },
      sort: {
        date: e.start,
        title: e.title,
        category,
        place,
        killed: first(e.killed),
        injured: first(e.injured),
        arrested: first(e.arrested),
        sources: e.statements.length,
      },
    };
  });
}
