import type { LayoutId } from '../core/types.ts';
import { REGION_FILE_NAMES } from '../core/geo/embedded-files.ts';

/**
 * What the page reads at start besides its code, in one place for the loader (load.ts) and for the
 * build, which preloads these from index.html (vite.config.ts) so that they download while the
 * scripts load.
 */

/** The curated files' digest (core/data/digest.ts), made by the build from static/data, under the base URL. */
export const DIGEST_PATH = 'data/digest.json';

/**
 * The layout whose units the page reads at start: the one the default view draws (a unit test checks
 * it against the curated data). The others load when a period needs them.
 */
export const START_LAYOUT: LayoutId = 'A';

/** The bundled boundary files the page reads at start, by the start of their emitted names. */
export const STARTUP_BOUNDARY_FILES = [REGION_FILE_NAMES[START_LAYOUT], 'context'] as const;
