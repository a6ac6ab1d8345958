import type { LayoutId, Unit } from '../types.ts';
import type { StatSeries } from './series.ts';

export const LAYOUT_LABELS: Record<LayoutId, string> = {
  A: '1997-2018 layout (14 oblasts, Almaty, Astana)',
  B: '2018-2022 layout (Turkistan region and Shymkent city replace South Kazakhstan)',
  C: 'layout since June 2022 (Abai, Zhetisu and Ulytau added)',
};

export interface LayoutChoice {
  layout: LayoutId;
  /** Plain words for the legend: which layout and why. */
  reason: string;
}

interface LayoutGazetteer {
  unitById(id: string): Unit | undefined;
  layoutsDuring(startIso: string, endIso: string): LayoutId[];
}

/**
 * The layout the map uses. A statistic is drawn on the units of its own period: the latest layout
 * in force during the period in which every unit it names existed. With no statistic, the layout
 * in force at the end of the year range. A range spanning a change says so.
 */
export function chooseLayout(
  series: StatSeries | null,
  from: number,
  to: number,
  gazetteer: LayoutGazetteer,
): LayoutChoice {
  const spanned = gazetteer.layoutsDuring(String(from), String(to));
  const spans =
    spanned.length > 1
      ? ` The years ${from}–${to} span ${spanned.length - 1 === 1 ? 'a boundary change' : 'boundary changes'}.`
      : '';
  if (series) {
    const during = gazetteer.layoutsDuring(series.periodStart, series.periodEnd);
    const named = series.figures.flatMap((f) => (f.level === 'region' && f.unit ? [gazetteer.unitById(f.unit)] : []));
    const fitting = during.filter((layout) => named.every((unit) => unit?.layouts.includes(layout)));
    const layout = fitting[fitting.length - 1] ?? during[during.length - 1]!;
    return {
      layout,
      reason: `Units of the ${LAYOUT_LABELS[layout]}, in force in ${series.periodLabel}, the period of this statistic.${spans}`,
    };
  }
  const layout = spanned[spanned.length - 1]!;
  return { layout, reason: `Units of the ${LAYOUT_LABELS[layout]}, in force at the end of ${to}.${spans}` };
}
