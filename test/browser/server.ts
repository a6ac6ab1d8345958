/**
 * Global setup of the browser tests: builds the app once and serves dist/ with `vite preview` on
 * loopback. The URL reaches the tests through Vitest's provide/inject.
 */
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Vitest runs with NODE_ENV=test, under which Vite builds a bundle whose `import.meta.env.PROD` is
  // false (the gazetteer checked in the page, for one): build the production bundle a visitor gets.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production' });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
