/**
 * The one place that decides how the collaboration socket identifies the user.
 * The browser sends the session cookie with the WebSocket upgrade by itself and
 * the server stamps the name and colour, so no parameters are needed.
 */
export function connectionParams(): Record<string, string> {
  return {};
}
