import type { ExpressionSpecification, FontFacesSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Palette } from './palette.ts';

/**
 * A paint value that is the same for every feature, written as a per-feature expression. MapLibre
 * compiles one shader program per combination of constant and per-feature paint properties of a
 * layer type; in software rendering (SwiftShader) each program costs tens of milliseconds of the
 * first frame. Layers of one type that write their paint alike share one program.
 */
export function perFeature<T>(value: T): ExpressionSpecification {
  return ['case', ['has', 'point_count'], value, value] as unknown as ExpressionSpecification;
}

/**
 * The circle paint every point layer of the atlas writes the same way (radius, colour, opacity and
 * stroke per feature), so that they are drawn with one shader program (see `perFeature`).
 */
export function circlePaint(paint: {
  radius: unknown;
  color: unknown;
  opacity?: unknown;
  strokeColor: unknown;
  strokeWidth: unknown;
  strokeOpacity?: unknown;
}): Record<string, ExpressionSpecification> {
  const varying = (v: unknown) => (Array.isArray(v) ? (v as ExpressionSpecification) : perFeature(v));
  return {
    'circle-radius': varying(paint.radius),
    'circle-color': varying(paint.color),
    'circle-opacity': varying(paint.opacity ?? 1),
    'circle-stroke-color': varying(paint.strokeColor),
    'circle-stroke-width': varying(paint.strokeWidth),
    'circle-stroke-opacity': varying(paint.strokeOpacity ?? 1),
  };
}

/** The font stack every label layer uses; `font-faces` maps it to bundled files. */
export const FONT = ['Noto Sans Regular'];

/**
 * The base map as a pure function: water, neighbouring countries, Kazakhstan's outline. No tiles,
 * no glyph server, no sprite: every request stays on this origin. Data layers are added by the
 * map components on top.
 */
export function baseStyle(
  palette: Palette,
  fontFaces: FontFacesSpecification,
  context: FeatureCollection,
): StyleSpecification {
  return {
    version: 8,
    name: 'kz-atlas',
    'font-faces': fontFaces,
    sources: {
      context: {
        type: 'geojson',
        data: context,
        attribution: 'Regions: geokz (CC BY 4.0) · Made with Natural Earth · Lakes © OpenStreetMap contributors (ODbL)',
      },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': palette.water } },
      {
        id: 'neighbours',
        type: 'fill',
        source: 'context',
        filter: ['==', ['get', 'kind'], 'country'],
        // The basemap's fills write their colours per feature, like the regions' choropleth fill
        // (coloured through feature state): all fills then share one shader program. The lakes'
        // outline too, so that every antialiased edge is drawn by one program as well.
        paint: { 'fill-color': perFeature(palette.neighbour) },
      },
      {
        id: 'kazakhstan-land',
        type: 'fill',
        source: 'context',
        filter: ['==', ['get', 'kind'], 'kazakhstan'],
        paint: { 'fill-color': perFeature(palette.land) },
      },
      {
        id: 'neighbour-borders',
        type: 'line',
        source: 'context',
        filter: ['==', ['get', 'kind'], 'country'],
        // Per feature like the region borders drawn over it, so both share one shader program.
        paint: { 'line-color': perFeature(palette.neighbourLine), 'line-width': perFeature(0.8) },
      },
      // Lakes lie over the land and over the region layers that map components insert below
      // `lakes`; neighbour names, markers and labels are drawn above them.
      {
        id: 'lakes',
        type: 'fill',
        source: 'context',
        filter: ['==', ['get', 'kind'], 'water'],
        paint: { 'fill-color': perFeature(palette.water), 'fill-outline-color': perFeature('#9fbfd3') },
      },
      {
        id: 'neighbour-labels',
        type: 'symbol',
        source: 'context',
        filter: ['==', ['get', 'kind'], 'country'],
        layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 11, 'symbol-placement': 'point' },
        paint: { 'text-color': '#8d887e', 'text-halo-color': palette.labelHalo, 'text-halo-width': 1 },
      },
    ],
  };
}
