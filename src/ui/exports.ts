/**
 * Everything the Export menu runs (the CSV and GeoJSON writers, the PNG frame and its drawing), in
 * one module so that the menu loads it with the first export.
 */
export { exportFileName, incidentsCsv, incidentsGeoJson, mapFrame, statisticsCsv } from './export-files.ts';
export { downloadBlob, downloadText, renderFrame } from './download.ts';
export { DEFAULT_FRAME_STYLE } from '../core/export/png.ts';
