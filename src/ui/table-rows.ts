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

/** The rates the map shows, for the table's `rate` column: those of one series' units. */
export interface TableRates {
  seriesId: string;
  byUnit: ReadonlyMap<string, { rate: number }>;
  unavailable: readonly string[];
}

/**
 * Every figure of the statistics in view, national ones included; with `rates`, the shown series'
 * regional figures carry their rate per 100,000 (or "rate not available") in a `rate` cell.
 */
export function statisticTableRows(
  series: readonly StatSeries[],
  sources: readonly Source[],
  t: Translator,
  rates: TableRates | null = null,
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
      const rated = rates && s.id === rates.seriesId && f.level === 'region' && f.unit ? f.unit : null;
      const rate = rated ? rates!.byUnit.get(rated)?.rate : undefined;
      const rateText =
        rate !== undefined
          ? formatNumber(rate, t.lang)
          : rated && rates!.unavailable.includes(rated)
            ? t('rates.notAvailable')
            : '';
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
          ...(rates ? { rate: rateText } : {}),
          status,
          source: publisher(f.sourceId),
        },
        sort: {
          where,
          level,
          measure,
          period: s.periodStart,
          value: f.value.value,
          ...(rates ? { rate: rate ?? -1 } : {}),
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
