/**
 * Reads a user's data file off the main thread: decoding, parsing, validation and point-in-polygon
 * assignment run here, so the page stays responsive on a file of a million rows. Progress is
 * posted as rows are read; the page cancels by terminating the worker.
 *
 * A large incident file (more than BULK_MIN_STATEMENTS accepted statements) never comes back to the
 * page as objects: its events are grouped, ordered by day and built into an event table and marker
 * flags (their buffers are transferred), and its records are written here to IndexedDB under the
 * dataset id the page gave, a chunk at a time.
 */
import { readUserFile, type UserFile } from '../core/userdata/read-user-file.ts';
import type { WorkbookFacts, WorkbookOptions } from '../core/userdata/workbook.ts';
import { looksLikeXlsx } from '../core/parse/xlsx-sniff.ts';
import { buildUnitIndex } from '../core/geo/assign.ts';
import type { LayoutId } from '../core/types.ts';
import type { UnitPolygons } from '../core/geo/geometry-sets.ts';
import { BULK_MIN_STATEMENTS, buildBulk } from '../core/columnar/bulk.ts';
import { locateOn } from '../core/analysis/locate.ts';
import { storeEventChunks, storeTable } from '../state/bulk-store.ts';
import type { StoredBulk } from '../state/dataset-store.ts';

export interface ReadRequest {
  fileName: string;
  /** The user's file, read here: the page never holds its bytes. */
  file: Blob;
  /** The reader's options; `sheet`, `region` and `column` concern a workbook (.xlsx). */
  options: Omit<WorkbookOptions, 'unitAt' | 'onProgress'>;
  /** Unit polygons per layout, for incidents with coordinates; a missing layout means "unknown". */
  boundaries: Partial<Record<LayoutId, UnitPolygons>>;
  /** The id the dataset will have if added: a large file's records are stored under it. */
  datasetId: string;
  /** Interior points of the units drawn, where region-precision events of a large file are drawn. */
  anchors: [string, { lon: number; lat: number }][];
}

export type ReadMessage =
  | { type: 'progress'; phase: 'reading' | 'storing'; done: number; total: number }
  /** Accepted records, a batch at a time: one huge message would block the page while it unpacks. */
  | { type: 'records'; records: unknown[] }
  | { type: 'done'; result: UserFile & { workbook?: WorkbookFacts }; bulk?: StoredBulk }
  | { type: 'error'; message: string };

const RECORDS_PER_MESSAGE = 5000;

self.onmessage = async (event: MessageEvent<ReadRequest>) => {
  const { fileName, file, options, boundaries, datasetId } = event.data;
  const post = (message: ReadMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer);
  try {
    const indexes = new Map(
      (Object.entries(boundaries) as [LayoutId, UnitPolygons][]).map(([layout, units]) => [
        layout,
        buildUnitIndex(units),
      ]),
    );
    const bytes = new Uint8Array(await file.arrayBuffer());
    const readOptions = {
      ...options,
      unitAt: (lon: number, lat: number, layout: LayoutId) => {
        const index = indexes.get(layout);
        return index ? index.unitAt(lon, lat) : undefined;
      },
      onProgress: (done: number, total: number) => post({ type: 'progress', phase: 'reading', done, total }),
    };
    // A workbook (.xlsx, a ZIP archive) is read by its own module, loaded only for one.
    const result: UserFile & { workbook?: WorkbookFacts } = looksLikeXlsx(bytes)
      ? await (await import('../core/userdata/workbook.ts')).readUserWorkbook(fileName, bytes, readOptions)
      : readUserFile(fileName, bytes, readOptions);
    if (result.kind === 'incidents' && result.records.length > BULK_MIN_STATEMENTS) {
      const anchors = new Map(event.data.anchors);
      const built = buildBulk(result.records, (id, precision) => locateOn(id, precision, anchors));
      await storeEventChunks(datasetId, built.events, (done, total) =>
        post({ type: 'progress', phase: 'storing', done, total }),
      );
      await storeTable(datasetId, built.table.buffer, built.flags);
      const bulk: StoredBulk = {
        events: built.table.length,
        buffer: built.table.buffer,
        maxSpan: built.table.dayOrder?.maxSpan ?? null,
        flags: built.flags,
        years: built.years,
        unplaced: built.unplaced,
      };
      post({ type: 'done', result: { ...result, records: [] }, bulk }, [bulk.buffer, bulk.flags.buffer]);
      return;
    }
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
