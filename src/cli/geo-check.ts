/**
 * `npm run geo:check -- <file> [--json] [--date=YYYY-MM-DD] [--layout=A|B|C]`
 *
 * Imports a boundary file (GeoJSON, TopoJSON or zipped shapefile) the way the app does and reports
 * its format, level, layout and why, the features matched to units, every unmatched feature with
 * the reason and candidates, duplicates and warnings. `--json` prints one object: file, features,
 * layout, matched, unmatched, warnings.
 * Exit status 1 when a feature is unmatched, 2 when the file cannot be read or on a usage error.
 */
import { readFileSync } from 'node:fs';
import {
  importBoundaries,
  toGeoCheckJson,
  type BoundaryImport,
  type ImportOptions,
} from '../core/boundaries/import.ts';
import type { LayoutId } from '../core/types.ts';

const USAGE = 'usage: npm run geo:check -- <file> [--json] [--date=YYYY-MM-DD] [--layout=A|B|C]';

function printText(result: BoundaryImport): void {
  const { fields } = result;
  const level = result.level === 'adm2' ? 'district level' : 'region level';
  console.log(`${result.file}: ${result.format}, ${result.features.length} features, ${level} (${result.levelReason})`);
  console.log(`layout ${result.layout}: ${result.layoutReason}`);
  const code = fields.code ? `${fields.code.field} (${fields.code.kind})` : 'none';
  const names = fields.names.map((n) => n.field).join(', ') || 'none';
  const date = fields.date ? `; date: ${fields.date.field} = ${fields.date.value}` : '';
  console.log(`codes: ${code}; names: ${names}${date}`);
  const units = new Set(result.matched.map((m) => m.unit.id)).size;
  console.log(`matched ${result.matched.length} of ${result.features.length} features to ${units} units`);
  if (result.unmatched.length > 0) console.log('unmatched:');
  for (const u of result.unmatched) {
    const candidates = u.candidates.length > 0 ? ` (candidates: ${u.candidates.join(', ')})` : '';
    console.log(`  feature ${u.index}: ${u.reason}${candidates}`);
  }
  if (result.duplicates.length > 0) console.log('duplicates:');
  for (const d of result.duplicates) console.log(`  ${d.unit}: features ${d.indexes.join(', ')}`);
  for (const w of result.warnings) console.log(`warning: ${w}`);
}

/** Reads `--name=value` options; returns an error message for anything else starting with `--`. */
function readOptions(flags: string[]): ImportOptions | string {
  const options: ImportOptions = {};
  for (const flag of flags) {
    const [key, value] = flag.split('=', 2);
    if (key === '--date' && value) options.date = value;
    else if (key === '--layout' && (value === 'A' || value === 'B' || value === 'C'))
      options.layout = value as LayoutId;
    else if (flag !== '--json') return `unknown option ${flag}`;
  }
  return options;
}

async function main(argv: string[]): Promise<number> {
  const files = argv.filter((a) => !a.startsWith('--'));
  const options = readOptions(argv.filter((a) => a.startsWith('--')));
  if (typeof options === 'string' || files.length !== 1) {
    console.error(`geo:check: ${typeof options === 'string' ? options : 'give one file'}; ${USAGE}`);
    return 2;
  }
  const file = files[0]!;
  let result: BoundaryImport;
  try {
    const bytes = readFileSync(file);
    result = await importBoundaries(file, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
  } catch (error) {
    const message = (error as Error).message;
    console.error(`geo:check: ${message.startsWith(`${file}: `) ? message : `${file}: ${message}`}`);
    return 2;
  }
  if (argv.includes('--json')) console.log(JSON.stringify(toGeoCheckJson(result, file)));
  else printText(result);
  return result.unmatched.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
