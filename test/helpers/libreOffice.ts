import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Time for one soffice run: its first start in a fresh profile alone can take half a minute on a busy machine. */
export const LIBREOFFICE_TIMEOUT_MS = 180_000;

/**
 * Converts files with LibreOffice (`soffice --headless --convert-to`), all in
 * one run, in a profile of its own so parallel test runs never share one.
 * Returns the converted files by the input's name; the caller gives every
 * input a distinct base name.
 */
export async function convertWithLibreOffice(files: Record<string, Uint8Array>, target: 'pdf' | 'odt'): Promise<Map<string, Buffer>> {
  const directory = await mkdtemp(path.join(tmpdir(), 'soffice-'));
  try {
    const inputs: string[] = [];
    await mkdir(path.join(directory, 'in'));
    for (const [name, bytes] of Object.entries(files)) {
      const file = path.join(directory, 'in', name);
      await writeFile(file, bytes);
      inputs.push(file);
    }
    const profile = `file://${path.join(directory, 'profile')}`;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', path.join(directory, 'out'), ...inputs], {
      timeout: LIBREOFFICE_TIMEOUT_MS,
    });
    const converted = new Map<string, Buffer>();
    for (const name of Object.keys(files)) {
      const output = path.join(directory, 'out', `${path.parse(name).name}.${target}`);
      converted.set(name, await readFile(output).catch(() => {
        throw new Error(`LibreOffice did not convert ${name} to ${target}`);
      }));
    }
    return converted;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The text of each page of a PDF as pdftotext lays it out (poppler). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const directory = await mkdtemp(path.join(tmpdir(), 'pdftotext-'));
  try {
    const file = path.join(directory, 'file.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const pages = stdout.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return pages;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Width and height of each page of a PDF, in points (poppler's pdfinfo). */
export async function pdfPageSizes(bytes: Uint8Array): Promise<Array<{ width: number; height: number }>> {
  const directory = await mkdtemp(path.join(tmpdir(), 'pdfinfo-'));
  try {
    const file = path.join(directory, 'file.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '100000', file]);
    return [...stdout.matchAll(/^Page +\d+ size: +([\d.]+) x ([\d.]+) pts/gm)].map((match) => ({ width: Number(match[1]), height: Number(match[2]) }));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
