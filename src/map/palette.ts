import type { IncidentCategory } from '../core/types.ts';

/** Every colour the map draws with, in one typed object, so that the style is a pure function of it. */
export interface Palette {
  water: string;
  land: string;
  neighbour: string;
  neighbourLine: string;
  countryLine: string;
  unitLine: string;
  unitLineSelected: string;
  notReported: string;
  hatch: string;
  label: string;
  labelHalo: string;
  circle: string;
  circleLine: string;
  cluster: string;
  category: Record<IncidentCategory, string>;
}

/** Light palette; category colours are Okabe-Ito, distinguishable with colour-vision deficiencies. */
export const lightPalette: Palette = {
  water: '#cfe3ef',
  land: '#f7f5f0',
  neighbour: '#ece9e2',
  neighbourLine: '#b9b4aa',
  countryLine: '#5b5750',
  unitLine: '#8a857b',
  unitLineSelected: '#1d1b18',
  notReported: '#f1efea',
  hatch: '#9c978d',
  label: '#2b2925',
  labelHalo: '#ffffff',
  circle: '#6a3d9a',
  circleLine: '#ffffff',
  cluster: '#3b3936',
  category: {
    attack: '#D55E00',
    foiled_plot: '#0072B2',
    detention: '#009E73',
    security_operation: '#CC79A7',
    conviction: '#56B4E9',
    extradition: '#E69F00',
    unrest: '#000000',
  },
};
