import type { NationalIndicator } from '../types.ts';
import { overlapsYears } from '../parse/dates.ts';

/** The figures of one national indicator, oldest first. */
export interface IndicatorGroup {
  indicator: string;
  label: string;
  figures: NationalIndicator[];
  /** Whether any figure is linked to another that reports the same quantity differently. */
  disputed: boolean;
}

/**
 * National indicators whose period overlaps the year range, grouped by indicator in order of their
 * earliest figure. Figures stay as the sources state them; nothing is summed or reconciled.
 */
export function nationalInView(indicators: readonly NationalIndicator[], from: number, to: number): IndicatorGroup[] {
  const groups = new Map<string, NationalIndicator[]>();
  for (const figure of indicators) {
    if (!overlapsYears(figure.periodStart, figure.periodEnd, from, to)) continue;
    groups.set(figure.indicator, [...(groups.get(figure.indicator) ?? []), figure]);
  }
  return [...groups]
    .map(([indicator, figures]) => {
      const sorted = [...figures].sort(
        (a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd),
      );
      return {
        indicator,
        label: sorted[0]!.label,
        figures: sorted,
        disputed: sorted.some((f) => f.related.length > 0),
      };
    })
    .sort(
      (a, b) => a.figures[0]!.periodStart.localeCompare(b.figures[0]!.periodStart) || a.label.localeCompare(b.label),
    );
}
