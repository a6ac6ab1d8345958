/**
 * A year-slider step over many events, as the app would do it with the columnar core: the 1997-2018
 * regions coloured through feature state only (polygons load once), and the synthetic events as
 * circles. `window.__bench.step(from, to)` runs one step — `countByUnit`, `setFeatureState` per
 * unit, then the markers — and resolves at the next `idle` with the times in ms since the step
 * began: to the first frame, to the first frame with every marker source loaded again (the frame
 * that shows the step), and to `idle` (which also waits for label fading, 300 ms by default).
 *
 * Markers, by `?mode=`:
 * - `filter` (default): one GeoJSON source and circle layer, `setFilter` on the day range. MapLibre
 *   re-lays out every tile of the source in its worker at each step.
 * - `years`: one GeoJSON source and circle layer per start year, shown or hidden through a constant
 *   `circle-opacity` (a paint change: no re-layout, the next frame draws the step). Exact for events
 *   within one calendar year (every synthetic one; any known to the day, month or year); an event
 *   spanning years would need another, filtered layer.
 *
 * Query: `?n=100000&seed=1&mode=filter`.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FilterSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import contextUrl from '../../geo/boundaries/context.geojson?url';
import regionsUrl from '../../geo/boundaries/regions-1997.geojson?url';
import maplibregl from '../../src/map/maplibre.ts';
import { baseStyle } from '../../src/map/style.ts';
import { lightPalette } from '../../src/map/palette.ts';
import { fontFaces } from '../../src/map/fonts.ts';
import type { UnitPolygons } from '../../src/core/geo/geometry-sets.ts';
import { buildUnitIndex } from '../../src/core/geo/assign.ts';
import {
  ALL_CATEGORIES,
  INCIDENT_CATEGORIES,
  layoutUnitIds,
  yearRangeDays,
} from '../../src/core/columnar/event-table.ts';
import { countByUnit } from '../../src/core/columnar/aggregate.ts';
import { assignUnits } from '../../src/core/columnar/assign.ts';
import { syntheticTable } from '../../src/core/columnar/synthetic.ts';

export interface StepTimes {
  /** countByUnit + setFeatureState + the marker change, synchronous part. */
  compute: number;
  /** First `render` event after the step began (the choropleth is new; markers may still be reloading). */
  render: number;
  /** First `render` at which every marker source is loaded again: the frame that shows the step. */
  drawn: number;
  /** First `idle` event after the step began: the step is fully drawn. */
  idle: number;
}

export interface SliderBench {
  ready: Promise<{ events: number; setupMs: number }>;
  step(from: number, to: number): Promise<StepTimes>;
}

const params = new URLSearchParams(location.search);
const count = Number(params.get('n') ?? 100_000);
const seed = Number(params.get('seed') ?? 1);
const mode = params.get('mode') === 'years' ? 'years' : 'filter';
const FIRST_YEAR = 2004;
const LAST_YEAR = 2023;
const OPACITY = 0.7;

/** A light-to-dark ramp for counts (share of the largest), as the app's classes would colour them. */
function colour(share: number): string {
  const t = Math.max(0, Math.min(1, share));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(254, 128)}, ${mix(232, 0)}, ${mix(200, 38)})`;
}

const setupStart = performance.now();
const [context, regions] = await Promise.all([
  fetch(contextUrl).then((r) => r.json() as Promise<FeatureCollection>),
  fetch(regionsUrl).then((r) => r.json() as Promise<UnitPolygons>),
]);
const index = buildUnitIndex(regions);
const table = syntheticTable({ count, seed, inKazakhstan: (lon, lat) => index.unitIndexAt(lon, lat) >= 0 });
assignUnits(table, 'A', regions, { index });

/** The events as GeoJSON, all of them or those starting in one year. */
function eventFeatures(year?: number): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (let i = 0; i < table.length; i++) {
    const start = new Date(table.day[i]! * 86_400_000).getUTCFullYear();
    if (year !== undefined && start !== year) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [table.lon[i]!, table.lat[i]!] },
      properties: { day: table.day[i]!, dayEnd: table.dayEnd[i]!, category: table.category[i]! },
    });
  }
  return { type: 'FeatureCollection', features };
}

const map = new maplibregl.Map({
  container: 'map',
  style: baseStyle(lightPalette, fontFaces, context),
  bounds: [
    [46.4, 40.5],
    [87.4, 55.5],
  ],
  fitBoundsOptions: { padding: 20 },
  dragRotate: false,
  pitchWithRotate: false,
});
(window as unknown as { __map: MapLibreMap }).__map = map;

const unitIds = layoutUnitIds('A');
const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, k) => FIRST_YEAR + k);
const markerSources = mode === 'filter' ? ['events'] : years.map((year) => `events-${year}`);
const counts = new Uint32Array(unitIds.length);
const markerFilter = (fromDay: number, toDay: number): FilterSpecification => [
  'all',
  ['<=', ['get', 'day'], toDay],
  ['>=', ['get', 'dayEnd'], fromDay],
];
const circles = (id: string, source: string): CircleLayerSpecification => ({
  id,
  type: 'circle',
  source,
  paint: {
    'circle-radius': 2.5,
    'circle-color': [
      'match',
      ['get', 'category'],
      ...INCIDENT_CATEGORIES.flatMap((c, i) => [i, lightPalette.category[c]]),
      lightPalette.cluster,
    ] as unknown as ExpressionSpecification,
    'circle-opacity': OPACITY,
    'circle-opacity-transition': { duration: 0, delay: 0 },
  },
});

const ready = new Promise<{ events: number; setupMs: number }>((resolve) => {
  map.once('load', () => {
    map.addSource('regions', { type: 'geojson', data: regions, promoteId: 'unit' });
    map.addLayer(
      {
        id: 'region-fill',
        type: 'fill',
        source: 'regions',
        paint: { 'fill-color': ['to-color', ['feature-state', 'colour'], lightPalette.land] },
      },
      'lakes',
    );
    map.addLayer(
      {
        id: 'region-lines',
        type: 'line',
        source: 'regions',
        paint: { 'line-color': lightPalette.unitLine, 'line-width': 0.8 },
      },
      'lakes',
    );
    if (mode === 'filter') {
      const all = yearRangeDays(FIRST_YEAR, LAST_YEAR);
      map.addSource('events', { type: 'geojson', data: eventFeatures() });
      map.addLayer({ ...circles('event-points', 'events'), filter: markerFilter(all.fromDay, all.toDay) });
    } else {
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        map.addSource(`events-${year}`, { type: 'geojson', data: eventFeatures(year) });
        map.addLayer(circles(`events-${year}`, `events-${year}`));
      }
    }
    map.once('idle', () => resolve({ events: table.length, setupMs: performance.now() - setupStart }));
  });
});

const bench: SliderBench = {
  ready,
  step(from, to) {
    return new Promise((resolve) => {
      const start = performance.now();
      const { fromDay, toDay } = yearRangeDays(from, to);
      countByUnit(table, 'A', fromDay, toDay, ALL_CATEGORIES, counts);
      const max = Math.max(1, ...counts);
      for (let u = 0; u < unitIds.length; u++) {
        map.setFeatureState({ source: 'regions', id: unitIds[u]! }, { colour: colour(counts[u]! / max) });
      }
      if (mode === 'filter') map.setFilter('event-points', markerFilter(fromDay, toDay));
      else {
        for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
          map.setPaintProperty(`events-${year}`, 'circle-opacity', year >= from && year <= to ? OPACITY : 0);
        }
      }
      const compute = performance.now() - start;
      let render = NaN;
      let drawn = NaN;
      const onRender = () => {
        if (Number.isNaN(render)) render = performance.now() - start;
        if (markerSources.every((id) => map.isSourceLoaded(id))) {
          drawn = performance.now() - start;
          map.off('render', onRender);
        }
      };
      map.on('render', onRender);
      map.once('idle', () => {
        map.off('render', onRender);
        resolve({ compute, render, drawn, idle: performance.now() - start });
      });
    });
  },
};
(window as unknown as { __bench: SliderBench }).__bench = bench;
