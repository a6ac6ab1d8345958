import type { LayoutId, Place, Statistic, Unit } from '../types.ts';
import type { AtlasEvent } from './events.ts';
import type { StatSeries } from './series.ts';

export interface SelectionGazetteer {
  unitById(id: string): Unit | undefined;
  placeById(id: string): Place | undefined;
  containingUnit(unitId: string, layout: LayoutId): Unit | null | undefined;
}

/** A figure shown in a unit's panel, with how it relates to the unit. */
export interface UnitFigure {
  series: StatSeries;
  figure: Statistic;
  /** `unit`: the unit's own figure; `within`: a later unit inside it; `city`: a city figure inside it. */
  relation: 'unit' | 'within' | 'city';
}

/** The unit of `layout` that a place or unit id lies in, or null (abroad, unknown). */
export function unitOfLocation(id: string, layout: LayoutId, gazetteer: SelectionGazetteer): string | null {
  if (gazetteer.unitById(id)) return gazetteer.containingUnit(id, layout)?.id ?? null;
  const place = gazetteer.placeById(id);
  if (place) {
    const unitId = place.units[layout];
    return unitId ?? null;
  }
  return null;
}

/**
 * Every figure of the given series that concerns a unit of the loaded layout: its own, those of
 * later units lying in it, and those of cities in it (kept apart, never added to the unit's).
 */
export function figuresForUnit(
  unitId: string,
  series: readonly StatSeries[],
  layout: LayoutId,
  gazetteer: SelectionGazetteer,
): UnitFigure[] {
  const result: UnitFigure[] = [];
  for (const s of series) {
    for (const figure of s.figures) {
      if (figure.level === 'region' && figure.unit) {
        if (figure.unit === unitId) result.push({ series: s, figure, relation: 'unit' });
        else if (gazetteer.containingUnit(figure.unit, layout)?.id === unitId)
          result.push({ series: s, figure, relation: 'within' });
      } else if (
        figure.level === 'city' &&
        figure.place &&
        unitOfLocation(figure.place, layout, gazetteer) === unitId
      ) {
        result.push({ series: s, figure, relation: 'city' });
      }
    }
  }
  return result;
}

/** Events placed in a unit of the loaded layout. */
export function eventsForUnit(
  unitId: string,
  events: readonly AtlasEvent[],
  layout: LayoutId,
  gazetteer: SelectionGazetteer,
): AtlasEvent[] {
  return events.filter((e) => unitOfLocation(e.place, layout, gazetteer) === unitId);
}
