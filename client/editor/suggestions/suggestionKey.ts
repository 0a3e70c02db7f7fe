/** How a suggestion is told apart from others: ids are chosen by each author's client, so the author is part of it. */
export function suggestionKey(authorId: string, suggestionId: string): string {
  return `${authorId}:${suggestionId}`;
}
