/**
 * A row's coordinates, checked the way users' files go wrong: latitude and longitude swapped,
 * decimal commas, zeros for blanks, points on the other side of the world.
 */
import { KAZAKHSTAN_BBOX } from '../boundaries/coordinates.ts';
import { readNumber } from './sniff.ts';

/**
 * Kazakhstan and its neighbours, [west, south, east, north]: the Caspian and the Caucasus, Central
 * Asia, Afghanistan, Xinjiang, Mongolia and Russia from the Volga to Lake Baikal.
 */
export const NEIGHBOURS_BBOX = [27, 30, 125, 70] as const;

type Box = readonly [number, number, number, number];
const inBox = ([west, south, east, north]: Box, lon: number, lat: number): boolean =>
  lon >= west && lon <= east && lat >= south && lat <= north;

export interface RowPoint {
  lon: number;
  lat: number;
  /** The file had latitude in the longitude column and back; the point is given swapped back. */
  swapped: boolean;
  /** Within Kazakhstan's bounding box (which also holds bits of its neighbours and the Caspian). */
  nearKazakhstan: boolean;
}

/** A problem with one of the two cells, named by the field it concerns. */
export interface PointProblem {
  field: 'latitude' | 'longitude';
  error: string;
}

/**
 * Reads a row's point. Both cells blank is no point (null); a point outside Kazakhstan's box that
 * falls inside it once swapped is swapped back; a point outside Kazakhstan and its neighbours is
 * refused unless the row says it happened in another country.
 *
 * @example readPoint('76,92', '43,24', false) // { lon: 76.92, lat: 43.24, swapped: false, nearKazakhstan: true }
 * @example readPoint('43.24', '76.92', false) // { lon: 76.92, lat: 43.24, swapped: true, nearKazakhstan: true }
 * @example readPoint('0', '0', false) // { field: 'latitude', error: '0, 0 lies in the Gulf of Guinea: …' }
 */
export function readPoint(lonText: string, latText: string, abroad: boolean): RowPoint | PointProblem | null {
  if (lonText.trim() === '' && latText.trim() === '') return null;
  const lat = readNumber(latText);
  const lon = readNumber(lonText);
  if (lat === null) return { field: 'latitude', error: describe(latText, 'a latitude') };
  if (lon === null) return { field: 'longitude', error: describe(lonText, 'a longitude') };
  const point = (x: number, y: number, swapped: boolean): RowPoint => ({
    lon: x,
    lat: y,
    swapped,
    nearKazakhstan: inBox(KAZAKHSTAN_BBOX, x, y),
  });
  if (inBox(KAZAKHSTAN_BBOX, lon, lat)) return point(lon, lat, false);
  if (inBox(KAZAKHSTAN_BBOX, lat, lon)) return point(lat, lon, true);
  if (Math.abs(lat) > 90) return { field: 'latitude', error: `${lat} is not a latitude (-90 to 90)` };
  if (Math.abs(lon) > 180) return { field: 'longitude', error: `${lon} is not a longitude (-180 to 180)` };
  if (abroad || inBox(NEIGHBOURS_BBOX, lon, lat)) return point(lon, lat, false);
  const zero = lat === 0 && lon === 0 ? ' (blank cells saved as zeros?)' : '';
  return {
    field: 'latitude',
    error: `${lat}, ${lon} (latitude, longitude) lies far from Kazakhstan and its neighbours${zero}; give the country if it happened elsewhere`,
  };
}

const describe = (text: string, what: string): string =>
  text.trim() === ''
    ? `is blank while the other coordinate is given`
    : `"${text.trim().slice(0, 40)}" is not ${what} in degrees`;
