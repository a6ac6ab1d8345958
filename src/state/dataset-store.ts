import { DATASETS, openAtlasDb, plainCopy } from './db.ts';
import type { FileReport, Statistic } from '../core/types.ts';
import type { UserIncident } from '../core/userdata/read-incidents.ts';

/** A user's imported data file as kept in this browser: its accepted records and its report. */
export interface StoredDataset {
  id: string;
  fileName: string;
  addedAt: string;
  kind: 'incidents' | 'statistics';
  /** Shown on the map; hidden datasets stay stored. */
  visible: boolean;
  incidents: UserIncident[];
  statistics: Statistic[];
  report: FileReport;
  warnings: string[];
}

/** Imported datasets, oldest first. They never leave the browser. */
export async function listStoredDatasets(): Promise<StoredDataset[]> {
  const all = (await (await openAtlasDb()).getAll(DATASETS)) as StoredDataset[];
  return all.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

/** How many imported datasets are kept, without reading them. */
export async function countStoredDatasets(): Promise<number> {
  return (await openAtlasDb()).count(DATASETS);
}

export async function saveDataset(dataset: StoredDataset): Promise<void> {
  await (await openAtlasDb()).put(DATASETS, plainCopy(dataset));
}

export async function removeDataset(id: string): Promise<void> {
  await (await openAtlasDb()).delete(DATASETS, id);
}
