/**
 * What the share controls hand out and the page's own address, as pure functions of the state: the
 * link of the current view, the embed snippet, the query the address bar shows, and the legend's
 * count of units not reported. The exports' files are in `export-files.ts`, loaded on demand.
 */
import { withLangParam, type UiLang } from '../i18n/language.ts';

/** The link of a view (`query` without `?`), carrying its language so that it opens as shared. */
export function shareLink(base: string, query: string, lang: UiLang): string {
  const withLang = withLangParam(query, lang);
  return `${base}${withLang ? `?${withLang}` : ''}`;
}

/** The same view for an iframe: `?embed&…`. */
export function embedLink(base: string, query: string, lang: UiLang): string {
  const withLang = withLangParam(query, lang);
  return `${base}?embed${withLang ? `&${withLang}` : ''}`;
}

/** An attribute value for HTML text: `&`, `"`, `<` and `>` escaped. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The iframe snippet a site pastes to embed the view (text for a textarea, never rendered as HTML). */
export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${attribute(src)}" width="800" height="600" title="${attribute(title)}" loading="lazy"></iframe>`;
}

/** The query of the current view as the address bar shows it: `embed` first in embed mode. */
export function pageQuery(query: string, embed: boolean): string {
  if (!embed) return query;
  return query ? `embed&${query}` : 'embed';
}

/** How many units the legend marks "not reported" (in either period, when comparing). */
export function unreportedCount(
  changes: { units: readonly { status: string }[] } | null,
  choropleth: { regions: readonly { status: string }[] } | null,
): number {
  return changes
    ? changes.units.filter((c) => c.status !== 'both').length
    : (choropleth?.regions.filter((r) => r.status === 'not_reported').length ?? 0);
}
