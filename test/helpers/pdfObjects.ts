import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The objects of a PDF as text, by object number, from qpdf's QDF form
 * (streams uncompressed, no object streams), so structure elements,
 * annotations and the XMP packet can be read with plain string matching.
 */
export async function pdfObjects(bytes: Uint8Array): Promise<Map<number, string>> {
  const directory = await mkdtemp(path.join(tmpdir(), 'qpdf-'));
  try {
    const input = path.join(directory, 'in.pdf');
    const output = path.join(directory, 'out.pdf');
    await writeFile(input, bytes);
    await run('qpdf', ['--qdf', '--object-streams=disable', input, output]);
    const text = (await readFile(output)).toString('latin1');
    const objects = new Map<number, string>();
    for (const match of text.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(Number(match[1]), match[2] ?? '');
    return objects;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The numbers of the objects an object's text refers to under `key` ("/A 12 0 R"). */
export function referenceOf(object: string, key: string): number | null {
  const match = object.match(new RegExp(`/${key} (\\d+) 0 R`));
  return match ? Number(match[1]) : null;
}

/** A PDF text string as JavaScript text: literal "(…)" with escapes, or UTF-16BE with a byte-order mark. */
export function pdfString(object: string, key: string): string | null {
  const literal = object.match(new RegExp(`/${key} \\(((?:\\\\.|[^\\\\)])*)\\)`));
  if (literal) {
    const raw = (literal[1] ?? '').replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_all, escape: string) =>
      /^[0-7]/.test(escape) ? String.fromCharCode(parseInt(escape, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[escape] ?? escape,
    );
    const bytes = Buffer.from(raw, 'latin1');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return raw;
  }
  const hex = object.match(new RegExp(`/${key} <([0-9a-fA-F]*)>`));
  if (hex) {
    const bytes = Buffer.from(hex[1] ?? '', 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
  }
  return null;
}
