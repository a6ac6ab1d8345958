import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

/** MapLibre 6 has no default export and, under Vite, must be told where its worker is. */
maplibregl.setWorkerUrl(workerUrl);

export default maplibregl;
