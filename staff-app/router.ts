// The app's pages in the address's hash (#/cases, #/documents/ID …): reloadable and linkable
// without the server knowing the app's routes.
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'overview' }
  | { page: 'cases' }
  | { page: 'case'; id: string }
  | { page: 'document'; id: string }
  | { page: 'devices' }
  | { page: 'staff' }
  | { page: 'log' }
  | { page: 'stats' };

export function parseHash(hash: string): Route {
  const [, page, id] = hash.replace(/^#/, '').split('/');
  if (page === 'case' && id) return { page: 'case', id: decodeURIComponent(id) };
  if (page === 'document' && id) return { page: 'document', id: decodeURIComponent(id) };
  if (page === 'cases' || page === 'devices' || page === 'staff' || page === 'log' || page === 'stats') return { page };
  return { page: 'overview' };
}

export const href = (r: Route) => `#/${r.page}${'id' in r ? `/${encodeURIComponent(r.id)}` : ''}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
