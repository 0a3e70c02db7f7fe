import { planToFile } from '../../shared/planJson/planToFile.js';
import type { ExportRenderer } from './ExportFormat.js';

/** The plan interchange format (the shape of sample-plan-a.json). */
export const renderJson: ExportRenderer = async ({ snapshot }) => ({
  bytes: new TextEncoder().encode(`${JSON.stringify(planToFile(snapshot.plan), null, 2)}\n`),
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
});
