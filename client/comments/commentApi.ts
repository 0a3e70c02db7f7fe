import type { Comment, CommentAnchor, CommentThread, ThreadStatus } from '../../shared/deliberation/CommentThread.js';
import { apiRequest } from '../api/apiRequest.js';

const id = encodeURIComponent;

export async function listThreads(planId: string): Promise<CommentThread[]> {
  return (await apiRequest<{ threads: CommentThread[] }>('GET', `/plans/${id(planId)}/threads`)).threads;
}

export async function createThread(planId: string, input: { anchor: CommentAnchor; body: string; mentions: string[] }): Promise<CommentThread> {
  return (await apiRequest<{ thread: CommentThread }>('POST', `/plans/${id(planId)}/threads`, input)).thread;
}

/** The server answers with the new comment only, not the whole thread again. */
export async function replyToThread(threadId: string, input: { body: string; mentions: string[] }): Promise<Comment> {
  return (await apiRequest<{ comment: Comment }>('POST', `/threads/${id(threadId)}/comments`, input)).comment;
}

export async function setThreadResolved(threadId: string, isResolved: boolean): Promise<ThreadStatus> {
  return (await apiRequest<{ status: ThreadStatus }>('POST', `/threads/${id(threadId)}/${isResolved ? 'resolve' : 'reopen'}`)).status;
}

export async function editComment(commentId: string, body: string): Promise<Comment> {
  return (await apiRequest<{ comment: Comment }>('PATCH', `/comments/${id(commentId)}`, { body })).comment;
}

export async function deleteComment(commentId: string): Promise<Comment> {
  return (await apiRequest<{ comment: Comment }>('DELETE', `/comments/${id(commentId)}`)).comment;
}
