/**
 * When a page's map is first complete, as bench/browser.ts and bench/budget.ts define it: the first
 * `idle` of `window.__map` at which the map has loaded and, for the atlas, also has its `events`
 * source, its `regions` source and the regions' feature state (the choropleth) set.
 */
import type { Page } from 'playwright-core';

/**
 * Installed before any page script (`page.addInitScript`): records `performance.now()` (ms since
 * navigation) when the page creates its map (`window.__mapCreated`) and at its first complete
 * `idle` (`window.__firstCompleteMap`). `window.__map` becomes a setter, so the listener is attached
 * the moment the page creates its map. Plain JavaScript text: a function would be serialised with
 * the helpers tsx adds to it.
 */
export const watchFirstCompleteMap = (kind: 'app' | 'bare') => `(() => {
  const kind = ${JSON.stringify(kind)};
  let current;
  const complete = (map) => {
    if (!map.loaded()) return false;
    if (kind === 'bare') return true;
    if (!map.getSource('events') || !map.getSource('regions')) return false;
    return map.getFeatureState({ source: 'regions', id: 'almaty' }).status !== undefined;
  };
  Object.defineProperty(window, '__map', {
    configurable: true,
    get: () => current,
    set: (map) => {
      current = map;
      window.__mapCreated = performance.now();
      const onIdle = () => {
        if (window.__firstCompleteMap !== undefined || !complete(map)) return;
        window.__firstCompleteMap = performance.now();
        map.off('idle', onIdle);
      };
      map.on('idle', onIdle);
    },
  });
})();`;

/** Ms since navigation: when the page created its map, and when the map was first complete. */
export interface FirstMap {
  created: number;
  complete: number;
}

/** Waits for the first complete map of a page that had `watchFirstCompleteMap` installed. */
export async function firstMapTimes(page: Page, timeout = 120_000): Promise<FirstMap> {
  await page.waitForFunction(
    () => (window as { __firstCompleteMap?: number }).__firstCompleteMap !== undefined,
    undefined,
    { timeout },
  );
  return page.evaluate(() => {
    const w = window as unknown as { __mapCreated: number; __firstCompleteMap: number };
    return { created: w.__mapCreated, complete: w.__firstCompleteMap };
  });
}
