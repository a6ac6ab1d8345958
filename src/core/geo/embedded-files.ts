import type { LayoutId } from '../types.ts';

/**
 * The embedded units of each layout: their files in geo/boundaries/, without extension (`.geojson`
 * with sources and notes, `.topojson` for the page), as geo/scripts/build-boundaries.ts writes them
 * and the page (state/load.ts, whose bundled imports a unit test checks against these names) and
 * `data:check` read them.
 */
export const REGION_FILE_NAMES: Readonly<Record<LayoutId, string>> = {
  A: 'regions-1997',
  B: 'regions-2018',
  C: 'regions-2022',
};
