import type { DatePrecision, IncidentCategory, LocationPrecision } from '../core/types.ts';

/**
 * The English words for the data's codes, as the English catalogue (`src/i18n/messages/en.ts`)
 * words them. The interface itself shows `t('category.…')`, `t('precision.…')` in the chosen
 * language; these English tables remain as the reference the i18n tests hold the catalogue to.
 */
export const CATEGORY_LABELS: Record<IncidentCategory, string> = {
  attack: 'Attack',
  foiled_plot: 'Foiled plot',
  detention: 'Detention',
  security_operation: 'Security operation',
  conviction: 'Conviction',
  extradition: 'Extradition',
  unrest: 'Unrest',
};

export const DATE_PRECISION_LABELS: Record<DatePrecision, string> = {
  day: 'exact day',
  month: 'month only',
  year: 'year only',
  period: 'a period',
};

export const LOCATION_PRECISION_LABELS: Record<LocationPrecision, string> = {
  exact: 'exact place',
  town: 'town or city',
  district: 'district',
  region: 'region only',
  country: 'country only',
};
