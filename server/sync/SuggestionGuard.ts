import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { suggestionOnlyChanges, type SuggestionVerdict } from './suggestionOnlyChanges.js';

/**
 * Judges updates from suggest-only connections before the document takes
 * them. Each update is applied first to a shadow copy of the document, and
 * the shadow's transaction is inspected (suggestionOnlyChanges); the real
 * document never sees a refused update, so nothing of it is stored or
 * broadcast. The shadow follows the document through its update events and
 * also keeps the accepted updates the document will apply at the end of the
 * turn, so a client's next keystroke, which builds on its previous one, is
 * judged against a state that holds it. A refusal discards the shadow, and
 * so does a shadow found to hold structs the document lacks once the turn is
 * over (an accepted update the document then did not take); the next check
 * copies the document again. It exists only once a suggest-only member wrote.
 */
export class SuggestionGuard {
  private shadow: Y.Doc | null = null;
  /** An update was accepted this event-loop turn: the document applies it only at the turn's end. */
  private isAheadThisTurn = false;

  constructor(private readonly document: Y.Doc) {
    document.on('destroy', () => this.forget());
  }

  check(update: Uint8Array, authorId: string): SuggestionVerdict {
    if (this.shadow !== null && !this.isAheadThisTurn && !this.isInStepWithDocument(this.shadow)) this.forget();
    const shadow = this.shadow ?? this.copyDocument();
    const origin = { suggestionCheck: authorId };
    let verdict: SuggestionVerdict | null = null;
    const inspect = (transaction: Y.Transaction): void => {
      if (transaction.origin === origin) verdict ??= suggestionOnlyChanges(transaction, authorId);
    };
    shadow.on('beforeObserverCalls', inspect);
    try {
      Y.applyUpdate(shadow, update, origin);
    } catch {
      verdict = { isAllowed: false, reason: 'update could not be applied' };
    } finally {
      shadow.off('beforeObserverCalls', inspect);
    }
    if (shadow.store.pendingStructs !== null || shadow.store.pendingDs !== null) {
      verdict = { isAllowed: false, reason: 'update builds on content the server does not have', buildsOnMissingContent: true };
    }
    const result: SuggestionVerdict = verdict ?? { isAllowed: true };
    if (!result.isAllowed) {
      this.forget();
    } else if (!this.isAheadThisTurn) {
      this.isAheadThisTurn = true;
      setImmediate(() => {
        this.isAheadThisTurn = false;
      });
    }
    return result;
  }

  private isInStepWithDocument(shadow: Y.Doc): boolean {
    const ours = Y.encodeStateVector(shadow);
    const theirs = Y.encodeStateVector(this.document);
    return ours.length === theirs.length && ours.every((byte, index) => byte === theirs[index]);
  }

  /** Drops the shadow (it may hold what the document does not). */
  forget(): void {
    if (this.shadow === null) return;
    this.document.off('update', this.follow);
    this.shadow.destroy();
    this.shadow = null;
  }

  private copyDocument(): Y.Doc {
    const shadow = new Y.Doc({ gc: true });
    // Typed before anything arrives, so the plan's root reads as an XmlFragment, not a bare AbstractType.
    shadow.getXmlFragment(CONTENT_FIELD);
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.document));
    this.shadow = shadow;
    this.document.on('update', this.follow);
    return shadow;
  }

  private readonly follow = (update: Uint8Array): void => {
    if (this.shadow !== null) Y.applyUpdate(this.shadow, update);
  };
}
