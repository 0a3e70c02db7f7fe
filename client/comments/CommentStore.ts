import type { Editor } from '@tiptap/core';
import type { Comment, CommentAnchor, CommentThread, ThreadStatus } from '../../shared/deliberation/CommentThread.js';
import type { ThreadChange } from '../../shared/deliberation/ThreadChange.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import { applyThreadChange } from './applyThreadChange.js';
import type { PlanConnection } from '../collaboration/PlanConnection.js';
import { listThreads } from './commentApi.js';
import { matchesThreadFilter, type ThreadFilter } from './matchesThreadFilter.js';

export interface CommentStoreSnapshot {
  status: 'loading' | 'ready' | 'error';
  loadError: unknown;
  /** In creation order; the panel sorts them by where they sit in the document. */
  threads: CommentThread[];
  filter: ThreadFilter;
  focusedThreadId: string | null;
  /** The selection a new comment is being written for, if the composer is open. */
  pendingAnchor: CommentAnchor | null;
  /** Bumped whenever the document changed, so anchor positions are recomputed. */
  documentVersion: number;
}

/**
 * The plan's comment threads as this client knows them: loaded once from the
 * API, then kept current by the server's live thread changes, each carrying
 * only what changed: a new thread, one comment, or a thread's status (and
 * reloaded after a reconnect, which may have missed some). Also holds the
 * state the editor highlight and the side panel share: which thread is
 * focused and which selection a new comment is being written for.
 */
export class CommentStore {
  private threads = new Map<string, CommentThread>();
  private snapshot: CommentStoreSnapshot;
  private readonly listeners = new Set<() => void>();
  private changesDuringLoad: ThreadChange[] | null = null;
  private editorInstance: Editor | null = null;
  private readonly disposers: Array<() => void> = [];
  private isDestroyed = false;

  constructor(
    private readonly planId: string,
    connection: PlanConnection,
    private readonly load: (planId: string) => Promise<CommentThread[]> = listThreads,
  ) {
    this.snapshot = { status: 'loading', loadError: null, threads: [], filter: 'open', focusedThreadId: null, pendingAnchor: null, documentVersion: 0 };
    this.disposers.push(connection.channel.onPlanEvent(this.handlePlanEvent));
    let hasSynced = false;
    const handleSync = (isSynced: boolean): void => {
      if (!isSynced) return;
      if (hasSynced) void this.reload();
      hasSynced = true;
    };
    connection.provider.on('sync', handleSync);
    this.disposers.push(() => connection.provider.off('sync', handleSync));
    void this.reload();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CommentStoreSnapshot => this.snapshot;

  /** The editor showing the plan, registered by the highlight extension; the panel reads positions from it. */
  get editor(): Editor | null {
    return this.editorInstance;
  }

  attachEditor(editor: Editor | null): void {
    this.editorInstance = editor;
    this.noteDocumentChanged();
  }

  noteDocumentChanged(): void {
    this.update({ documentVersion: this.snapshot.documentVersion + 1 });
  }

  async reload(): Promise<void> {
    this.changesDuringLoad = [];
    try {
      const loaded = await this.load(this.planId);
      if (this.isDestroyed) return;
      this.threads = new Map(loaded.map((thread) => [thread.id, thread]));
      // A change that arrived while the list was on its way may be newer than the list; applying it twice is harmless.
      for (const change of this.changesDuringLoad ?? []) this.applyToThreads(change);
      this.changesDuringLoad = null;
      this.update({ status: 'ready', loadError: null, threads: [...this.threads.values()] });
    } catch (error) {
      this.changesDuringLoad = null;
      if (!this.isDestroyed && this.snapshot.status !== 'ready') this.update({ status: 'error', loadError: error });
    }
  }

  /** Takes one change the server answered with or pushed. */
  apply(change: ThreadChange): void {
    this.changesDuringLoad?.push(change);
    if (this.applyToThreads(change)) this.update({ threads: [...this.threads.values()] });
  }

  /** A thread this client just created. */
  applyThread(thread: CommentThread): void {
    this.apply({ type: 'threadCreated', thread });
  }

  /** A reply, edit or deletion the server answered with. */
  applyComment(comment: Comment): void {
    this.apply({ type: 'commentSaved', planId: this.planId, comment });
  }

  applyStatus(status: ThreadStatus): void {
    this.apply({ type: 'threadStatusChanged', planId: this.planId, status });
  }

  setFilter(filter: ThreadFilter): void {
    this.update({ filter });
  }

  focusThread(threadId: string | null): void {
    const thread = threadId === null ? undefined : this.threads.get(threadId);
    // Focusing a resolved thread from the text must not hide it behind the "open" filter.
    const filter = thread !== undefined && !matchesThreadFilter(thread, this.snapshot.filter) ? 'all' : this.snapshot.filter;
    this.update({ focusedThreadId: threadId, filter });
  }

  startComment(anchor: CommentAnchor): void {
    this.update({ pendingAnchor: anchor, focusedThreadId: null });
  }

  cancelComment(): void {
    this.update({ pendingAnchor: null });
  }

  destroy(): void {
    this.isDestroyed = true;
    for (const dispose of this.disposers) dispose();
    this.listeners.clear();
  }

  private readonly handlePlanEvent = (event: PlanEvent): void => {
    if (event.type === 'threadCreated' && event.thread.planId === this.planId) this.apply(event);
    else if ((event.type === 'commentSaved' || event.type === 'threadStatusChanged') && event.planId === this.planId) this.apply(event);
  };

  private applyToThreads(change: ThreadChange): boolean {
    const thread = applyThreadChange(this.threads, change);
    if (thread === null) return false;
    this.threads.set(thread.id, thread);
    return true;
  }

  private update(change: Partial<CommentStoreSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
