export { SuggestionDeletion, SuggestionFormat, SuggestionInsertion } from './suggestionMark.js';
