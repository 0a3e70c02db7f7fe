import { spawn } from 'node:child_process';
import path from 'node:path';

/** Runs `test/fixtures/<name>` in its own Node process (through tsx); resolves with its output and how it ended. */
export function runFixture(name: string, args: readonly string[]): Promise<{ output: string; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'fixtures', name), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (_code, signal) => resolve({ output, signal }));
  });
}
