import type { PlanHandle } from './ServerTarget.js';

/** Plans created at once, so that 500 plans do not take 500 round trips in a row. */
const CREATE_CONCURRENCY = 4;

/**
 * Registers an account, creates a workspace and a plan through the JSON API,
 * as the web client does, and returns what a WebSocket client needs to open
 * that plan: its id and the session cookie.
 */
export async function createPlanThroughApi(httpUrl: string, title: string): Promise<PlanHandle> {
  const [plan] = await createPlansThroughApi(httpUrl, [title]);
  if (plan === undefined) throw new Error('no plan created');
  return plan;
}

/** One account and workspace, one plan per title (registration's scrypt is paid once). */
export async function createPlansThroughApi(httpUrl: string, titles: readonly string[]): Promise<PlanHandle[]> {
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
  if (cookie === null) throw new Error('registration set no session cookie');
  const headers = { cookie };
  const plans: PlanHandle[] = new Array(titles.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < titles.length) {
      const index = next++;
      const { id } = await request<{ id: string }>('POST', `/workspaces/${workspace.id}/plans`, { title: titles[index], kind: 'regional' }, 201);
      plans[index] = { planId: id, headers, hasServerChannel: true, framing: 'y-websocket' };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CREATE_CONCURRENCY, titles.length) }, worker));
  return plans;
}
