import { COLLAB_PATH } from '../../shared/documentName.js';

/** The collaboration endpoint on the host that served the page (the dev server proxies it). */
export function collabServerUrl(pageLocation: Location = location): string {
  const scheme = pageLocation.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${pageLocation.host}${COLLAB_PATH}`;
}
