/**
 * Turning the bytes of a user's file into text. Excel in a Russian locale saves "CSV" as Windows-1251
 * and "Unicode text" as UTF-16 LE with a byte-order mark; other tools write UTF-8 with or without one.
 * Nothing here throws: undecodable bytes become U+FFFD and a warning says so.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  /** The text without its byte-order mark, every line ending (CRLF, CR, LF) written as `\n`. */
  text: string;
  encoding: TextEncodingName;
  warnings: string[];
}

/** How many leading bytes the NUL-pattern test of UTF-16 without a byte-order mark looks at. */
const SAMPLE = 4096;

const startsWith = (bytes: Uint8Array, ...prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/**
 * Tells UTF-16 without a byte-order mark by its NUL bytes: text that is mostly ASCII (digits,
 * delimiters, line ends, Latin headers) has a NUL in every other byte, odd ones for little-endian.
 */
function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.02) return 'utf-16le';
  if (even >= pairs * 0.3 && odd <= pairs * 0.02) return 'utf-16be';
  return null;
}

const CUT_SHORT = 'the file ends in the middle of a character (cut short?); its last bytes were dropped';

/** Decodes without ever throwing; says how many characters could not be decoded. */
function lenient(label: string, bytes: Uint8Array, warnings: string[]): string {
  const decoder = new TextDecoder(label, { ignoreBOM: true });
  const text = decoder.decode(bytes, { stream: true });
  if (decoder.decode() !== '') warnings.push(CUT_SHORT);
  const lost = (text.match(/\uFFFD/g) ?? []).length;
  if (lost > 0) warnings.push(`${lost} character(s) could not be decoded as ${label} and show as "\uFFFD"`);
  return text;
}

/**
 * Strict UTF-8, or null when the bytes are not. A file cut inside its last character is still
 * UTF-8 when it holds other non-ASCII characters (it was cut short, not written in another encoding).
 */
function strictUtf8(bytes: Uint8Array, warnings: string[]): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    const text = decoder.decode(bytes, { stream: true });
    try {
      decoder.decode();
    } catch {
      if (!/[\u0080-\uffff]/.test(text)) return null;
      warnings.push(CUT_SHORT);
    }
    return text;
  } catch {
    return null;
  }
}

/**
 * Mixed CRLF, CR and LF line ends become `\n`, one for one, so line numbers stay those an editor shows.
 *
 * @example normalizeLineEnds('a\r\nb\rc\n') // 'a\nb\nc\n'
 */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Decodes a user's file: byte-order mark first (UTF-8, UTF-16 LE/BE), then UTF-16 by its NUL
 * bytes, then strict UTF-8, and when that fails Windows-1251 (with a warning naming the offset).
 *
 * @example decodeText(Uint8Array.of(0xc4, 0xe0, 0xf2, 0xe0)) // { text: 'Дата', encoding: 'windows-1251', warnings: ['not valid UTF-8 …'] }
 * @example decodeText(Uint8Array.of(0xff, 0xfe, 0x31, 0x00)) // { text: '1', encoding: 'utf-16le', warnings: [] }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const warnings: string[] = [];
  const done = (text: string, encoding: TextEncodingName): DecodedText => ({
    text: normalizeLineEnds(text),
    encoding,
    warnings,
  });
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return done(lenient('utf-8', bytes.subarray(3), warnings), 'utf-8-bom');
  if (startsWith(bytes, 0xff, 0xfe)) return done(lenient('utf-16le', bytes.subarray(2), warnings), 'utf-16le');
  if (startsWith(bytes, 0xfe, 0xff)) return done(lenient('utf-16be', bytes.subarray(2), warnings), 'utf-16be');
  const utf16 = utf16ByNuls(bytes);
  if (utf16) {
    warnings.push(`no byte-order mark, but the NUL bytes say ${utf16.toUpperCase()}: read as such`);
    return done(lenient(utf16, bytes, warnings), utf16);
  }
  const utf8 = strictUtf8(bytes, warnings);
  if (utf8 !== null) return done(utf8, 'utf-8');
  warnings.push(
    `the file is not valid UTF-8 (byte ${bytes.findIndex((b) => b >= 0x80) + 1} is the first that is not ASCII); read as Windows-1251, the Cyrillic encoding of Excel's CSV`,
  );
  return done(lenient('windows-1251', bytes, warnings), 'windows-1251');
}
