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

/** A structure element as poppler reads it: its type, its own text, the objects (annotations) it references, its children. */
export interface PdfStructureNode {
  type: string;
  texts: string[];
  objects: number[];
  children: PdfStructureNode[];
}

/**
 * The structure tree of a tagged PDF with the text of each element's own
 * marked content, from poppler (`pdfinfo -struct-text`): an independent
 * reading of which text belongs to which element.
 */
export async function pdfStructure(bytes: Uint8Array): Promise<PdfStructureNode> {
  const directory = await mkdtemp(path.join(tmpdir(), 'pdfinfo-'));
  try {
    const input = path.join(directory, 'in.pdf');
    await writeFile(input, bytes);
    const { stdout } = await run('pdfinfo', ['-struct-text', input], { maxBuffer: 64 * 1024 * 1024 });
    const root: PdfStructureNode = { type: 'root', texts: [], objects: [], children: [] };
    const stack: Array<{ depth: number; node: PdfStructureNode }> = [{ depth: -1, node: root }];
    for (const line of stdout.split('\n')) {
      const depth = line.length - line.trimStart().length;
      const content = line.trim();
      if (content === '') continue;
      while ((stack.at(-1)?.depth ?? -1) >= depth) stack.pop();
      const parent = stack.at(-1)?.node ?? root;
      const text = content.match(/^"([\s\S]*)"$/);
      const object = content.match(/^Object (\d+) \d+$/);
      if (text) parent.texts.push(text[1] ?? '');
      else if (object) parent.objects.push(Number(object[1]));
      else if (/^\/\w+/.test(content)) continue;
      else {
        const node: PdfStructureNode = { type: content.replace(/[ :(].*$/, ''), texts: [], objects: [], children: [] };
        parent.children.push(node);
        stack.push({ depth, node });
      }
    }
    return root;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Every element of a structure tree, depth first, with its parent. */
export function structureElements(node: PdfStructureNode, parent: PdfStructureNode | null = null): Array<{ node: PdfStructureNode; parent: PdfStructureNode | null }> {
  return [{ node, parent }, ...node.children.flatMap((child) => structureElements(child, node))];
}
