import type { MentionCandidate } from './MentionCandidate.js';

/** The members whose `@Name` is still in the text; longer names first so "@Anna Nowak" is not taken for "@Anna". */
export function collectMentions(body: string, members: readonly MentionCandidate[]): string[] {
  const found = new Set<string>();
  let remaining = body;
  for (const member of [...members].sort((a, b) => b.name.length - a.name.length)) {
    const tag = `@${member.name}`;
    if (remaining.includes(tag)) {
      found.add(member.userId);
      remaining = remaining.split(tag).join(' ');
    }
  }
  return [...found];
}
