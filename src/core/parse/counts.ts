import type { Count } from '../types.ts';

const COUNT = /^(>=|>|~)?\s*(\d+(?:\.\d+)?)$/;
const QUALIFIERS = { '>': 'more_than', '>=': 'at_least', '~': 'about', '': 'exact' } as const;

/**
 * Reads a count as sources state it: `12`, `>950` (more than), `>=10` (at least), `~600` (about).
 * Thousands separators (`1,800`, `1 800`) are accepted. A blank cell is "not reported", which is
 * not a count: callers keep it as null and never as 0.
 *
 * @example parseCount('>950') // { value: 950, qualifier: 'more_than', text: '>950' }
 */
export function parseCount(text: string): Count | { error: string } {
  const trimmed = text.trim();
  const compact = trimmed.replace(/(\d)[,\u00a0 ](?=\d{3}\b)/g, '$1');
  const match = COUNT.exec(compact);
  if (!match) {
    return { error: `"${text}" is not a count; write 12, >950, >=10 or ~600 (blank if not reported)` };
  }
  const prefix = (match[1] ?? '') as keyof typeof QUALIFIERS;
  return { value: Number(match[2]), qualifier: QUALIFIERS[prefix], text: trimmed };
}

const PREFIX: Record<Count['qualifier'], string> = {
  exact: '',
  more_than: 'more than ',
  at_least: 'at least ',
  about: 'about ',
};

/** A count in words for panels and legends: `more than 950`. */
export function formatCount(count: Count, locale = 'en'): string {
  return PREFIX[count.qualifier] + count.value.toLocaleString(locale);
}
