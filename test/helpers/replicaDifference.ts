import * as Y from 'yjs';

/**
 * How the replica `doc` differs from `reference`, or null when they have converged. Equal state
 * vectors are not enough: a deletion adds no struct, so it changes only the delete set, and two
 * replicas can share every insertion while one still waits for a deletion. Converged means the same
 * insertions, the same deletions and, as a check of both, the same content.
 */
export function replicaDifference(reference: Y.Doc, doc: Y.Doc, content: (doc: Y.Doc) => string): string | null {
  const differences: string[] = [];
  const referenceStateVector = stateVectorText(reference);
  const stateVector = stateVectorText(doc);
  if (referenceStateVector !== stateVector) differences.push(`state vector ${stateVector} vs ${referenceStateVector}`);
  const referenceDeletions = deletedRanges(reference);
  const deletions = deletedRanges(doc);
  if (referenceDeletions !== deletions) differences.push(`deleted ranges ${deletions} vs ${referenceDeletions}`);
  const referenceContent = content(reference);
  const ownContent = content(doc);
  if (referenceContent !== ownContent) {
    let offset = 0;
    while (offset < ownContent.length && ownContent[offset] === referenceContent[offset]) offset++;
    differences.push(`content differs from offset ${offset}: ${JSON.stringify(ownContent.slice(offset, offset + 60))} vs ${JSON.stringify(referenceContent.slice(offset, offset + 60))}`);
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) differences.push('updates wait for missing structs');
  return differences.length === 0 ? null : differences.join('; ');
}

/** The first replica's differences from `docs[0]`, labelled by index, or null when all have converged. */
export function replicasDifference(docs: readonly Y.Doc[], content: (doc: Y.Doc) => string): string | null {
  const [reference, ...others] = docs;
  if (!reference) return null;
  for (const [index, doc] of others.entries()) {
    const difference = replicaDifference(reference, doc, content);
    if (difference !== null) return `replica ${index + 1} vs replica 0: ${difference}`;
  }
  return null;
}

function stateVectorText(doc: Y.Doc): string {
  return JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b));
}

/** Per client, the ranges it deleted, in a form that does not depend on how a replica split its structs. */
function deletedRanges(doc: Y.Doc): string {
  const { ds } = Y.snapshot(doc);
  const perClient = [...ds.clients.entries()]
    .sort(([a], [b]) => a - b)
    .map(([client, items]) => `${client}:${items.map((item) => `${item.clock}+${item.len}`).join(',')}`);
  return `[${perClient.join(' ')}]`;
}
