import type { Plan } from '../../shared/domain/Plan.js';
import { formatDocumentName } from '../../shared/documentName.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import type { DocumentRegistry } from '../sync/DocumentRegistry.js';

/** Reads and writes a plan's content through its live document, so connected clients see server writes. */
export class PlanContent {
  constructor(private readonly registry: DocumentRegistry) {}

  /** Replaces the content with `plan` as one server edit; resolves once it is committed. */
  async write(planId: string, plan: Plan, reason: string): Promise<void> {
    const document = await this.registry.acquire(formatDocumentName(planId));
    document.transactAsServer(reason, () => writePlanToYDoc(document, plan));
    await document.whenPersisted();
  }

  /** The current content in the plan JSON format; never throws on content that does not fit the schema. */
  async read(planId: string): Promise<Plan> {
    const document = await this.registry.acquire(formatDocumentName(planId));
    return readPlanFromYDoc(document).plan;
  }
}
