/**
 * Column widths that add up to `total`, in the proportions of `weights`,
 * except that no column is narrower than its `minimums` entry (its longest
 * word): such a column gets its minimum and the others share what is left in
 * proportion. When even the minimums do not fit, they are scaled down together
 * (the words must then break, but every column still shows).
 */
export function fitColumnWidths(weights: number[], minimums: number[], total: number): number[] {
  const count = weights.length;
  const safeWeights = weights.map((weight) => (Number.isFinite(weight) && weight > 0 ? weight : 1));
  const floors = Array.from({ length: count }, (_, column) => Math.max(0, minimums[column] ?? 0));
  const floorSum = floors.reduce((sum, width) => sum + width, 0);
  if (floorSum >= total) return floors.map((width) => (floorSum === 0 ? total / count : (width * total) / floorSum));

  const widths = new Array<number>(count).fill(0);
  const fixed = new Set<number>();
  // Each pass fixes at least one more column at its minimum, so this ends within `count` passes.
  for (;;) {
    const remaining = total - [...fixed].reduce((sum, column) => sum + (floors[column] ?? 0), 0);
    const freeWeight = safeWeights.reduce((sum, weight, column) => (fixed.has(column) ? sum : sum + weight), 0);
    let isSettled = true;
    for (let column = 0; column < count; column++) {
      if (fixed.has(column)) {
        widths[column] = floors[column] ?? 0;
        continue;
      }
      const share = (remaining * (safeWeights[column] ?? 1)) / freeWeight;
      if (share < (floors[column] ?? 0)) {
        fixed.add(column);
        isSettled = false;
      }
      widths[column] = share;
    }
    if (isSettled) return widths;
  }
}
