import type * as awarenessProtocol from 'y-protocols/awareness';
import type { AwarenessChanges } from '../../shared/presence/AwarenessChanges.js';

/**
 * An unchanged presence state is relayed at most once per `renewalMs` per
 * client. Stock y-tiptap re-sends a member's caret after every remote edit,
 * and every re-send went to every member: with N members, N x N frames per key
 * that change nothing anywhere. Clients only need an unchanged state again to
 * know its owner is alive (y-protocols drops a state not renewed within 30 s and
 * renews its own every 15-18 s), so with 5 s here a renewal reaches peers at
 * least every 23 s.
 */
export class UnchangedPresenceFilter {
  private readonly lastRelayedAt = new Map<number, number>();
  /** Clients whose state differed from the previous one in the update being applied. */
  private changedNow = new Set<number>();

  constructor(
    awareness: awarenessProtocol.Awareness,
    private readonly renewalMs = 5_000,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    // y-protocols emits 'change' (states that differ) just before 'update' (every state with a newer clock).
    awareness.on('change', (changes: AwarenessChanges) => {
      this.changedNow = new Set([...changes.added, ...changes.updated, ...changes.removed]);
    });
  }

  /** The clients of an 'update' event worth relaying, in order. */
  relayable(changes: AwarenessChanges): number[] {
    const changedNow = this.changedNow;
    this.changedNow = new Set();
    const now = this.now();
    const relayed: number[] = [];
    for (const clientId of [...changes.added, ...changes.updated]) {
      const last = this.lastRelayedAt.get(clientId);
      if (!changedNow.has(clientId) && last !== undefined && now - last < this.renewalMs) continue;
      this.lastRelayedAt.set(clientId, now);
      relayed.push(clientId);
    }
    for (const clientId of changes.removed) {
      this.lastRelayedAt.delete(clientId);
      relayed.push(clientId);
    }
    return relayed;
  }
}
