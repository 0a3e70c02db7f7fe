/**
 * A cold load's stored bytes, handed to new clients before the server applies
 * them to its own Y.Doc (see DocumentRegistry.acquireForSync).
 *
 * The server's apply waits until the clients that took the bytes have taken
 * them in: on 2 cores, a server applying a 1.3 MB plan while the client
 * applies the same bytes slowed the client's load by half
 * (docs/performance.md). A connection releases its hold when its client
 * answers anything sent after the bytes (ClientConnection sends an awareness
 * query behind them, which stock clients answer after processing what came
 * before), or when it closes. Anyone who needs the applied document hurries
 * the load, and a timeout bounds the wait for clients that never answer.
 */
export class StoredStateHandoff {
  /** The stored updates once read and validated, or null if nothing is stored or the load ended. */
  readonly whenRead: Promise<Uint8Array[] | null>;
  private resolveRead: (parts: Uint8Array[] | null) => void = () => undefined;
  private holders = 0;
  private isApplyAllowed = false;
  private allowApply: () => void = () => undefined;
  private readonly applyAllowed: Promise<void>;

  constructor(private readonly maxWaitMs: number) {
    this.whenRead = new Promise((resolve) => {
      this.resolveRead = resolve;
    });
    this.applyAllowed = new Promise((resolve) => {
      this.allowApply = () => {
        this.isApplyAllowed = true;
        resolve();
      };
    });
  }

  /** The loader read and validated the stored bytes (null: nothing stored). */
  publish(parts: Uint8Array[] | null): void {
    this.resolveRead(parts);
  }

  /** The load ended or failed: nothing more to hand out, and nobody waits. */
  end(): void {
    this.resolveRead(null);
    this.allowApply();
  }

  /**
   * Resolves when the loader may apply the bytes: at once if no connection
   * took them within one turn, else when every holder released, someone
   * hurried, or after the timeout.
   */
  async whenApplyMayStart(): Promise<void> {
    // Connections waiting on whenRead take their hold in the microtasks before this.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.holders === 0) return this.allowApply();
    const timer = setTimeout(this.allowApply, this.maxWaitMs);
    timer.unref();
    await this.applyAllowed;
    clearTimeout(timer);
  }

  /** A connection sent the bytes to its client; call the result once the client took them in or left. */
  hold(): () => void {
    if (this.isApplyAllowed) return () => undefined;
    this.holders += 1;
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      this.holders -= 1;
      if (this.holders === 0) this.allowApply();
    };
  }

  /** Someone needs the applied document (an edit, a diff, an API read): apply now. */
  hurry(): void {
    this.allowApply();
  }
}
