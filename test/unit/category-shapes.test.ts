import { describe, expect, it } from 'vitest';
import { CATEGORY_SHAPES, shapeImage } from '../../src/map/category-shapes.ts';
import { INCIDENT_CATEGORIES } from '../../src/core/data/incidents.ts';

describe('category shapes', () => {
  it('give every category its own shape, so a marker is not told by colour alone', () => {
    const outlines = INCIDENT_CATEGORIES.map((c) => JSON.stringify(CATEGORY_SHAPES[c]));
    expect(new Set(outlines).size).toBe(INCIDENT_CATEGORIES.length);
  });

  it('rasterise to distinct images with a dark shape and a white edge', () => {
    const images = INCIDENT_CATEGORIES.map((c) => shapeImage(c));
    const signatures = images.map((img) => Array.from(img.data.filter((_, i) => i % 4 === 3)).join(','));
    expect(new Set(signatures).size).toBe(INCIDENT_CATEGORIES.length);
    for (const img of images) {
      const pixels = img.data.length / 4;
      let dark = 0;
      let white = 0;
      for (let i = 0; i < pixels; i++) {
        const [r, a] = [img.data[i * 4]!, img.data[i * 4 + 3]!];
        if (a > 0 && r < 100) dark++;
        if (a > 0 && r > 200) white++;
      }
      expect(dark).toBeGreaterThan(20);
      expect(white).toBeGreaterThan(10);
    }
  });
});
