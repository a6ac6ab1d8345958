/** Which files the data panel takes; apart from user-file.ts so that the panel loads without the reader. */

/** Files the panel takes: delimited text (Excel's CSV and "Unicode text", TSV) and Excel workbooks. */
export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'] as const;

/** Whether a file's name says it is an Excel workbook (.xlsx), read sheet by sheet. */
export function isWorkbookName(name: string): boolean {
  return name.toLowerCase().endsWith('.xlsx');
}

/** Whether a file's name ends in one of the accepted extensions. */
export function isDataFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
