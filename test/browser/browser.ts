/**
 * Opens the built atlas in Debian's headless Chromium (never a downloaded browser) and records
 * what a user could not see directly: console errors, page errors and every request that would
 * leave the machine.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(import.meta.dirname, '../../test-results/screenshots');

export interface Session {
  browser: Browser;
  page: Page;
  consoleErrors: string[];
  externalRequests: string[];
}

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh page that records console errors and non-local requests (which it also blocks). */
export async function openPage(browser: Browser, width = 1400, height = 900): Promise<Omit<Session, 'browser'>> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local =
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol);
    if (local) return route.continue();
    externalRequests.push(url.href);
    return route.abort();
  });
  return { page, consoleErrors, externalRequests };
}

/** Waits until the map has loaded its style, sources and tiles and is idle. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = (window as unknown as { __map?: { loaded(): boolean; getSource(id: string): unknown } }).__map;
      return Boolean(map && map.getSource('events') && map.loaded());
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (
          window as unknown as {
            __map: { once(e: string, f: () => void): void; triggerRepaint(): void; loaded(): boolean };
          }
        ).__map;
        if (map.loaded()) {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
