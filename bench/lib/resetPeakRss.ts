import { writeFileSync } from 'node:fs';

/**
 * Resets another process's VmHWM to its current RSS (Linux ≥ 4.0, own
 * processes only), so a later peak belongs to the phase being measured and
 * not to startup or account setup (scrypt alone takes over 100 MiB).
 * Returns false where the kernel does not allow it.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
