/**
 * The reference for the app's start-up time: the same MapLibre build, the same base style function
 * (water, neighbours, Kazakhstan, lakes: `baseStyle` with the context file the app loads) and the
 * same camera and controls as `MapView.svelte`, but no data: no CSVs, no regions, no markers.
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import contextUrl from '../../geo/boundaries/context.geojson?url';
import maplibregl from '../../src/map/maplibre.ts';
import { baseStyle } from '../../src/map/style.ts';
import { lightPalette } from '../../src/map/palette.ts';
import { fontFaces } from '../../src/map/fonts.ts';

const context = (await (await fetch(contextUrl)).json()) as FeatureCollection;
const map = new maplibregl.Map({
  container: 'map',
  style: baseStyle(lightPalette, fontFaces, context),
  bounds: [
    [46.4, 40.5],
    [87.4, 55.5],
  ],
  fitBoundsOptions: { padding: 20 },
  attributionControl: { compact: false },
  maxBounds: [
    [30, 30],
    [105, 62],
  ],
  dragRotate: false,
  pitchWithRotate: false,
});
map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
(window as unknown as { __map: MapLibreMap }).__map = map;
