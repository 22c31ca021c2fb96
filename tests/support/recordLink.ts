import type { TeamLink } from '../../src-renderer/platform/platform';

const unused = () => Promise.reject(new Error('not part of this run'));

/**
 * A team link that carries records only (heads, publish, read), as a desk's exchange uses it; the
 * team's other actions (create, join, sharing…) are refused, being no part of what is run.
 */
export function recordLink(carries: Pick<TeamLink, 'heads' | 'publish' | 'read'>): TeamLink {
  return {
    ...carries,
    status: unused,
    create: unused,
    join: unused,
    invitation: unused,
    admit: unused,
    revoke: unused,
    startSharing: unused,
    stopSharing: unused,
    addPeer: unused,
    syncFolder: unused,
  };
}
