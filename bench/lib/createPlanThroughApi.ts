import type { PlanHandle } from './ServerTarget.js';

/**
 * Registers an account, creates a workspace and a plan through the JSON API,
 * as the web client does, and returns what a WebSocket client needs to open
 * that plan: its id and the session cookie.
 */
export async function createPlanThroughApi(httpUrl: string, title: string): Promise<PlanHandle> {
  let cookie: string | null = null;
  const request = async <T>(method: string, path: string, body: unknown, expectedStatus: number): Promise<T> => {
    const response = await fetch(`${httpUrl}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? null;
    const text = await response.text();
    if (response.status !== expectedStatus) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  const email = `bench-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.pl`;
  await request('POST', '/auth/register', { email, password: 'Pomiar-wydajnosci-2026', name: 'Zespół pomiarowy' }, 201);
  const { workspace } = await request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Pomiary wydajności' }, 201);
  const { id } = await request<{ id: string }>('POST', `/workspaces/${workspace.id}/plans`, { title, kind: 'regional' }, 201);
  if (cookie === null) throw new Error('registration set no session cookie');
  return { planId: id, headers: { cookie }, hasServerChannel: true };
}
