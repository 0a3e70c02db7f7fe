import * as Y from 'yjs';
import { connectBenchClient, whenSynced } from './connectBenchClient.js';

/** The size of a plan's whole state as a fresh client receives it (0 without a plan); shows a plan really came back. */
export async function planStateBytes(serverUrl: string, plan: Parameters<typeof connectBenchClient>[1] | undefined): Promise<number> {
  if (plan === undefined) return 0;
  const client = connectBenchClient(serverUrl, plan, { name: 'Pomiar' });
  try {
    await whenSynced(client);
    return Y.encodeStateAsUpdate(client.doc).byteLength;
  } finally {
    client.destroy();
  }
}
