import type { FontFacesSpecification } from 'maplibre-gl';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import cyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillicExt from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2?url';

/**
 * Noto Sans files bundled by Vite and handed to MapLibre's `font-faces`, so that Latin, Russian and
 * Kazakh labels (ә, ғ, қ, ң, ө, ұ, ү, һ, і live in Cyrillic Extended) render with no glyph server.
 * Unicode ranges are fontsource's own.
 */
export const fontFaces: FontFacesSpecification = {
  'Noto Sans Regular': [
    {
      url: latin,
      'unicode-range': [
        'U+0000-00FF',
        'U+0131',
        'U+0152-0153',
        'U+02BB-02BC',
        'U+02C6',
        'U+02DA',
        'U+02DC',
        'U+2000-206F',
        'U+20AC',
        'U+2122',
        'U+2212',
        'U+FEFF',
        'U+FFFD',
      ],
    },
    {
      url: latinExt,
      'unicode-range': [
        'U+0100-02BA',
        'U+02BD-02C5',
        'U+02C7-02CC',
        'U+02CE-02D7',
        'U+02DD-02FF',
        'U+0304',
        'U+0308',
        'U+0329',
        'U+1E00-1E9F',
        'U+1EF2-1EFF',
        'U+20A0-20AB',
        'U+20AD-20C0',
        'U+2C60-2C7F',
        'U+A720-A7FF',
      ],
    },
    { url: cyrillic, 'unicode-range': ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'] },
    {
      url: cyrillicExt,
      'unicode-range': ['U+0460-052F', 'U+1C80-1C8A', 'U+20B4', 'U+2DE0-2DFF', 'U+A640-A69F', 'U+FE2E-FE2F'],
    },
  ],
};
