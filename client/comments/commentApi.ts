import type { CommentAnchor, CommentThread } from '../../shared/deliberation/CommentThread.js';
import { apiRequest } from '../api/apiRequest.js';

const id = encodeURIComponent;

export async function listThreads(planId: string): Promise<CommentThread[]> {
  return (await apiRequest<{ threads: CommentThread[] }>('GET', `/plans/${id(planId)}/threads`)).threads;
}

export async function createThread(planId: string, input: { anchor: CommentAnchor; body: string; mentions: string[] }): Promise<CommentThread> {
  return (await apiRequest<{ thread: CommentThread }>('POST', `/plans/${id(planId)}/threads`, input)).thread;
}

export async function replyToThread(threadId: string, input: { body: string; mentions: string[] }): Promise<CommentThread> {
  return (await apiRequest<{ thread: CommentThread }>('POST', `/threads/${id(threadId)}/comments`, input)).thread;
}

export async function setThreadResolved(threadId: string, isResolved: boolean): Promise<CommentThread> {
  return (await apiRequest<{ thread: CommentThread }>('POST', `/threads/${id(threadId)}/${isResolved ? 'resolve' : 'reopen'}`)).thread;
}

export async function editComment(commentId: string, body: string): Promise<CommentThread> {
  return (await apiRequest<{ thread: CommentThread }>('PATCH', `/comments/${id(commentId)}`, { body })).thread;
}

export async function deleteComment(commentId: string): Promise<CommentThread> {
  return (await apiRequest<{ thread: CommentThread }>('DELETE', `/comments/${id(commentId)}`)).thread;
}
