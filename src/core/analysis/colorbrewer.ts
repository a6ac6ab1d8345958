/**
 * The ColorBrewer palettes the atlas offers, by number of classes: `COLORBREWER.Blues[5]` is the
 * five-class Blues scheme, light to dark (diverging ones run from their first hue to their second).
 *
 * Colours from ColorBrewer 2.0 by Cynthia A. Brewer, Geography, Pennsylvania State University
 * (Apache License 2.0), exactly as d3-scale-chromatic 3 ships them (a unit test compares every
 * scheme). Kept here because d3-scale-chromatic builds a colour interpolator for each of its 30-odd
 * palettes when it is imported (about 9 KB gzip with d3-color and d3-interpolate), and the atlas
 * only needs these discrete schemes.
 */

/** `'ffeda0feb24c…'` (six hex digits per colour) → `['#ffeda0', '#feb24c', …]`. */
function colours(packed: string): readonly string[] {
  return Array.from({ length: packed.length / 6 }, (_, i) => `#${packed.slice(i * 6, i * 6 + 6)}`);
}

/** Schemes from 3 classes up: index n holds the n-class scheme; indexes 0-2 are empty. */
function schemes(packed: readonly string[]): readonly (readonly string[])[] {
  return [[], [], [], ...packed.map(colours)];
}

export const COLORBREWER = {
  YlOrRd: schemes([
    'ffeda0feb24cf03b20',
    'ffffb2fecc5cfd8d3ce31a1c',
    'ffffb2fecc5cfd8d3cf03b20bd0026',
    'ffffb2fed976feb24cfd8d3cf03b20bd0026',
    'ffffb2fed976feb24cfd8d3cfc4e2ae31a1cb10026',
    'ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cb10026',
    'ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cbd0026800026',
  ]),
  Blues: schemes([
    'deebf79ecae13182bd',
    'eff3ffbdd7e76baed62171b5',
    'eff3ffbdd7e76baed63182bd08519c',
    'eff3ffc6dbef9ecae16baed63182bd08519c',
    'eff3ffc6dbef9ecae16baed64292c62171b5084594',
    'f7fbffdeebf7c6dbef9ecae16baed64292c62171b5084594',
    'f7fbffdeebf7c6dbef9ecae16baed64292c62171b508519c08306b',
  ]),
  Purples: schemes([
    'efedf5bcbddc756bb1',
    'f2f0f7cbc9e29e9ac86a51a3',
    'f2f0f7cbc9e29e9ac8756bb154278f',
    'f2f0f7dadaebbcbddc9e9ac8756bb154278f',
    'f2f0f7dadaebbcbddc9e9ac8807dba6a51a34a1486',
    'fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a34a1486',
    'fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a354278f3f007d',
  ]),
  Greens: schemes([
    'e5f5e0a1d99b31a354',
    'edf8e9bae4b374c476238b45',
    'edf8e9bae4b374c47631a354006d2c',
    'edf8e9c7e9c0a1d99b74c47631a354006d2c',
    'edf8e9c7e9c0a1d99b74c47641ab5d238b45005a32',
    'f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45005a32',
    'f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45006d2c00441b',
  ]),
  YlGnBu: schemes([
    'edf8b17fcdbb2c7fb8',
    'ffffcca1dab441b6c4225ea8',
    'ffffcca1dab441b6c42c7fb8253494',
    'ffffccc7e9b47fcdbb41b6c42c7fb8253494',
    'ffffccc7e9b47fcdbb41b6c41d91c0225ea80c2c84',
    'ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea80c2c84',
    'ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea8253494081d58',
  ]),
  RdBu: schemes([
    'ef8a62f7f7f767a9cf',
    'ca0020f4a58292c5de0571b0',
    'ca0020f4a582f7f7f792c5de0571b0',
    'b2182bef8a62fddbc7d1e5f067a9cf2166ac',
    'b2182bef8a62fddbc7f7f7f7d1e5f067a9cf2166ac',
    'b2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac',
    'b2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac',
    '67001fb2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac053061',
    '67001fb2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac053061',
  ]),
  PuOr: schemes([
    '998ec3f7f7f7f1a340',
    '5e3c99b2abd2fdb863e66101',
    '5e3c99b2abd2f7f7f7fdb863e66101',
    '542788998ec3d8daebfee0b6f1a340b35806',
    '542788998ec3d8daebf7f7f7fee0b6f1a340b35806',
    '5427888073acb2abd2d8daebfee0b6fdb863e08214b35806',
    '5427888073acb2abd2d8daebf7f7f7fee0b6fdb863e08214b35806',
    '2d004b5427888073acb2abd2d8daebfee0b6fdb863e08214b358067f3b08',
    '2d004b5427888073acb2abd2d8daebf7f7f7fee0b6fdb863e08214b358067f3b08',
  ]),
  BrBG: schemes([
    'd8b365f5f5f55ab4ac',
    'a6611adfc27d80cdc1018571',
    'a6611adfc27df5f5f580cdc1018571',
    '8c510ad8b365f6e8c3c7eae55ab4ac01665e',
    '8c510ad8b365f6e8c3f5f5f5c7eae55ab4ac01665e',
    '8c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e',
    '8c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e',
    '5430058c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e003c30',
    '5430058c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e003c30',
  ]),
} as const satisfies Record<string, readonly (readonly string[])[]>;
