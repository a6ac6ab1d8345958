/**
 * The frame of the PNG export, as drawing instructions: a title above the map image, then the
 * legend, the active filters, the sources and the attribution below it. Pure and testable: text is
 * measured with a function the caller passes (`CanvasRenderingContext2D.measureText` in the
 * browser; an estimate by default), and the result is a list of operations in output pixels that
 * a few lines of canvas code replay (`map` is where the map's own canvas is drawn).
 *
 * Sizes are given in CSS pixels and multiplied by `scale` (2 for print), so the same layout comes
 * out twice as large, never rearranged. Text wraps at word boundaries (a word longer than the line
 * is cut by characters) and never runs past the right margin.
 */

/** A legend symbol, mirroring the app's legend: class boxes, hatching, markers and marks. */
export type Swatch =
  | { kind: 'fill'; colour: string }
  /** "Not reported": diagonal hatching, never a colour that could read as a value. */
  | { kind: 'hatch'; colour: string; background: string }
  /** A solid marker or a city circle. */
  | { kind: 'dot'; colour: string }
  /** A hollow marker (date known only to month, year or period). */
  | { kind: 'ring'; colour: string }
  /** A wide halo (place known only to the region or country). */
  | { kind: 'halo'; colour: string; fill?: string }
  /** A text mark such as `*` (derived figure). */
  | { kind: 'mark'; text: string; colour?: string };

export interface LegendEntry {
  label: string;
  swatch: Swatch;
}

export interface FontSpec {
  /** Size in output pixels (already scaled). */
  size: number;
  weight: 400 | 600 | 700;
  style: 'normal' | 'italic';
}

/** The width in output pixels of `text` set in `font`. */
export type TextMeasure = (text: string, font: FontSpec) => number;

export interface FrameStyle {
  fontFamily: string;
  background: string;
  text: string;
  muted: string;
  line: string;
  swatchBorder: string;
  /** CSS pixels. */
  margin: number;
  gap: number;
  titleSize: number;
  subtitleSize: number;
  headingSize: number;
  textSize: number;
  smallSize: number;
  lineHeight: number;
}

/** The app's look (src/ui/global.css): Noto Sans, warm greys. */
export const DEFAULT_FRAME_STYLE: FrameStyle = {
  fontFamily: '"Noto Sans", system-ui, sans-serif',
  background: '#ffffff',
  text: '#1f1d1a',
  muted: '#6b665e',
  line: '#dedad2',
  swatchBorder: '#8a857b',
  margin: 16,
  gap: 8,
  titleSize: 20,
  subtitleSize: 13,
  headingSize: 13,
  textSize: 12,
  smallSize: 10,
  lineHeight: 1.3,
};

export interface FrameInput {
  title: string;
  subtitle?: string;
  legendTitle?: string;
  legend: readonly LegendEntry[];
  filtersTitle?: string;
  /** The active filters, one line each (`Years: 2011–2019`, `Incident categories: …`). */
  filters: readonly string[];
  sourcesTitle?: string;
  /** One formatted source each (`Title. Publisher, author, date (seed file)`). */
  sources: readonly string[];
  attribution: string;
  /** The map as displayed, in CSS pixels. */
  map: { width: number; height: number };
  /** Output pixels per CSS pixel: 1 for the screen, 2 for print. */
  scale?: number;
  measure?: TextMeasure;
  style?: Partial<FrameStyle>;
}

export type DrawOp =
  | {
      op: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      fill: string | null;
      stroke: string | null;
      lineWidth: number;
    }
  | {
      op: 'hatch';
      x: number;
      y: number;
      width: number;
      height: number;
      background: string;
      colour: string;
      /** Distance between hatch lines, at 45°. */
      spacing: number;
      lineWidth: number;
    }
  | { op: 'circle'; cx: number; cy: number; r: number; fill: string | null; stroke: string | null; lineWidth: number }
  /** `y` is the top of the line box (`textBaseline = 'top'`), `x` its left edge. */
  | { op: 'text'; text: string; x: number; y: number; font: string; size: number; colour: string; maxWidth: number }
  /** Where to draw the map canvas, scaled to this rectangle. */
  | { op: 'map'; x: number; y: number; width: number; height: number };

export interface FrameLayout {
  /** Output size in pixels. */
  width: number;
  height: number;
  scale: number;
  map: { x: number; y: number; width: number; height: number };
  /** In drawing order; the first fills the background. */
  ops: DrawOp[];
}

/** The CSS font shorthand for a canvas: `600 26px "Noto Sans", system-ui, sans-serif`. */
export function fontString(font: FontSpec, family: string = DEFAULT_FRAME_STYLE.fontFamily): string {
  return `${font.style === 'italic' ? 'italic ' : ''}${font.weight} ${font.size}px ${family}`;
}

/** A rough width for tests and for runtimes without canvas: 0.55 em per character (0.6 bold). */
export const estimateWidth: TextMeasure = (text, font) =>
  [...text].length * font.size * (font.weight >= 600 ? 0.6 : 0.55);

/** Greedy word wrap: lines no wider than `maxWidth`; a word too long for a line is cut by characters. */
export function wrapText(text: string, maxWidth: number, font: FontSpec, measure: TextMeasure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, font) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (measure(word, font) <= maxWidth) {
        line = word;
        continue;
      }
      let piece = '';
      for (const char of word) {
        if (piece && measure(piece + char, font) > maxWidth) {
          lines.push(piece);
          piece = '';
        }
        piece += char;
      }
      line = piece;
    }
    lines.push(line);
  }
  return lines;
}

/** Lays out the export frame around a map image of `input.map` CSS pixels. */
export function layoutFrame(input: FrameInput): FrameLayout {
  const style = { ...DEFAULT_FRAME_STYLE, ...input.style };
  const s = input.scale ?? 1;
  if (!(s > 0) || !(input.map.width > 0) || !(input.map.height > 0)) {
    throw new Error('PNG frame: the map size and scale must be positive');
  }
  const measure = input.measure ?? estimateWidth;
  const margin = style.margin * s;
  const gap = style.gap * s;
  const mapWidth = input.map.width * s;
  const mapHeight = input.map.height * s;
  const width = Math.round(mapWidth + 2 * margin);
  const contentWidth = width - 2 * margin;
  const ops: DrawOp[] = [];
  let y = margin;

  const font = (size: number, weight: FontSpec['weight'] = 400): FontSpec => ({
    size: size * s,
    weight,
    style: 'normal',
  });
  const lineHeight = (f: FontSpec) => f.size * style.lineHeight;
  /** Wrapped text at `x`, from `y` down; returns the y below it. */
  const text = (value: string, f: FontSpec, colour: string, x: number, top: number, maxWidth: number): number => {
    let at = top;
    for (const line of wrapText(value, maxWidth, f, measure)) {
      if (line !== '')
        ops.push({
          op: 'text',
          text: line,
          x,
          y: at,
          font: fontString(f, style.fontFamily),
          size: f.size,
          colour,
          maxWidth,
        });
      at += lineHeight(f);
    }
    return at;
  };

  ops.push({ op: 'rect', x: 0, y: 0, width, height: 0, fill: style.background, stroke: null, lineWidth: 0 });

  y = text(input.title, font(style.titleSize, 700), style.text, margin, y, contentWidth);
  if (input.subtitle) y = text(input.subtitle, font(style.subtitleSize), style.muted, margin, y, contentWidth);
  y += gap;

  const map = { x: margin, y, width: mapWidth, height: mapHeight };
  ops.push({ op: 'map', ...map });
  ops.push({ op: 'rect', ...map, fill: null, stroke: style.line, lineWidth: s });
  y += mapHeight + gap * 1.5;

  // Legend: entries flow left to right and wrap, each a swatch and its label.
  if (input.legend.length > 0) {
    if (input.legendTitle)
      y = text(input.legendTitle, font(style.headingSize, 600), style.text, margin, y, contentWidth) + gap / 2;
    const label = font(style.textSize);
    const swatchWidth = 22 * s;
    const swatchGap = 6 * s;
    const entryGap = 16 * s;
    const rowHeight = Math.max(18 * s, lineHeight(label));
    let x = margin;
    for (const entry of input.legend) {
      const available = contentWidth - swatchWidth - swatchGap;
      const lines = wrapText(entry.label, available, label, measure);
      const textWidth = Math.max(...lines.map((l) => measure(l, label)));
      const entryWidth = swatchWidth + swatchGap + textWidth;
      if (x > margin && x + entryWidth > margin + contentWidth) {
        x = margin;
        y += rowHeight + gap / 2;
      }
      const height = Math.max(rowHeight, lines.length * lineHeight(label));
      drawSwatch(ops, entry.swatch, x, y + (rowHeight - 18 * s) / 2, swatchWidth, 18 * s, s, style);
      const textTop = y + (rowHeight - lineHeight(label)) / 2;
      lines.forEach((line, i) =>
        ops.push({
          op: 'text',
          text: line,
          x: x + swatchWidth + swatchGap,
          y: textTop + i * lineHeight(label),
          font: fontString(label, style.fontFamily),
          size: label.size,
          colour: style.text,
          maxWidth: available,
        }),
      );
      if (lines.length > 1) {
        // A wrapped label takes the whole row.
        x = margin;
        y += height + gap / 2;
      } else {
        x += entryWidth + entryGap;
      }
    }
    if (x > margin) y += rowHeight;
    y += gap;
  }

  const block = (title: string | undefined, lines: readonly string[], f: FontSpec, colour: string) => {
    if (lines.length === 0) return;
    if (title) y = text(title, font(style.headingSize, 600), style.text, margin, y, contentWidth);
    for (const line of lines) y = text(line, f, colour, margin, y, contentWidth);
    y += gap;
  };
  block(input.filtersTitle, input.filters, font(style.textSize), style.text);
  block(input.sourcesTitle, input.sources, font(style.smallSize + 1), style.text);
  y = text(input.attribution, font(style.smallSize), style.muted, margin, y, contentWidth);

  const height = Math.round(y + margin);
  const background = ops[0];
  if (background?.op === 'rect') background.height = height;
  return { width, height, scale: s, map, ops };
}

function drawSwatch(
  ops: DrawOp[],
  swatch: Swatch,
  x: number,
  y: number,
  width: number,
  height: number,
  s: number,
  style: FrameStyle,
): void {
  const cx = x + width / 2;
  const cy = y + height / 2;
  switch (swatch.kind) {
    case 'fill':
      ops.push({
        op: 'rect',
        x,
        y: y + 3 * s,
        width,
        height: height - 6 * s,
        fill: swatch.colour,
        stroke: style.swatchBorder,
        lineWidth: s,
      });
      return;
    case 'hatch':
      ops.push({
        op: 'hatch',
        x,
        y: y + 3 * s,
        width,
        height: height - 6 * s,
        background: swatch.background,
        colour: swatch.colour,
        spacing: 4 * s,
        lineWidth: s,
      });
      ops.push({
        op: 'rect',
        x,
        y: y + 3 * s,
        width,
        height: height - 6 * s,
        fill: null,
        stroke: style.swatchBorder,
        lineWidth: s,
      });
      return;
    case 'dot':
      ops.push({ op: 'circle', cx, cy, r: 6 * s, fill: swatch.colour, stroke: null, lineWidth: 0 });
      return;
    case 'ring':
      ops.push({ op: 'circle', cx, cy, r: 5.5 * s, fill: '#ffffff', stroke: swatch.colour, lineWidth: 2.5 * s });
      return;
    case 'halo':
      ops.push({
        op: 'circle',
        cx,
        cy,
        r: 9 * s,
        fill: swatch.fill ?? 'rgba(85, 85, 85, 0.15)',
        stroke: swatch.colour,
        lineWidth: s,
      });
      return;
    case 'mark': {
      const size = 14 * s;
      ops.push({
        op: 'text',
        text: swatch.text,
        x: cx - size * 0.3,
        y: cy - size * 0.65,
        font: fontString({ size, weight: 700, style: 'normal' }, style.fontFamily),
        size,
        colour: swatch.colour ?? style.text,
        maxWidth: width,
      });
      return;
    }
  }
}
