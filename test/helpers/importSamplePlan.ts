import { readFile } from 'node:fs/promises';
import type { ApiClient, ApiResponse } from './apiClient.js';

/** Imports the illustrative sample plan A into a workspace; the caller decides how to check the answer. */
export async function importSamplePlan(person: ApiClient, workspaceId: string): Promise<ApiResponse<{ id: string }>> {
  const sample: unknown = JSON.parse(await readFile('shared/domain/samples/sample-plan-a.json', 'utf8'));
  return person.request<{ id: string }>('POST', `/workspaces/${workspaceId}/plans/import`, sample);
}
