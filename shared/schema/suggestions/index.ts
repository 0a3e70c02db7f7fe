export { SuggestionDeletion, SuggestionInsertion } from './suggestionMark.js';
