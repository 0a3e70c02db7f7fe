export type Route = { name: 'home' } | { name: 'plan'; planId: string } | { name: 'notFound' };

/** Maps a location path to a page. Plan ids are checked by the plan page, so it can say what is wrong. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  const match = /^\/plans\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1] !== undefined) return { name: 'plan', planId: decodeURIComponent(match[1]) };
  return { name: 'notFound' };
}

export function planPath(planId: string): string {
  return `/plans/${encodeURIComponent(planId)}`;
}
