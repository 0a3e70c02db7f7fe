import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { anonymousClient, TEST_PASSWORD } from '../helpers/apiClient.js';
import { withServiceTables } from '../helpers/serviceTables.js';

describe('accounts', () => {
  it('stores passwords only as scrypt hashes and session tokens only as hashes', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const client = anonymousClient(server);
    const registered = await client.request('POST', '/auth/register', { email: 'anna@example.pl', password: TEST_PASSWORD, name: 'Anna' });
    expect(registered.status).toBe(201);
    const token = client.cookie?.split('=')[1] ?? '';
    expect(token.length).toBeGreaterThan(20);

    const [users, sessions] = await withServiceTables(server, async (tables) => [
      await tables.all<Record<string, unknown>>('SELECT * FROM users'),
      await tables.all<Record<string, unknown>>('SELECT * FROM sessions'),
    ]);
    expect(users).toHaveLength(1);
    expect(String(users[0]?.password_hash)).toMatch(/^scrypt\$17\$8\$1\$/);
    const everything = JSON.stringify([users, sessions]);
    expect(everything).not.toContain(TEST_PASSWORD);
    expect(everything).not.toContain(token);
  });

  it('sets an httpOnly SameSite=Lax session cookie and logs out', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const response = await fetch(`${server.httpUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'cookie@example.pl', password: TEST_PASSWORD, name: 'C' }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const client = anonymousClient(server);
    client.cookie = cookie.split(';')[0] ?? null;
    expect((await client.request('GET', '/me')).status).toBe(200);
    expect((await client.request('POST', '/auth/logout')).status).toBe(204);
    client.cookie = cookie.split(';')[0] ?? null;
    expect((await client.request('GET', '/me')).status).toBe(401);
  });

  it('answers with clear error codes: weak password, email taken, wrong password', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const client = anonymousClient(server);
    const weak = await client.request<{ error: { code: string } }>('POST', '/auth/register', { email: 'a@example.pl', password: 'short', name: 'A' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weakPassword');
    expect((await client.request('POST', '/auth/register', { email: 'a@example.pl', password: TEST_PASSWORD, name: 'A' })).status).toBe(201);
    const taken = await client.request<{ error: { code: string } }>('POST', '/auth/register', { email: 'A@example.pl', password: TEST_PASSWORD, name: 'B' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('emailTaken');
    const wrong = await client.request<{ error: { code: string } }>('POST', '/auth/login', { email: 'a@example.pl', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('wrongCredentials');
  });

  it('throttles login attempts per account, even with the right password afterwards', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const client = anonymousClient(server);
    await client.request('POST', '/auth/register', { email: 'target@example.pl', password: TEST_PASSWORD, name: 'T' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await client.request('POST', '/auth/login', { email: 'target@example.pl', password: `guess-${attempt}-xxxxx` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const blocked = await client.request<{ error: { code: string; details: { retryAfterSeconds: number } } }>('POST', '/auth/login', {
      email: 'target@example.pl',
      password: TEST_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('tooManyAttempts');
    expect(blocked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
  }, 60_000);

  it('limits new accounts per address, since each costs a memory-hard hash', async () => {
    const server = await startTestServer({ authenticate: 'sessions', config: { maxRegistrationsPerHour: 2 } });
    const client = anonymousClient(server);
    const register = (index: number) =>
      client.request<{ error: { code: string } }>('POST', '/auth/register', { email: `nowy${index}@example.pl`, password: TEST_PASSWORD, name: `N${index}` });
    expect((await register(1)).status).toBe(201);
    expect((await register(2)).status).toBe(201);
    const third = await register(3);
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('tooManyAttempts');
  }, 60_000);

  it('refuses a state-changing API call from a foreign Origin', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const client = anonymousClient(server);
    const response = await client.request('POST', '/auth/register', { email: 'x@example.pl', password: TEST_PASSWORD, name: 'X' }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });
});
