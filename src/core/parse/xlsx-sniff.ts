/**
 * What needs no workbook reader (xlsx.ts, which loads read-excel-file): telling a workbook from a
 * text file by its first bytes, and naming a sheet's columns.
 */

/** Whether the bytes are a ZIP archive, as an .xlsx workbook is (an .xls or a CSV file is not). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** `A` for column 0, `Z` for 25, `AA` for 26. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
