import type { NationalIndicator } from '../types.ts';
import { overlapsYears } from '../parse/dates.ts';
import { compareText } from '../compare.ts';

/** The figures of one national indicator, oldest first. */
export interface IndicatorGroup {
  indicator: string;
  label: string;
  figures: NationalIndicator[];
  /**
   * Whether a figure is linked to one from another source or another cited origin (the NSC's 30
   * prevented attacks against the experts' 78). A figure linked to its own statement in another
   * unit (KZT and USD) is linked, not disputed.
   */
  disputed: boolean;
}

/**
 * National indicators whose period overlaps the year range, grouped by indicator in order of their
 * earliest figure. Figures stay as the sources state them; nothing is summed or reconciled.
 */
export function nationalInView(indicators: readonly NationalIndicator[], from: number, to: number): IndicatorGroup[] {
  const byId = new Map(indicators.map((figure) => [figure.id, figure]));
  const disputes = (figure: NationalIndicator) =>
    figure.related.some((id) => {
      const other = byId.get(id);
      return other !== undefined && (other.sourceId !== figure.sourceId || other.citation !== figure.citation);
    });
  const groups = new Map<string, NationalIndicator[]>();
  for (const figure of indicators) {
    if (!overlapsYears(figure.periodStart, figure.periodEnd, from, to)) continue;
    groups.set(figure.indicator, [...(groups.get(figure.indicator) ?? []), figure]);
  }
  return [...groups]
    .map(([indicator, figures]) => {
      const sorted = [...figures].sort(
        (a, b) => compareText(a.periodStart, b.periodStart) || compareText(a.periodEnd, b.periodEnd),
      );
      return {
        indicator,
        label: sorted[0]!.label,
        figures: sorted,
        disputed: sorted.some(disputes),
      };
    })
    .sort((a, b) => compareText(a.figures[0]!.periodStart, b.figures[0]!.periodStart) || compareText(a.label, b.label));
}
