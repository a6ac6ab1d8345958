import type { LayoutId, Place, Unit } from '../types.ts';

/**
 * What a data file is checked against besides itself: the known sources and the gazetteer.
 * Passed in, not imported, so that the readers stay pure and testable on small gazetteers.
 */
export interface DataContext {
  sourceIds: ReadonlySet<string>;
  unitById(id: string): Unit | undefined;
  placeById(id: string): Place | undefined;
  layoutsDuring(startIso: string, endIso: string): LayoutId[];
  /**
   * In the page's digest of the curated files (digest.ts), the mark that stands for a text deferred
   * until the files load: a source cell that is this mark is not looked up. Unset for every file
   * read itself.
   */
  deferredMark?: string;
}

/** Checks that a unit id exists and was a first-level unit at some time in [start, end]. */
export function unitProblem(context: DataContext, unitId: string, start: string, end: string): string | null {
  const unit = context.unitById(unitId);
  if (!unit) return `"${unitId}" is not a unit of the gazetteer`;
  const layouts = context.layoutsDuring(start, end);
  if (!layouts.some((layout) => unit.layouts.includes(layout))) {
    return `${unit.short.en} (${unitId}) was not a first-level unit between ${start} and ${end} (it belongs to layouts ${unit.layouts.join(', ')})`;
  }
  return null;
}
