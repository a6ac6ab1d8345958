import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

/** MapLibre 6 has no default export and, under Vite, must be told where its worker is. */
maplibregl.setWorkerUrl(workerUrl);

/**
 * Starts MapLibre's worker now rather than when the first map is created, so that fetching and
 * compiling it (about 145 KB gzip) overlaps the page's first render and its data fetches. The
 * atlas calls it first thing (main.ts); the worker then serves every map the page creates.
 */
export function startMapWorker(): void {
  maplibregl.prewarm();
}

export default maplibregl;
