import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';

const MAP = Symbol('map');
const SOURCE = Symbol('source');

/** Children of <MapView> reach the MapLibre instance through this context. */
export function setMapContext(map: MapLibreMap): void {
  setContext(MAP, map);
}

export function getMapContext(): MapLibreMap {
  const map = getContext<MapLibreMap | undefined>(MAP);
  if (!map) throw new Error('a map layer or source must be placed inside <MapView>');
  return map;
}

/** Layers inside a <GeoJSONSource> take their source id from it. */
export function setSourceContext(id: string): void {
  setContext(SOURCE, id);
}

export function getSourceContext(): string {
  const id = getContext<string | undefined>(SOURCE);
  if (!id) throw new Error('a layer must be placed inside a source component');
  return id;
}
