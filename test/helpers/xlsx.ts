/**
 * Small Excel workbooks made in the tests themselves (write-excel-file), so that the .xlsx readers
 * are tested on files whose every cell the test states. `title` adds the metadata title that the
 * prosecutors' workbooks carry (docProps/core.xml), which write-excel-file does not write.
 */
import writeExcelFile from 'write-excel-file/node';
import { strToU8, unzipSync, zipSync } from 'fflate';

export type Cell = string | number | null;

export async function workbook(
  sheets: readonly { sheet: string; rows: readonly (readonly Cell[])[] }[],
  title?: string,
): Promise<Uint8Array> {
  const width = Math.max(...sheets.flatMap((s) => s.rows.map((r) => r.length)), 1);
  // Every row as wide as the widest: write-excel-file wants rectangular data.
  const data = sheets.map((s) => ({
    sheet: s.sheet,
    data: s.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
  }));
  const bytes = new Uint8Array(await writeExcelFile(data as never).toBuffer());
  if (title === undefined) return bytes;
  const files = unzipSync(bytes);
  files['docProps/core.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title}</dc:title></cp:coreProperties>`,
  );
  return zipSync(files);
}

/** A sheet laid out as the prosecutors' Form 1-M, sheet R1: three heading rows, the numbering, nine rows. */
export const FORM_1M_ROWS: readonly (readonly Cell[])[] = [
  [],
  ['Форма отчета № 1-М «О зарегистрированных уголовных правонарушениях»'],
  ['Раздел 1. Сведения о зарегистрированных уголовных правонарушениях'],
  [
    'Наименование показателей',
    null,
    null,
    'Шифр строки',
    'Количество правонарушений, уголовные дела о которых находились в производстве в отчетном периоде',
    'Количество правонарушений, зарегистрированных в ЕРДР в отчетном периоде',
    'из графы 2',
  ],
  [null, null, null, null, null, null, 'в отношении женщин'],
  ['А', null, null, 'Б', 1, 2, 3],
  ['Всего правонарушений', null, null, 1, 30, 25, 4],
  ['из них', 'проступки', null, 2, 5, 4, 1],
  [null, 'Глава 10. Уголовные правонарушения против общественной безопасности', null, 3, 9, 8, 0],
  [null, 'из них', 'Акт терроризма (ст.255)', 4, 2, 2, 0],
  [null, null, 'Пропаганда терроризма или публичные призывы к совершению акта терроризма (ст.256)', 5, 4, 3, 1],
  [null, null, 'Заведомо ложное сообщение об акте терроризма (ст.273)', 6, 3, null, 0],
  [null, null, '(Смерть лица) Факт криминальной смерти не установлен (ст.001)', 7, 1, 1, 0],
  [null, null, 'Приготовление, покушение на убийство (ст.24 ч.1, ст.99 УК)', 8, 1, 1, 0],
  [null, null, 'Убийство (ст.99 ч.1)', 9, 6, 6, 2],
];
