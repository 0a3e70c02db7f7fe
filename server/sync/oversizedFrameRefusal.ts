import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../shared/protocol/messageType.js';
import { AwarenessTooLarge, UpdateTooLarge, type CloseEvent } from '../../shared/protocol/closeCodes.js';
import type { SyncLimits } from './SyncLimits.js';

/**
 * The close event for a frame whose update or awareness payload is over its
 * limit, or null. Checked before anything is decoded, applied or relayed.
 * Frames that do not decode are left to the protocol switch.
 */
export function oversizedFrameRefusal(frame: Uint8Array, limits: Pick<SyncLimits, 'maxUpdateBytes' | 'maxAwarenessBytes'>): CloseEvent | null {
  try {
    const decoder = decoding.createDecoder(frame);
    const messageType = decoding.readVarUint(decoder);
    if (messageType === MessageType.Awareness) {
      return decoding.readVarUint(decoder) > limits.maxAwarenessBytes ? AwarenessTooLarge : null;
    }
    if (messageType !== MessageType.Sync) return null;
    const syncType = decoding.readVarUint(decoder);
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) return null;
    return decoding.readVarUint(decoder) > limits.maxUpdateBytes ? UpdateTooLarge : null;
  } catch {
    return null;
  }
}
