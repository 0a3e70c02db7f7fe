/** Who suggests: written into every suggestion mark they make. */
export interface SuggestionAuthor {
  id: string;
  name: string;
  color: string;
}
