/**
 * The curated data files the page reads at start (static/data), in one list for the loader
 * (load.ts) and for the build, which preloads them from index.html (vite.config.ts) so that they
 * download while the scripts load. The population table (population.csv) is read when rates are
 * first asked for.
 */
export const STARTUP_DATA_FILES = ['sources', 'incidents', 'statistics', 'national'] as const;

/** The bundled boundary files the page reads at start, by the start of their emitted names. */
export const STARTUP_BOUNDARY_FILES = ['regions-1997', 'context'] as const;
