import * as Y from 'yjs';
import type { ServiceDatabase, ServiceQueries } from '../database/ServiceDatabase.js';
import { AppError, badRequest, forbidden, notFound } from '../errors.js';
import { newId } from '../newId.js';
import type { User } from '../accounts/AccountService.js';
import type { PlanService } from '../plans/PlanService.js';
import type { WorkspaceService } from '../workspace/WorkspaceService.js';
import type { PlanEventPublisher } from '../events/PlanEventPublisher.js';
import type { CommentRateLimit } from './CommentRateLimit.js';
import { can } from '../../shared/workspace/roles.js';
import type { Comment, CommentAnchor, CommentThread, ThreadStatus } from '../../shared/deliberation/CommentThread.js';

/** A suggestion's text in the plan's content: what it inserts, deletes and (for a formatting suggestion) formats. */
interface SuggestionText {
  insertedText: string;
  deletedText: string;
  formattedText?: string;
}

export interface CommentServiceOptions {
  database: ServiceDatabase;
  plans: PlanService;
  workspaces: WorkspaceService;
  events: PlanEventPublisher;
  commentRate: CommentRateLimit;
  /** Whether a typed block with this id exists in the plan's content. */
  hasBlock: (planId: string, blockId: string) => Promise<boolean>;
  /** A suggestion's text in the plan's content, or null once none of it is left. */
  findSuggestion: (planId: string, authorId: string, suggestionId: string) => Promise<SuggestionText | null>;
}

/** The longest quote a thread keeps (the comment routes accept the same). */
const MAX_QUOTE_LENGTH = 2_000;

interface ThreadRow {
  id: string;
  plan_id: string;
  anchor_kind: string;
  block_id: string | null;
  anchor_start: string | null;
  anchor_end: string | null;
  quote: string;
  status: string;
  created_by: string;
  created_at: number;
  resolved_by: string | null;
  resolved_at: number | null;
  suggestion_id: string | null;
  suggestion_author_id: string | null;
  section_key: string | null;
  section_title: string | null;
}

interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  body: string;
  mentions: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
}

/**
 * A suggestion's thread is started by commentOnSuggestion, which reads its quote from the text.
 * A section anchor is not checked against the working copy: it comes from a consultation remark,
 * which names a section of the consulted version, and the remark stays discussable if that section is gone.
 */
export type ThreadAnchorInput = Exclude<CommentAnchor, { kind: 'suggestion' }>;

/** What a new thread starts with. */
export interface NewThreadInput {
  anchor: ThreadAnchorInput;
  body: string;
  mentions: string[];
}

/** Records a new thread as its owner's, inside the thread's transaction; false when the owner has one already. */
export type ThreadClaim = (queries: ServiceQueries, threadId: string) => Promise<boolean>;

/** Rolls back a thread whose claim was taken (thrown inside the transaction, caught outside it). */
class ClaimTaken extends Error {}

/**
 * Comment threads are server records, not CRDT content: the server checks who
 * may write, authors every comment as the session's user, and pushes each
 * change live to everyone on the plan.
 */
export class CommentService {
  constructor(private readonly options: CommentServiceOptions) {}

  async list(planId: string, user: User): Promise<CommentThread[]> {
    await this.options.plans.getForUser(planId, user);
    const threads = await this.options.database.all<ThreadRow>(
      'SELECT * FROM comment_threads WHERE plan_id = ? ORDER BY created_at',
      [planId],
    );
    const comments = await this.commentRows('comment_threads.plan_id = ?', [planId]);
    return threads.map((thread) => toThread(thread, comments.filter((comment) => comment.thread_id === thread.id)));
  }

  async createThread(planId: string, user: User, input: NewThreadInput): Promise<CommentThread> {
    const thread = await this.insertThread(planId, user, input, null);
    if (thread === null) throw notFound('Thread not found');
    return thread;
  }

  /**
   * A thread that something else records as its own (a consultation remark), in the same transaction:
   * when `claim` answers false (it has a thread already, maybe started a moment ago by someone else),
   * nothing is created and the answer is null, so no second thread is left over unlinked.
   */
  createClaimedThread(planId: string, user: User, input: NewThreadInput, claim: ThreadClaim): Promise<CommentThread | null> {
    return this.insertThread(planId, user, input, claim);
  }

  private async insertThread(planId: string, user: User, input: NewThreadInput, claim: ThreadClaim | null): Promise<CommentThread | null> {
    const { plan } = await this.requireCommenter(planId, user);
    this.options.commentRate.take(user.id);
    validateAnchor(input.anchor);
    if (input.anchor.kind === 'block' && !(await this.options.hasBlock(planId, input.anchor.blockId))) {
      throw badRequest('unknownBlock', `No block with id '${input.anchor.blockId}' in this plan`);
    }
    const mentions = await this.validMentions(plan.workspaceId, input.mentions);
    const now = Date.now();
    const threadId = newId();
    const anchor = input.anchor;
    const isClaimed = await this.options.database.transaction(async (transaction) => {
      await transaction.run(
        `INSERT INTO comment_threads (id, plan_id, anchor_kind, block_id, anchor_start, anchor_end, section_key, section_title, quote, status, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
        [
          threadId,
          planId,
          anchor.kind,
          anchor.kind === 'block' ? anchor.blockId : null,
          anchor.kind === 'range' ? anchor.start : null,
          anchor.kind === 'range' ? anchor.end : null,
          anchor.kind === 'section' ? anchor.sectionKey : null,
          anchor.kind === 'section' ? anchor.sectionTitle : null,
          anchor.quote,
          user.id,
          now,
        ],
      );
      await transaction.run(
        'INSERT INTO comments (id, thread_id, author_id, body, mentions, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [newId(), threadId, user.id, input.body, JSON.stringify(mentions), now],
      );
      if (claim === null || (await claim(transaction, threadId))) return true;
      throw new ClaimTaken();
    }).catch((error: unknown) => {
      if (error instanceof ClaimTaken) return false;
      throw error;
    });
    if (!isClaimed) return null;
    const row = await this.threadRow(threadId);
    const thread = toThread(row, await this.commentRows('comments.thread_id = ?', [threadId]));
    this.options.events.publish(planId, { type: 'threadCreated', thread });
    this.notifyMentions(planId, threadId, mentions, user);
    return thread;
  }

  /**
   * A comment on a suggestion: the first one starts the suggestion's thread, later ones join it
   * (one thread per suggestion, even when two members write the first comment at once). Only while
   * the suggestion is in the text; afterwards its thread stays readable but takes no new comments.
   */
  async commentOnSuggestion(
    planId: string,
    user: User,
    input: { suggestionId: string; authorId: string; body: string; mentions: string[] },
  ): Promise<CommentThread> {
    const { plan } = await this.requireCommenter(planId, user);
    this.options.commentRate.take(user.id);
    const suggestion = await this.options.findSuggestion(planId, input.authorId, input.suggestionId);
    if (suggestion === null) throw suggestionNotInText();
    const mentions = await this.validMentions(plan.workspaceId, input.mentions);
    const now = Date.now();
    const { threadId, isNew } = await this.options.database.transaction(async (transaction) => {
      const created = await transaction.all<{ id: string }>(
        `INSERT INTO comment_threads (id, plan_id, anchor_kind, quote, status, created_by, created_at, suggestion_id, suggestion_author_id)
         VALUES (?, ?, 'suggestion', ?, 'open', ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
        [newId(), planId, suggestionQuote(suggestion), user.id, now, input.suggestionId, input.authorId],
      );
      const existing = await transaction.get<{ id: string }>(
        'SELECT id FROM comment_threads WHERE plan_id = ? AND suggestion_author_id = ? AND suggestion_id = ?',
        [planId, input.authorId, input.suggestionId],
      );
      if (!existing) throw notFound('Thread not found');
      await transaction.run(
        'INSERT INTO comments (id, thread_id, author_id, body, mentions, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [newId(), existing.id, user.id, input.body, JSON.stringify(mentions), now],
      );
      return { threadId: existing.id, isNew: created.length > 0 };
    });
    const thread = toThread(await this.threadRow(threadId), await this.commentRows('comments.thread_id = ?', [threadId]));
    const latest = thread.comments[thread.comments.length - 1];
    // Peers that know the thread get the new comment only, as for any reply.
    if (isNew) this.options.events.publish(planId, { type: 'threadCreated', thread });
    else if (latest !== undefined) this.options.events.publish(planId, { type: 'commentSaved', planId, comment: latest });
    this.notifyMentions(planId, threadId, mentions, user);
    return thread;
  }

  /** The new comment only: the thread may hold thousands, and every peer already has them. */
  async reply(threadId: string, user: User, input: { body: string; mentions: string[] }): Promise<Comment> {
    const thread = await this.threadRow(threadId);
    const { plan } = await this.requireCommenter(thread.plan_id, user);
    this.options.commentRate.take(user.id);
    if (thread.suggestion_id !== null && thread.suggestion_author_id !== null) {
      if ((await this.options.findSuggestion(thread.plan_id, thread.suggestion_author_id, thread.suggestion_id)) === null) throw suggestionNotInText();
    }
    const mentions = await this.validMentions(plan.workspaceId, input.mentions);
    const commentId = newId();
    await this.options.database.run(
      'INSERT INTO comments (id, thread_id, author_id, body, mentions, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [commentId, threadId, user.id, input.body, JSON.stringify(mentions), Date.now()],
    );
    const comment = await this.publishComment(thread.plan_id, commentId);
    this.notifyMentions(thread.plan_id, threadId, mentions, user);
    return comment;
  }

  async editComment(commentId: string, user: User, body: string): Promise<Comment> {
    const comment = await this.ownComment(commentId, user);
    await this.options.database.run('UPDATE comments SET body = ?, edited_at = ? WHERE id = ?', [body, Date.now(), commentId]);
    return this.publishComment(comment.planId, commentId);
  }

  async deleteComment(commentId: string, user: User): Promise<Comment> {
    const comment = await this.ownComment(commentId, user);
    await this.options.database.run("UPDATE comments SET body = '', mentions = '[]', deleted_at = ? WHERE id = ?", [Date.now(), commentId]);
    return this.publishComment(comment.planId, commentId);
  }

  async setResolved(threadId: string, user: User, isResolved: boolean): Promise<ThreadStatus> {
    const thread = await this.threadRow(threadId);
    await this.requireCommenter(thread.plan_id, user);
    const status: ThreadStatus = isResolved
      ? { threadId, status: 'resolved', resolvedBy: user.id, resolvedAt: Date.now() }
      : { threadId, status: 'open', resolvedBy: null, resolvedAt: null };
    await this.options.database.run(
      'UPDATE comment_threads SET status = ?, resolved_by = ?, resolved_at = ? WHERE id = ?',
      [status.status, status.resolvedBy, status.resolvedAt, threadId],
    );
    this.options.events.publish(thread.plan_id, { type: 'threadStatusChanged', planId: thread.plan_id, status });
    return status;
  }

  private async requireCommenter(planId: string, user: User) {
    const access = await this.options.plans.getForUser(planId, user);
    if (!can(access.role, 'plan.comment')) throw forbidden('Your role does not allow comments');
    return access;
  }

  private async ownComment(commentId: string, user: User): Promise<{ threadId: string; planId: string }> {
    const row = await this.options.database.get<{ author_id: string; thread_id: string; plan_id: string; deleted_at: number | null }>(
      `SELECT comments.author_id, comments.thread_id, comment_threads.plan_id, comments.deleted_at
       FROM comments JOIN comment_threads ON comment_threads.id = comments.thread_id WHERE comments.id = ?`,
      [commentId],
    );
    if (!row) throw notFound('Comment not found');
    await this.options.plans.getForUser(row.plan_id, user);
    if (row.author_id !== user.id) throw forbidden('Only the author can change a comment');
    if (row.deleted_at !== null) throw new AppError(410, 'commentDeleted', 'This comment was deleted');
    return { threadId: row.thread_id, planId: row.plan_id };
  }

  private async threadRow(threadId: string): Promise<ThreadRow> {
    const row = await this.options.database.get<ThreadRow>('SELECT * FROM comment_threads WHERE id = ?', [threadId]);
    if (!row) throw notFound('Thread not found');
    return row;
  }

  private async validMentions(workspaceId: string, mentions: string[]): Promise<string[]> {
    if (mentions.length === 0) return [];
    const members = new Set((await this.options.workspaces.members(workspaceId)).map((member) => member.userId));
    const unknown = mentions.filter((userId) => !members.has(userId));
    if (unknown.length > 0) throw badRequest('unknownMention', `Not a member of this team: ${unknown.join(', ')}`);
    return [...new Set(mentions)];
  }

  private async commentRows(where: string, params: unknown[]): Promise<CommentRow[]> {
    return this.options.database.all<CommentRow>(
      `SELECT comments.*, users.name AS author_name FROM comments
       JOIN comment_threads ON comment_threads.id = comments.thread_id
       JOIN users ON users.id = comments.author_id
       WHERE ${where} ORDER BY comments.created_at, comments.rowid`,
      params,
    );
  }

  private async publishComment(planId: string, commentId: string): Promise<Comment> {
    const [row] = await this.commentRows('comments.id = ?', [commentId]);
    if (!row) throw notFound('Comment not found');
    const comment = toComment(row);
    this.options.events.publish(planId, { type: 'commentSaved', planId, comment });
    return comment;
  }

  private notifyMentions(planId: string, threadId: string, mentions: string[], author: User): void {
    for (const userId of mentions) this.options.events.publish(planId, { type: 'mentioned', userId, threadId, authorName: author.name });
  }
}

function suggestionNotInText(): AppError {
  return new AppError(409, 'suggestionNotInText', 'No text of this suggestion is in the plan (accepted, rejected, withdrawn, or never made): its thread, if any, can be read but takes no new comments');
}

/** What the suggestion changes, as its thread quotes it: "deleted → inserted" for a replacement. */
function suggestionQuote(suggestion: SuggestionText): string {
  const quote =
    suggestion.deletedText !== '' && suggestion.insertedText !== ''
      ? `${suggestion.deletedText} → ${suggestion.insertedText}`
      : suggestion.insertedText || suggestion.deletedText || (suggestion.formattedText ?? '');
  return quote.slice(0, MAX_QUOTE_LENGTH);
}

function validateAnchor(anchor: ThreadAnchorInput): void {
  if (anchor.kind !== 'range') return;
  for (const encoded of [anchor.start, anchor.end]) {
    try {
      Y.decodeRelativePosition(Buffer.from(encoded, 'base64'));
    } catch {
      throw badRequest('invalidAnchor', 'The anchor is not a valid relative position');
    }
  }
}

function toAnchor(row: ThreadRow): CommentAnchor {
  switch (row.anchor_kind) {
    case 'block':
      return { kind: 'block', blockId: row.block_id ?? '', quote: row.quote };
    case 'suggestion':
      return { kind: 'suggestion', suggestionId: row.suggestion_id ?? '', authorId: row.suggestion_author_id ?? '', quote: row.quote };
    case 'section':
      return { kind: 'section', sectionKey: row.section_key ?? '', sectionTitle: row.section_title ?? '', quote: row.quote };
    default:
      return { kind: 'range', start: row.anchor_start ?? '', end: row.anchor_end ?? '', quote: row.quote };
  }
}

function toThread(row: ThreadRow, comments: CommentRow[]): CommentThread {
  const anchor = toAnchor(row);
  return {
    id: row.id,
    planId: row.plan_id,
    anchor,
    status: row.status === 'resolved' ? 'resolved' : 'open',
    createdBy: row.created_by,
    createdAt: row.created_at,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    comments: comments.map(toComment),
  };
}

function toComment(row: CommentRow): Comment {
  const mentions: unknown = JSON.parse(row.mentions);
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.deleted_at === null ? row.body : '',
    mentions: Array.isArray(mentions) ? mentions.filter((value): value is string => typeof value === 'string') : [],
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  };
}
