import type { ExportFormat, ExportRenderer } from './ExportFormat.js';
import { renderJson } from './renderJson.js';

/** One renderer per format; all work from the same snapshot. */
export const exportRenderers: Partial<Record<ExportFormat, ExportRenderer>> = {
  json: renderJson,
};
