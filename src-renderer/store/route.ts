/** The screens, addressed by the URL hash so a reload returns to the same place. */
export const WORKSPACE_TABS = [
  'overview',
  'timeline',
  'checklists',
  'contacts',
  'statements',
  'export',
  'audit',
] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export type Route =
  | { name: 'dashboard' }
  | { name: 'settings' }
  | { name: 'contacts' }
  | { name: 'plan' }
  | { name: 'templates' }
  | { name: 'team' }
  | { name: 'incident'; id: string; tab: WorkspaceTab };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'contacts') return { name: 'contacts' };
  if (parts[0] === 'plan') return { name: 'plan' };
  if (parts[0] === 'templates') return { name: 'templates' };
  if (parts[0] === 'team') return { name: 'team' };
  if (parts[0] === 'incident' && parts[1]) {
    const tab = (WORKSPACE_TABS as readonly string[]).includes(parts[2] ?? '')
      ? (parts[2] as WorkspaceTab)
      : 'overview';
    return { name: 'incident', id: parts[1], tab };
  }
  return { name: 'dashboard' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'dashboard':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'contacts':
      return '#/contacts';
    case 'plan':
      return '#/plan';
    case 'templates':
      return '#/templates';
    case 'team':
      return '#/team';
    case 'incident':
      return `#/incident/${encodeURIComponent(route.id)}/${route.tab}`;
  }
}
