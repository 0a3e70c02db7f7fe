/**
 * A connection's updates that build on content its client has not sent yet
 * (typed after a reconnect, before its sync step 2 arrived), bounded in bytes.
 */
export class HeldUpdates {
  private updates: Uint8Array[] = [];
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get isEmpty(): boolean {
    return this.updates.length === 0;
  }

  /** False, holding nothing, if the update does not fit under the bound. */
  hold(update: Uint8Array): boolean {
    if (this.bytes + update.byteLength > this.maxBytes) return false;
    this.updates.push(update);
    this.bytes += update.byteLength;
    return true;
  }

  /** Every held update in arrival order; the holder is empty afterwards. */
  takeAll(): Uint8Array[] {
    const taken = this.updates;
    this.updates = [];
    this.bytes = 0;
    return taken;
  }

  clear(): void {
    this.takeAll();
  }
}
