import type { TestServer } from './startTestServer.js';

/** Anything with an HTTP base URL: an in-process test server or a server child process. */
type HttpServer = Pick<TestServer, 'httpUrl'>;

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

/** A logged-in (or anonymous) HTTP client with its own cookie, like one browser. */
export interface ApiClient {
  cookie: string | null;
  userId: string | null;
  request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}

export function anonymousClient(server: HttpServer): ApiClient {
  const client: ApiClient = {
    cookie: null,
    userId: null,
    async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(`${server.httpUrl}/api${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) {
        const pair = setCookie.split(';')[0] ?? '';
        client.cookie = pair.endsWith('=') ? null : pair;
      }
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
  return client;
}

export const TEST_PASSWORD = 'Zaq1-plan-editor-test';

/** Registers a new account and returns its logged-in client. */
export async function registerUser(server: HttpServer, name: string): Promise<ApiClient> {
  const client = anonymousClient(server);
  const email = `${name.toLowerCase().replace(/[^a-z0-9]/g, '')}-${Math.random().toString(36).slice(2, 8)}@example.pl`;
  const response = await client.request<{ user: { id: string } }>('POST', '/auth/register', { email, password: TEST_PASSWORD, name });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  client.userId = response.body.user.id;
  return client;
}
