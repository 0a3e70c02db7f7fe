import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** The awareness fields the server decides, whatever the client claims. */
export interface AwarenessIdentity {
  name: string;
  color: string;
  userId: string;
}

export interface FilteredAwarenessUpdate {
  /** The update with only the sender's own entry, or null if nothing is left. */
  update: Uint8Array | null;
  /** The client id the sender is bound to after this update. */
  clientId: number | null;
}

/**
 * Keeps only the entry of the sender's own client id and stamps it with the
 * server's identity. A connection is bound to the first client id it
 * describes that nobody else holds. Stock y-websocket clients echo other
 * clients' entries (and their time-outs), so foreign entries are dropped,
 * not treated as an attack. Throws on bytes that do not decode.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  boundClientId: number | null,
  identity: AwarenessIdentity,
  isClientIdTaken: (clientId: number) => boolean,
): FilteredAwarenessUpdate {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  let clientId = boundClientId;
  const kept: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let index = 0; index < count; index++) {
    const entryClientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const stateJson = decoding.readVarString(decoder);
    if (clientId === null && !isClientIdTaken(entryClientId)) clientId = entryClientId;
    if (entryClientId !== clientId) continue;
    kept.push({ clientId: entryClientId, clock, state: stampIdentity(stateJson, identity) });
  }
  if (kept.length === 0) return { update: null, clientId };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return { update: encoding.toUint8Array(encoder), clientId };
}

function stampIdentity(stateJson: string, identity: AwarenessIdentity): string {
  const state: unknown = JSON.parse(stateJson);
  if (state === null) return 'null';
  if (typeof state !== 'object' || Array.isArray(state)) throw new Error('Awareness state is not an object');
  const user = { name: identity.name, color: identity.color, id: identity.userId };
  return JSON.stringify({ ...(state as Record<string, unknown>), user });
}
