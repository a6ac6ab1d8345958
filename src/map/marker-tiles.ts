/**
 * The page's side of the large files' marker tiles: one worker (workers/markers.worker.ts) holds
 * the files' cluster indexes, and a `kzmarkers://<file>/<year>/{z}/{x}/{y}` protocol hands its
 * tiles to MapLibre. The page only relays small binary tiles.
 */
import maplibregl from './maplibre.ts';
import type { MarkerReply, MarkerRequest } from '../workers/markers.worker.ts';
import type { StoredBulk } from '../state/dataset-store.ts';

export const MARKER_PROTOCOL = 'kzmarkers';

let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, { resolve(value: MarkerReply): void; reject(error: Error): void }>();
const loaded = new Map<string, StoredBulk>();

function markers(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../workers/markers.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<MarkerReply>) => {
    const answer = event.data;
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.type === 'error') pending?.reject(new Error(answer.message));
    else pending?.resolve(answer);
  };
  maplibregl.addProtocol(MARKER_PROTOCOL, async (params) => {
    const match = /^kzmarkers:\/\/([^/]+)\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    if (!match) throw new Error(`not a marker tile: ${params.url}`);
    const [, key, year, z, x, y] = match;
    const answer = await ask({
      type: 'tile',
      key: decodeURIComponent(key!),
      year: year === 'span' ? null : Number(year),
      z: Number(z),
      x: Number(x),
      y: Number(y),
    });
    return { data: answer.type === 'tile' ? answer.data : new ArrayBuffer(0) };
  });
  return worker;
}

type Asked = Extract<MarkerRequest, { id: number }>;
type Question = Asked extends infer Q ? (Q extends Asked ? Omit<Q, 'id'> : never) : never;

function ask(request: Question): Promise<MarkerReply> {
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    markers().postMessage({ ...request, id } as MarkerRequest);
  });
}

/**
 * Makes the worker hold exactly these files' markers (a copy of each table goes over once) and
 * returns the tile URL template of a file's year.
 */
export function syncMarkerFiles(files: readonly { key: string; bulk: StoredBulk }[]): void {
  const wanted = new Map(files.map((f) => [f.key, f.bulk]));
  for (const [key, bulk] of loaded) {
    if (wanted.get(key) !== bulk) {
      markers().postMessage({ type: 'unload', key } satisfies MarkerRequest);
      loaded.delete(key);
    }
  }
  for (const [key, bulk] of wanted) {
    if (loaded.has(key)) continue;
    const buffer = bulk.buffer.slice(0);
    const flags = bulk.flags.slice();
    markers().postMessage(
      { type: 'load', key, buffer, length: bulk.events, maxSpan: bulk.maxSpan, flags } satisfies MarkerRequest,
      [buffer, flags.buffer],
    );
    loaded.set(key, bulk);
  }
}

/** The tile URL template of one year's markers of a file (`year` null: those spanning years). */
export function markerTiles(key: string, year: number | null): string {
  return `${MARKER_PROTOCOL}://${encodeURIComponent(key)}/${year ?? 'span'}/{z}/{x}/{y}`;
}

/** The zoom at which a cluster of a file's year splits. */
export async function clusterExpansionZoom(key: string, year: number | null, cluster: number): Promise<number> {
  const answer = await ask({ type: 'expansion', key, year, cluster });
  return answer.type === 'expansion' ? answer.zoom : NaN;
}
