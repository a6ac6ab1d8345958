/**
 * The browser side of exporting: saving a file through a Blob and `<a download>`, and replaying
 * the PNG frame's drawing operations on a canvas.
 * Everything is drawn or written as text; nothing is parsed as HTML.
 */
import { fontString, layoutFrame, type DrawOp, type FrameInput, type FrameLayout } from '../core/export/png.ts';

/** Saves a Blob as a file under `name`. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is released a little later for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves text (CSV, GeoJSON) as a UTF-8 file. */
export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** Makes sure the fonts the frame uses are loaded, so that measuring and drawing agree. */
async function loadFonts(family: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = 'Aa Жж Әә Ққ Өө 0123';
  await Promise.all(
    [400, 600, 700].map((weight) => document.fonts.load(`${weight} 16px ${family}`, sample).catch(() => [])),
  );
}

function draw(context: CanvasRenderingContext2D, op: DrawOp, map: CanvasImageSource): void {
  switch (op.op) {
    case 'rect':
      if (op.fill) {
        context.fillStyle = op.fill;
        context.fillRect(op.x, op.y, op.width, op.height);
      }
      if (op.stroke) {
        context.strokeStyle = op.stroke;
        context.lineWidth = op.lineWidth;
        context.strokeRect(op.x, op.y, op.width, op.height);
      }
      return;
    case 'hatch':
      context.save();
      context.beginPath();
      context.rect(op.x, op.y, op.width, op.height);
      context.clip();
      context.fillStyle = op.background;
      context.fillRect(op.x, op.y, op.width, op.height);
      context.strokeStyle = op.colour;
      context.lineWidth = op.lineWidth;
      context.beginPath();
      for (let d = -op.height; d < op.width; d += op.spacing) {
        context.moveTo(op.x + d, op.y + op.height);
        context.lineTo(op.x + d + op.height, op.y);
      }
      context.stroke();
      context.restore();
      return;
    case 'circle':
      context.beginPath();
      context.arc(op.cx, op.cy, op.r, 0, 2 * Math.PI);
      if (op.fill) {
        context.fillStyle = op.fill;
        context.fill();
      }
      if (op.stroke) {
        context.strokeStyle = op.stroke;
        context.lineWidth = op.lineWidth;
        context.stroke();
      }
      return;
    case 'text':
      context.font = op.font;
      context.fillStyle = op.colour;
      context.textBaseline = 'top';
      context.fillText(op.text, op.x, op.y, op.maxWidth);
      return;
    case 'map':
      context.drawImage(map, op.x, op.y, op.width, op.height);
      return;
  }
}

/**
 * Lays out the frame with the canvas's own text measure and draws it around the map image,
 * returning the PNG and its layout.
 */
export async function renderFrame(
  input: FrameInput,
  map: CanvasImageSource,
  family: string,
): Promise<{ blob: Blob; layout: FrameLayout }> {
  await loadFonts(family);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  const layout = layoutFrame({
    ...input,
    measure: (text, font) => {
      context.font = fontString(font, family);
      return context.measureText(text).width;
    },
    style: { ...input.style, fontFamily: family },
  });
  canvas.width = layout.width;
  canvas.height = layout.height;
  for (const op of layout.ops) draw(context, op, map);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas could not be encoded as PNG');
  return { blob, layout };
}
