import type { CommentThread } from '../../shared/deliberation/CommentThread.js';
import { CommentItem } from './CommentItem.js';
import type { CommentStore } from './CommentStore.js';

export interface ThreadCommentsProps {
  comments: CommentThread['comments'];
  userId: string;
  store: CommentStore;
  label?: string;
}

/** A thread's comments in order; the member's own can be edited or deleted (CommentItem). */
export function ThreadComments({ comments, userId, store, label }: ThreadCommentsProps) {
  return (
    <ol className="thread__comments" aria-label={label}>
      {comments.map((comment) => (
        <CommentItem key={comment.id} comment={comment} isOwn={comment.authorId === userId} store={store} />
      ))}
    </ol>
  );
}
