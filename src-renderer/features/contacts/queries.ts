import { useLiveQuery } from 'dexie-react-hooks';

import type { CallAttempt, Contact, ContactTree, TreeActivation } from '@shared/schemas/contacts';

import { useDesk } from '../../app/DeskContext';

export function useContacts(): Contact[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.contacts.listContacts(), [repos]);
}

export function useTrees(): ContactTree[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.contacts.listTrees(), [repos]);
}

export function useActivations(incidentId: string): TreeActivation[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.contacts.listActivations(incidentId), [repos, incidentId]);
}

export function useAttempts(activationId: string | null): CallAttempt[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(async () => (activationId === null ? [] : repos.contacts.attempts(activationId)), [repos, activationId]);
}
