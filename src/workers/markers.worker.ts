/**
 * Serves the markers of the large files as vector tiles: the page hands over each file's event
 * table and flags once, this worker builds its cluster indexes (core/columnar/marker-index.ts), and
 * MapLibre's tile requests, relayed by the page, come back as small binary tiles (transferred). The
 * page never holds a large file's markers as objects.
 */
import { eventTableOnBuffer } from '../core/columnar/event-table.ts';
import { markerIndexes, markerTile, type MarkerIndex } from '../core/columnar/marker-index.ts';

export type MarkerRequest =
  | { type: 'load'; key: string; buffer: ArrayBuffer; length: number; maxSpan: number | null; flags: Uint8Array }
  | { type: 'unload'; key: string }
  | { type: 'tile'; id: number; key: string; year: number | null; z: number; x: number; y: number }
  | { type: 'expansion'; id: number; key: string; year: number | null; cluster: number };

export type MarkerReply =
  | { type: 'tile'; id: number; data: ArrayBuffer }
  | { type: 'expansion'; id: number; zoom: number }
  | { type: 'error'; id: number; message: string };

/** Each file's indexes, built on first need from its table. */
const files = new Map<string, { build: () => MarkerIndex[]; indexes: MarkerIndex[] | null }>();

function indexOf(key: string, year: number | null): MarkerIndex | undefined {
  const file = files.get(key);
  if (!file) return undefined;
  file.indexes ??= file.build();
  return file.indexes.find((m) => m.year === year);
}

self.onmessage = (event: MessageEvent<MarkerRequest>) => {
  const message = event.data;
  const reply = (answer: MarkerReply, transfer: Transferable[] = []) => self.postMessage(answer, transfer);
  if (message.type === 'load') {
    const table = eventTableOnBuffer(message.buffer, message.length, message.maxSpan);
    files.set(message.key, { build: () => markerIndexes(table, message.flags), indexes: null });
    return;
  }
  if (message.type === 'unload') return void files.delete(message.key);
  try {
    const index = indexOf(message.key, message.year);
    if (message.type === 'tile') {
      const bytes = index ? markerTile(index, message.z, message.x, message.y) : new Uint8Array(0);
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      reply({ type: 'tile', id: message.id, data }, [data]);
    } else {
      if (!index) throw new Error(`no markers for ${message.key} ${message.year}`);
      reply({ type: 'expansion', id: message.id, zoom: index.index.getClusterExpansionZoom(message.cluster) });
    }
  } catch (error) {
    reply({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
};
