/**
 * The fields of the gazetteer's records that only the details of a selection and the readers of
 * users' files use: codes, other spellings, history, coordinate notes. The page's start-up
 * gazetteer (gazetteer.ts) is bundled without them (vite.config.ts, `gazetteerStartFields`);
 * gazetteer-details.ts reads the records whole. types.ts derives `Unit` and `Place` from these.
 */
export const UNIT_DETAIL_FIELDS = [
  'pcode',
  'isoNumeric',
  'isoLetter',
  'hasc',
  'aliases',
  'historicalNames',
  'history',
] as const;

export const PLACE_DETAIL_FIELDS = ['aliases', 'coordNote'] as const;
