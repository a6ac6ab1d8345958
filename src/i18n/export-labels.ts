/**
 * The label columns' words of the CSV and GeoJSON exports (`core/export/filtered.ts`) in one
 * interface language: the core writes the codes and asks these for the words.
 */
import type { ExportLabels } from '../core/export/filtered.ts';
import { createTranslator, formatArticle, formatEventDates, formatFuzzyRange } from './translate.ts';
import type { UiLang } from './language.ts';
import { placeName, unitName } from './units.ts';

export function exportLabels(lang: UiLang): ExportLabels {
  const t = createTranslator(lang);
  return {
    category: (category) => t(`category.${category}`),
    metric: (metric) => (t.has(`metric.${metric}`) ? t.dynamic(`metric.${metric}`) : null),
    article: (ref) => formatArticle(ref, lang),
    dates: (start, end) => formatFuzzyRange(start, end, lang),
    eventDates: (statements) => formatEventDates(statements, lang),
    unit: (unit) => unitName(unit, lang, 'full'),
    place: (place) => placeName(place, lang),
  };
}
