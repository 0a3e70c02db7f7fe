import type { CommentThread } from '../../../shared/deliberation/CommentThread.js';
import { apiRequest } from '../../api/apiRequest.js';

/** Adds a comment to a suggestion's thread (the first one starts it); the server answers with the whole thread. */
export async function commentOnSuggestion(
  planId: string,
  input: { suggestionId: string; authorId: string; body: string; mentions: string[] },
): Promise<CommentThread> {
  return (await apiRequest<{ thread: CommentThread }>('POST', `/plans/${encodeURIComponent(planId)}/suggestion-threads`, input)).thread;
}
