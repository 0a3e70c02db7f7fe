import { describe, expect, it } from 'vitest';
import { fitColumnWidths } from '../../server/export/fitColumnWidths.js';

const sum = (widths: number[]): number => widths.reduce((total, width) => total + width, 0);

describe('table column widths', () => {
  it('keeps the relative widths when every longest word fits', () => {
    const widths = fitColumnWidths([1, 3], [20, 20], 400);
    expect(widths[0]).toBeCloseTo(100);
    expect(widths[1]).toBeCloseTo(300);
  });

  it('widens a column to its longest word and takes the room from the others in proportion', () => {
    // The monitoring table's shape: a narrow "Jednostka" column whose header word needs 60 pt.
    const widths = fitColumnWidths([3, 1, 1, 2], [40, 60, 20, 30], 420);
    expect(sum(widths)).toBeCloseTo(420);
    expect(widths[1]).toBeCloseTo(60);
    expect((widths[0] ?? 0) / (widths[3] ?? 1)).toBeCloseTo(3 / 2);
    widths.forEach((width, column) => expect(width).toBeGreaterThanOrEqual([40, 60, 20, 30][column] ?? 0));
  });

  it('fixes columns one after another until the rest fit', () => {
    const minimums = [10, 95, 95, 10, 10];
    const widths = fitColumnWidths([4, 1, 1, 1, 1], minimums, 400);
    expect(sum(widths)).toBeCloseTo(400);
    widths.forEach((width, column) => expect(width).toBeGreaterThanOrEqual((minimums[column] ?? 0) - 1e-9));
  });

  it('scales the minimums down together when even they do not fit, and survives odd weights', () => {
    const widths = fitColumnWidths([1, 1], [300, 100], 200);
    expect(widths).toEqual([150, 50]);
    const odd = fitColumnWidths([Number.NaN, 0, -1], [0, 0, 0], 90);
    expect(odd).toEqual([30, 30, 30]);
  });
});
