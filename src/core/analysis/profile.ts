import type { LayoutId } from '../types.ts';
import type { StatSeries } from './series.ts';
import { seriesTitle } from './series.ts';
import { figuresForUnit, type SelectionGazetteer, type UnitFigure } from './selection.ts';
import { compareText } from '../compare.ts';

/** The figures of one measure (metric and article) for a unit, across periods, oldest first. */
export interface ProfileMeasure {
  title: string;
  figures: UnitFigure[];
}

/**
 * A unit's profile: every statistic that concerns it across all years and articles, grouped by
 * measure and sorted by period, including the figures of later units inside it and of cities in
 * it (kept apart by their relation).
 */
export function unitProfile(
  unitId: string,
  series: readonly StatSeries[],
  layout: LayoutId,
  gazetteer: SelectionGazetteer,
): ProfileMeasure[] {
  const figures = figuresForUnit(unitId, series, layout, gazetteer);
  const groups = new Map<string, UnitFigure[]>();
  for (const f of figures) {
    const key = `${f.series.metric}|${f.series.articleKey}|${f.relation}|${f.figure.place ?? f.figure.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((list) => {
    const sorted = [...list].sort((a, b) => compareText(a.series.periodStart, b.series.periodStart));
    const first = sorted[0]!;
    const title = seriesTitle(first.series).replace(`, ${first.series.periodLabel}`, '');
    const where =
      first.relation === 'city'
        ? ` (city of ${gazetteer.placeById(first.figure.place ?? '')?.names.en ?? ''})`
        : first.relation === 'within'
          ? ` (${gazetteer.unitById(first.figure.unit ?? '')?.short.en ?? ''}, within this region)`
          : '';
    return { title: `${title}${where}`, figures: sorted };
  });
}
