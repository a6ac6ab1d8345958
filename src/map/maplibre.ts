import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

/** MapLibre 6 has no default export and, under Vite, must be told where its worker is. */
maplibregl.setWorkerUrl(workerUrl);
/**
 * Its worker starts now, as the page's modules run, rather than when the first map is created:
 * fetching and compiling it (about 145 KB gzip) then overlaps the page's first render and its data
 * fetches instead of delaying the first map.
 */
maplibregl.prewarm();

export default maplibregl;
