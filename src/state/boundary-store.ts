import { BOUNDARIES, openAtlasDb, plainCopy } from './db.ts';
import type { GeometrySet } from '../core/geo/geometry-sets.ts';

/** An imported boundary file as kept in the browser: the matched unit polygons and what the import found. */
export interface StoredBoundarySet extends GeometrySet {
  fileName: string;
  addedAt: string;
  summary: { features: number; matched: number; unmatched: number; corrected: number; warnings: string[] };
}

/**
 * Imported boundaries persist across reloads in IndexedDB, in this browser only: nothing is sent
 * anywhere. Listed oldest first.
 */
export async function listStoredBoundaries(): Promise<StoredBoundarySet[]> {
  const all = (await (await openAtlasDb()).getAll(BOUNDARIES)) as StoredBoundarySet[];
  return all.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

export async function saveBoundaries(set: StoredBoundarySet): Promise<void> {
  await (await openAtlasDb()).put(BOUNDARIES, plainCopy(set));
}

export async function removeBoundaries(id: string): Promise<void> {
  await (await openAtlasDb()).delete(BOUNDARIES, id);
}
