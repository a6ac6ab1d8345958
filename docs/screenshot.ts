/**
 * Makes docs/screenshot.png, the README's picture of the atlas: builds the app as `npm run build`
 * does (into a temporary folder), serves it on 127.0.0.1 with `vite preview`, opens a view in
 * Debian's headless Chromium (software rendering, every request off this machine blocked, as in the
 * browser tests) and saves the page once the map is idle.
 *
 * `npm run screenshot [-- --view '<query>'] [--out <file.png>]`; the default view is the one below.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { openBrowser, openPage, waitForMap } from '../test/browser/browser.ts';

/** Persons convicted under Art. 256 part 2 in 2017 by region, the incidents of 2011-2017, Aktobe selected. */
const VIEW = 'from=2011&to=2017&stat=cabar-2017-256-2-convicted&sel=unit:aktobe';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    view: { type: 'string', default: VIEW },
    out: { type: 'string', default: join(root, 'docs/screenshot.png') },
  },
});

const outDir = mkdtempSync(join(tmpdir(), 'kz-atlas-screenshot-'));
try {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}/`;
  const browser = await openBrowser();
  try {
    const { page, consoleErrors, externalRequests } = await openPage(browser, 1400, 860);
    await page.goto(`${base}?${values.view}`);
    await waitForMap(page);
    // The side panels render after the first complete map; the details load with the selection.
    await page.locator('[data-testid=details]').getByRole('heading').first().waitFor({ timeout: 30_000 });
    await waitForMap(page);
    await page.screenshot({ path: values.out });
    if (consoleErrors.length || externalRequests.length)
      throw new Error(`the page reported errors: ${[...consoleErrors, ...externalRequests].join(' | ')}`);
    console.log(`wrote ${values.out} (${base}?${values.view})`);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
