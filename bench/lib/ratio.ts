/**
 * `ours ÷ theirs` as a printable ratio ("0.42×"); below 1 means the plan
 * editor needed less. Null when either side is missing or zero.
 */
export function ratio(ours: number | null | undefined, theirs: number | null | undefined): string | null {
  if (ours == null || theirs == null || !Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return null;
  const value = ours / theirs;
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`;
}
