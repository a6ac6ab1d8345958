/**
 * The public spreadsheets the curated rows of population.csv (2020-2023) and statistics.csv (the
 * prosecutors' Form 1-M and Form SNG-1 of 2022) were read from: where each copy lives (repository,
 * commit, file), how to read a cell of it, and the words that cite it. Used by the curation script
 * (curate-workbooks.ts), which writes the rows, and by the test that reads the workbooks again and
 * compares every curated figure with its cell (test/unit/workbooks.test.ts).
 *
 * The workbooks are not part of this repository: they are read from bare git copies of the
 * repositories (`ATLAS_MIRROR`, by default `../.mirror/<owner>+<name>/repo` beside the checkout).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSheetCells, type SheetCells } from '../core/parse/xlsx.ts';

/** Where bare git copies of the source repositories are looked for. */
export const MIRROR = process.env['ATLAS_MIRROR'] ?? resolve(import.meta.dirname, '../../../.mirror');

export interface WorkbookRepo {
  /** `owner/name` on GitHub. */
  repo: string;
  /** The commit the files are read at (full hash). */
  commit: string;
}

export const POPULATION_REPO: WorkbookRepo = {
  repo: 'open-data-kazakhstan/population-projections-by-regions',
  // The commit that last changed archive/source.xlsx ("data update", 2023-07-21).
  commit: '1cc68b9feeab6e30696c30142230e182f02eac78',
};

export const FORM_1M_REPO: WorkbookRepo = {
  repo: 'open-data-kazakhstan/city-crime',
  // The files were renamed (Russian to English names) at e43f77e; their bytes are those of 8c7f297d.
  commit: '36f86785a2ef0cf70b400464f31e87cbe60b0894',
};

export const FORM_SNG1_REPO: WorkbookRepo = {
  repo: 'open-data-kazakhstan/city-clearance-rate',
  // The second download of the form (21bed9c, 2024-05-15), unchanged since.
  commit: '1d42b52430595c2d1ba3bb68413d81d0a60ffcc1',
};

/** The bare git copy of a repository, or null when it is not on this machine. */
export function mirrorOf(repo: WorkbookRepo): string | null {
  const dir = join(MIRROR, `${repo.repo.replace('/', '+')}`, 'repo');
  return existsSync(dir) ? dir : null;
}

/** A file's bytes at the repository's commit, read from its bare git copy. */
export function fileAt(repo: WorkbookRepo, path: string): Uint8Array {
  const dir = mirrorOf(repo);
  if (!dir) throw new Error(`${repo.repo} is not in ${MIRROR} (fetch it first)`);
  return execFileSync('git', ['--git-dir', dir, 'show', `${repo.commit}:${path}`], { maxBuffer: 64 << 20 });
}

/** The web address of a file at the commit, as sources.csv names it. */
export function blobUrl(repo: WorkbookRepo, path: string): string {
  return `https://github.com/${repo.repo}/blob/${repo.commit}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** One sheet of a file at the commit. */
export async function sheetAt(repo: WorkbookRepo, path: string, sheet: string): Promise<SheetCells> {
  return readSheetCells(fileAt(repo, path), sheet);
}

/** How a spreadsheet cell is cited: `archive/x.XLSX, sheet R1, cell F7`. */
export function cellCitation(path: string, sheet: string, address: string): string {
  return `${path}, sheet ${sheet}, cell ${address}`;
}

/**
 * How a spreadsheet cell is quoted: its row's label, its column's heading and its value, each as
 * the sheet has them (whitespace runs made single spaces), joined by " | ".
 */
export function cellQuote(rowLabel: string, columnHeading: string, value: string | number): string {
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
  return [clean(rowLabel), clean(columnHeading), String(value)].join(' | ');
}
