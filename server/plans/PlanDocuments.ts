import * as Y from 'yjs';
import type { Plan } from '../../shared/domain/Plan.js';
import { CONTENT_FIELD, formatDocumentName } from '../../shared/documentName.js';
import { recordDocumentSchemaVersion } from '../../shared/documentSchema.js';
import { readContentFragment } from '../../shared/planJson/readContentFragment.js';
import { PLAN_META_FIELD } from '../../shared/planJson/planMetaField.js';
import type { DocumentRegistry } from '../sync/DocumentRegistry.js';
import type { SharedDocument } from '../sync/SharedDocument.js';
import type { PlanBlockReference } from './findPlanBlock.js';
import { findPlanSuggestion, type PlanSuggestionReference } from './findPlanSuggestion.js';
import { loadPlanDocumentCode, type PlanDocumentCode } from './loadPlanDocumentCode.js';

/** The draft at one moment: its committed Yjs state and the plan it holds. */
export interface PlanDocumentState {
  state: Uint8Array;
  plan: Plan;
}

/**
 * Every server-side read and write of a plan's document. Writes go through
 * the live document, so connected clients receive them and they are persisted
 * like any edit; stored states (saved versions) are read in the current
 * document schema whatever schema they were saved in. The schema-dependent
 * code is loaded on the first call that needs it (loadPlanDocumentCode).
 */
export class PlanDocuments {
  constructor(private readonly registry: DocumentRegistry) {}

  /** The current content in the plan JSON format; never throws on content that does not fit the schema. */
  async read(planId: string): Promise<Plan> {
    const { readPlanFromYDoc } = await loadPlanDocumentCode();
    return readPlanFromYDoc(await this.live(planId)).plan;
  }

  /** Replaces the content with `plan` as one server edit; resolves once it is committed. */
  async write(planId: string, plan: Plan, reason: string): Promise<void> {
    const { writePlanToYDoc } = await loadPlanDocumentCode();
    const document = await this.live(planId);
    document.transactAsServer(reason, () => {
      writePlanToYDoc(document, plan);
      recordDocumentSchemaVersion(document);
    });
    await document.whenPersisted();
  }

  /** The committed state of the draft with the plan it holds (what a saved version keeps). */
  async readState(planId: string): Promise<PlanDocumentState> {
    const { readPlanFromYDoc } = await loadPlanDocumentCode();
    const document = await this.live(planId);
    await document.whenPersisted();
    return { state: Y.encodeStateAsUpdate(document), plan: readPlanFromYDoc(document).plan };
  }

  /** The plan a stored state holds (a saved version). */
  async planOfState(state: Uint8Array): Promise<Plan> {
    const code = await loadPlanDocumentCode();
    return code.readPlanFromYDoc(docOfState(code, state)).plan;
  }

  /**
   * Writes a stored state's content and metadata over the draft as one server
   * edit that every client receives, changing only what differs.
   */
  async restore(planId: string, state: Uint8Array, reason: string): Promise<void> {
    const code = await loadPlanDocumentCode();
    const { planSchema, updateYFragment } = code;
    const stored = docOfState(code, state);
    const content = planSchema.nodeFromJSON(readContentFragment(stored.getXmlFragment(CONTENT_FIELD)));
    const storedMeta = stored.getMap<unknown>(PLAN_META_FIELD).toJSON();
    const document = await this.live(planId);
    document.transactAsServer(reason, () => {
      updateYFragment(document, document.getXmlFragment(CONTENT_FIELD), content, { mapping: new Map(), isOMark: new Map() });
      const meta = document.getMap<unknown>(PLAN_META_FIELD);
      for (const key of [...meta.keys()]) if (!(key in storedMeta)) meta.delete(key);
      for (const [key, value] of Object.entries(storedMeta)) meta.set(key, value);
    });
    await document.whenPersisted();
  }

  /** One server edit of the draft's document, for changes finer than a whole plan (a suggestion in one block); resolves once committed. */
  async edit<T>(planId: string, reason: string, change: (document: Y.Doc) => T): Promise<T> {
    const document = await this.live(planId);
    let result: T | undefined;
    document.transactAsServer(reason, () => {
      result = change(document);
    });
    await document.whenPersisted();
    return result as T;
  }

  /** A typed block of the draft by its id, or null. */
  async findBlock(planId: string, blockId: string): Promise<PlanBlockReference | null> {
    const { findPlanBlock } = await loadPlanDocumentCode();
    return findPlanBlock(await this.live(planId), blockId);
  }

  /** The typed blocks of the draft with these ids (those found). */
  async findBlocks(planId: string, blockIds: ReadonlySet<string>): Promise<Map<string, PlanBlockReference>> {
    const { findPlanBlocks } = await loadPlanDocumentCode();
    return findPlanBlocks(await this.live(planId), blockIds);
  }

  /** A suggestion in the draft by its author and id, or null once none of its text is left. */
  async findSuggestion(planId: string, authorId: string, suggestionId: string): Promise<PlanSuggestionReference | null> {
    return findPlanSuggestion(await this.live(planId), authorId, suggestionId);
  }

  private live(planId: string): Promise<SharedDocument> {
    return this.registry.acquire(formatDocumentName(planId));
  }
}

/** A stored state in a Y.Doc of its own, upgraded to the current document schema (a version saved before an upgrade is not). */
function docOfState({ upgradePlanDocument }: PlanDocumentCode, state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  doc.transact(() => upgradePlanDocument(doc));
  return doc;
}
