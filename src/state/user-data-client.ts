import type { ReadMessage, ReadRequest } from '../workers/user-data.worker.ts';
import type { UserFile } from '../core/userdata/read-user-file.ts';
import type { StoredBulk } from './dataset-store.ts';
import type { WorkbookFacts } from '../core/userdata/workbook.ts';

/**
 * A file as read: its records and report, for a large incident file its events in columns, and for
 * a workbook what its sheets are and which was read.
 */
export type ReadFile = UserFile & { bulk?: StoredBulk; workbook?: WorkbookFacts };

export interface ReadJob {
  result: Promise<ReadFile>;
  /** Stops the reading at once (the worker is terminated); the promise rejects with "cancelled". */
  cancel(): void;
}

/**
 * Reads a user's file in a Web Worker, reporting progress (rows read, then for a large file events
 * stored), cancellable. The worker reads the file itself (a File is handed over by reference); nothing
 * leaves the browser.
 */
export function readInWorker(
  request: ReadRequest,
  onProgress: (done: number, total: number, phase: 'reading' | 'storing') => void,
): ReadJob {
  const worker = new Worker(new URL('../workers/user-data.worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(reason: Error): void } | null = null;
  const result = new Promise<ReadFile>((resolve, reject) => {
    settle = { reject };
    const records: unknown[] = [];
    worker.onmessage = (event: MessageEvent<ReadMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.done, message.total, message.phase);
      else if (message.type === 'records') records.push(...message.records);
      else {
        worker.terminate();
        if (message.type === 'error') return reject(new Error(message.message));
        const result = message.result;
        if (result.kind === null) return resolve(result);
        resolve({ ...result, records, ...(message.bulk ? { bulk: message.bulk } : {}) } as ReadFile);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`${request.fileName}: ${event.message || 'the reader stopped'}`));
    };
    worker.postMessage(request);
  });
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new Error('cancelled'));
    },
  };
}
