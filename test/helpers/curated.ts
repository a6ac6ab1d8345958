/**
 * The curated data as the app reads it, for tests that need real records: read from static/data
 * through the same validation as the app and `data:check`.
 */
import { readFileSync } from 'node:fs';
import { readDataset, type Dataset } from '../../src/core/data/dataset.ts';
import { layoutsDuring, placeById, unitById } from '../../src/core/gazetteer.ts';

const file = (kind: string) => ({
  file: `static/data/${kind}.csv`,
  text: readFileSync(new URL(`../../static/data/${kind}.csv`, import.meta.url), 'utf8'),
});

export function curatedDataset(): Dataset {
  return readDataset(
    {
      sources: file('sources'),
      incidents: file('incidents'),
      statistics: file('statistics'),
      national: file('national'),
      population: file('population'),
    },
    { unitById, placeById, layoutsDuring },
  );
}
