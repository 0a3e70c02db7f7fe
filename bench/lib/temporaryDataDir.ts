import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface TemporaryDir {
  path: string;
  remove(): Promise<void>;
}

/** A fresh, empty data directory for one server, so no run sees another's state. */
export async function temporaryDataDir(label: string): Promise<TemporaryDir> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `plan-editor-bench-${label}-`));
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
