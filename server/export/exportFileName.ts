import type { PlanVersion } from '../../shared/versions/PlanVersion.js';

/** The download's names: an ASCII one for every client and the whole title for those that read `filename*`. */
export interface ExportFileName {
  /** "plan-regionalny-plan-rozwoju-…-wersja-uzgodniona-2.docx": ASCII, at most ~80 characters before the extension, cut between words. */
  ascii: string;
  /** "plan – Regionalny Plan … na lata 2026–2028 – wersja uzgodniona nr 2.docx": the full title. */
  full: string;
}

const MAX_BASE_LENGTH = 80;

// Polish letters that Unicode decomposition does not reduce to ASCII.
const TRANSLITERATION: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O' };

export function exportFileName(title: string, version: PlanVersion | null, extension: string): ExportFileName {
  const versionPart = versionLabel(version);
  const versionSlug = slugWords(versionPart).join('-');
  const titleWords = slugWords(title);
  const room = MAX_BASE_LENGTH - 'plan-'.length - (versionSlug === '' ? 0 : versionSlug.length + 1);
  const kept: string[] = [];
  let length = 0;
  for (const word of titleWords) {
    const next = length + (kept.length === 0 ? 0 : 1) + word.length;
    if (next > room) break;
    kept.push(word);
    length = next;
  }
  // A single word longer than the room is the only thing ever cut inside.
  if (kept.length === 0 && titleWords[0] !== undefined) kept.push(titleWords[0].slice(0, Math.max(room, 1)));
  const ascii = ['plan', ...kept, ...(versionSlug === '' ? [] : [versionSlug])].join('-');
  const fullTitle = safeForFileName(title) || 'plan';
  return { ascii: `${ascii}.${extension}`, full: `${fullTitle} – ${versionPart}.${extension}` };
}

/** What the file is, in words: "wersja robocza", "wersja „przed konsultacjami”", "wersja uzgodniona nr 2". */
function versionLabel(version: PlanVersion | null): string {
  if (version === null) return 'wersja robocza';
  if (version.kind === 'agreed' && version.agreed !== null) return `wersja uzgodniona nr ${version.agreed.number}`;
  return `wersja ${safeForFileName(version.name) || version.id}`;
}

function slugWords(text: string): string[] {
  return text
    .replace(/[łŁđĐßæÆøØ]/g, (letter) => TRANSLITERATION[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// Characters no file system or browser accepts in a name, control characters and line breaks.
function safeForFileName(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** The Content-Disposition header: the ASCII name in `filename`, the full one (RFC 5987, UTF-8) in `filename*`. */
export function contentDisposition(name: ExportFileName): string {
  const encoded = encodeURIComponent(name.full).replace(/['()*!]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}
