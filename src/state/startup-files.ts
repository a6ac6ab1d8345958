/**
 * What the page reads at start besides its code, in one place for the loader (load.ts) and for the
 * build, which preloads these from index.html (vite.config.ts) so that they download while the
 * scripts load.
 */

/** The curated files' digest (core/data/digest.ts), made by the build from static/data, under the base URL. */
export const DIGEST_PATH = 'data/digest.json';

/** The bundled boundary files the page reads at start, by the start of their emitted names. */
export const STARTUP_BOUNDARY_FILES = ['regions-1997', 'context'] as const;
