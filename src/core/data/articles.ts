const ARTICLE = /^(1997|2014):(\d+(?:-\d+)?)(?:\.(\d+))?$/;

/** A Criminal Code reference that always carries its code edition. */
export interface ArticleRef {
  edition: '1997' | '2014';
  article: string;
  part: string;
}

/**
 * Reads `<edition>:<article>[.<part>]`, e.g. `2014:256.2`. Article numbers of the 1997 and 2014
 * codes differ, so a reference without its edition is refused rather than guessed.
 */
export function parseArticle(text: string): ArticleRef | { error: string } {
  const match = ARTICLE.exec(text.trim());
  if (!match) return { error: `"${text}" is not an article reference; write 2014:256.2 or 1997:233` };
  return { edition: match[1] as '1997' | '2014', article: match[2] ?? '', part: match[3] ?? '' };
}

/** The key a figure of no single article (all offences, a group of articles) has: `2014:*`, or `*`. */
export const NO_ARTICLE = '*';

/** The key used in filters and URLs: `2014:256.2`, `2014:273`; `2014:*` for no single article. */
export function articleKey(ref: ArticleRef): string {
  if (!ref.article) return ref.edition ? `${ref.edition}:${NO_ARTICLE}` : NO_ARTICLE;
  return `${ref.edition}:${ref.article}${ref.part ? `.${ref.part}` : ''}`;
}

/** `Art. 256 part 2 (2014 code)`; `no single article (2014 code)`. */
export function articleLabel(ref: ArticleRef): string {
  if (!ref.article) return ref.edition ? `no single article (${ref.edition} code)` : 'no single article';
  return `Art. ${ref.article}${ref.part ? ` part ${ref.part}` : ''} (${ref.edition} code)`;
}

/**
 * Orders article keys as the code does: by edition (1997 before 2014), "no single article" first,
 * then by article number (`99` before `120`, `233` before `233-3`), then by part.
 */
export function compareArticleKeys(a: string, b: string): number {
  const parts = (key: string) => {
    const [edition = '', rest = ''] = key.includes(':') ? key.split(':') : ['', key];
    const [article = '', part = ''] = rest.split('.');
    const numbers = article === NO_ARTICLE ? [-1] : article.split('-').map((n) => Number(n));
    return { edition, numbers, part: part === '' ? -1 : Number(part), key };
  };
  const x = parts(a);
  const y = parts(b);
  if (x.edition !== y.edition) return x.edition < y.edition ? -1 : 1;
  for (let i = 0; i < Math.max(x.numbers.length, y.numbers.length); i++) {
    const d = (x.numbers[i] ?? -1) - (y.numbers[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  if (x.part !== y.part && !Number.isNaN(x.part - y.part)) return x.part - y.part;
  return x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
}
