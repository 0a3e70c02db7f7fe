/**
 * Where a thread points: a text range (Yjs relative positions, base64), a whole block, a
 * suggestion (its id and author, as in the suggestion marks; the quote is its text as the server read it),
 * or a whole section (its key and its title as the thread's source named it: a consultation remark on a
 * section of the consulted version, which the working copy may have renamed or dropped since).
 */
export type CommentAnchor =
  | { kind: 'range'; start: string; end: string; quote: string }
  | { kind: 'block'; blockId: string; quote: string }
  | { kind: 'suggestion'; suggestionId: string; authorId: string; quote: string }
  | { kind: 'section'; sectionKey: string; sectionTitle: string; quote: string };

export interface Comment {
  id: string;
  threadId: string;
  authorId: string;
  authorName: string;
  /** Empty once deleted; the comment stays as a placeholder so replies keep their context. */
  body: string;
  mentions: string[];
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
}

/** Whether a thread is open, and who resolved it. */
export interface ThreadStatus {
  threadId: string;
  status: 'open' | 'resolved';
  resolvedBy: string | null;
  resolvedAt: number | null;
}

export interface CommentThread {
  id: string;
  planId: string;
  anchor: CommentAnchor;
  status: 'open' | 'resolved';
  createdBy: string;
  createdAt: number;
  resolvedBy: string | null;
  resolvedAt: number | null;
  comments: Comment[];
}
