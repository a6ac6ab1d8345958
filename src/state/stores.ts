/**
 * What the page keeps in this browser's IndexedDB (imported boundaries and data files), as one
 * module loaded on demand: at start only when the browser may hold imports of an earlier visit
 * (`mayHaveStoredImports`), else with the first import. A first visit loads no IndexedDB code.
 */
export * from './boundary-store.ts';
export * from './bulk-store.ts';
export * from './dataset-store.ts';
