import type { ReadMessage, ReadRequest } from '../workers/user-data.worker.ts';
import type { UserFile } from '../core/userdata/read-user-file.ts';

export interface ReadJob {
  result: Promise<UserFile>;
  /** Stops the reading at once (the worker is terminated); the promise rejects with "cancelled". */
  cancel(): void;
}

/**
 * Reads a user's file in a Web Worker, reporting progress, cancellable. The file's bytes are
 * transferred, not copied; nothing leaves the browser.
 */
export function readInWorker(request: ReadRequest, onProgress: (done: number, total: number) => void): ReadJob {
  const worker = new Worker(new URL('../workers/user-data.worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(reason: Error): void } | null = null;
  const result = new Promise<UserFile>((resolve, reject) => {
    settle = { reject };
    const records: unknown[] = [];
    worker.onmessage = (event: MessageEvent<ReadMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.done, message.total);
      else if (message.type === 'records') records.push(...message.records);
      else {
        worker.terminate();
        if (message.type === 'error') return reject(new Error(message.message));
        const result = message.result;
        resolve(result.kind === null ? result : ({ ...result, records } as typeof result));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`${request.fileName}: ${event.message || 'the reader stopped'}`));
    };
    worker.postMessage(request, [request.bytes.buffer]);
  });
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new Error('cancelled'));
    },
  };
}
