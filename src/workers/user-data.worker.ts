/**
 * Reads a user's data file off the main thread: decoding, parsing, validation and point-in-polygon
 * assignment run here, so the page stays responsive on a file of a million rows. Progress is
 * posted as rows are read; the page cancels by terminating the worker.
 */
import { readUserFile, type UserFileOptions } from '../core/userdata/read-user-file.ts';
import { buildUnitIndex } from '../core/geo/assign.ts';
import type { LayoutId } from '../core/types.ts';
import type { UnitPolygons } from '../core/geo/geometry-sets.ts';

export interface ReadRequest {
  fileName: string;
  bytes: Uint8Array;
  options: Omit<UserFileOptions, 'unitAt' | 'onProgress'>;
  /** Unit polygons per layout, for incidents with coordinates; a missing layout means "unknown". */
  boundaries: Partial<Record<LayoutId, UnitPolygons>>;
}

export type ReadMessage =
  | { type: 'progress'; done: number; total: number }
  /** Accepted records, a batch at a time: one huge message would block the page while it unpacks. */
  | { type: 'records'; records: unknown[] }
  | { type: 'done'; result: ReturnType<typeof readUserFile> }
  | { type: 'error'; message: string };

const RECORDS_PER_MESSAGE = 5000;

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  const { fileName, bytes, options, boundaries } = event.data;
  const post = (message: ReadMessage) => self.postMessage(message);
  try {
    const indexes = new Map(
      (Object.entries(boundaries) as [LayoutId, UnitPolygons][]).map(([layout, units]) => [
        layout,
        buildUnitIndex(units),
      ]),
    );
    const result = readUserFile(fileName, bytes, {
      ...options,
      unitAt: (lon, lat, layout) => {
        const index = indexes.get(layout);
        return index ? index.unitAt(lon, lat) : undefined;
      },
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    if (result.kind !== null) {
      for (let i = 0; i < result.records.length; i += RECORDS_PER_MESSAGE) {
        post({ type: 'records', records: result.records.slice(i, i + RECORDS_PER_MESSAGE) });
      }
      post({ type: 'done', result: { ...result, records: [] } as typeof result });
    } else post({ type: 'done', result });
  } catch (error) {
    post({ type: 'error', message: `${fileName}: ${error instanceof Error ? error.message : String(error)}` });
  }
};
