export type Route =
  | { name: 'home' }
  | { name: 'login'; next: string }
  | { name: 'register'; next: string }
  | { name: 'workspace'; workspaceId: string }
  | { name: 'invitation'; token: string }
  | { name: 'plan'; planId: string }
  /** The public page of a consultation: no account needed. */
  | { name: 'consultation'; token: string }
  | { name: 'notFound' };

/**
 * Maps a location (path and query) to a page. Plan ids are checked by the plan
 * page, so it can say what is wrong.
 */
export function parseRoute(location: string): Route {
  const url = new URL(location, 'http://localhost');
  const pathname = url.pathname;
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/login') return { name: 'login', next: safeNextPath(url.searchParams.get('next')) };
  if (pathname === '/register') return { name: 'register', next: safeNextPath(url.searchParams.get('next')) };
  const consultation = /^\/konsultacje\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (consultation !== undefined) return { name: 'consultation', token: decodeURIComponent(consultation) };
  const match = /^\/(plans|workspaces|invitations)\/([^/]+)\/?$/.exec(pathname);
  const value = match?.[2] === undefined ? undefined : decodeURIComponent(match[2]);
  if (value === undefined) return { name: 'notFound' };
  if (match?.[1] === 'plans') return { name: 'plan', planId: value };
  if (match?.[1] === 'workspaces') return { name: 'workspace', workspaceId: value };
  return { name: 'invitation', token: value };
}

/** Only a path on this site may be a return target, never another origin (`//host`, `https:`). */
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

export function planPath(planId: string): string {
  return `/plans/${encodeURIComponent(planId)}`;
}

/** The public consultation page; the Polish path is what the public sees and shares. */
export function consultationPath(token: string): string {
  return `/konsultacje/${encodeURIComponent(token)}`;
}

export function workspacePath(workspaceId: string): string {
  return `/workspaces/${encodeURIComponent(workspaceId)}`;
}

export function invitationPath(token: string): string {
  return `/invitations/${encodeURIComponent(token)}`;
}

/** The login page, returning to `next` afterwards (omitted when it is the home page). */
export function loginPath(next = '/'): string {
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

export function registerPath(next = '/'): string {
  return next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`;
}
