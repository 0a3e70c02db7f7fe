/** One run of a word-level diff: unchanged, added or removed text. */
export interface TextPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}
