import { useLiveQuery } from 'dexie-react-hooks';

import type { CallAttempt, Contact, ContactTree, TreeActivation } from '@shared/schemas/contacts';

import { useDesk } from '../../desk/DeskContext';

export function useContacts(): Contact[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.contacts.listContacts(), [useCases]);
}

export function useTrees(): ContactTree[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.contacts.listTrees(), [useCases]);
}

export function useActivations(incidentId: string): TreeActivation[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.contacts.listActivations(incidentId), [useCases, incidentId]);
}

export function useAttempts(activationId: string | null): CallAttempt[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(
    async () => (activationId === null ? [] : useCases.contacts.attempts(activationId)),
    [useCases, activationId],
  );
}
