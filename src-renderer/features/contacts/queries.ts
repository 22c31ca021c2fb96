import type { CallAttempt, Contact, ContactTree, TreeActivation } from '@shared/schemas/contacts';

import { useDeskQuery } from '../../desk/useDeskQuery';

export function useContacts(): Contact[] | undefined {
  return useDeskQuery((desk) => desk.contacts.listContacts());
}

export function useTrees(): ContactTree[] | undefined {
  return useDeskQuery((desk) => desk.contacts.listTrees());
}

export function useActivations(incidentId: string): TreeActivation[] | undefined {
  return useDeskQuery((desk) => desk.contacts.listActivations(incidentId), [incidentId]);
}

export function useAttempts(activationId: string | null): CallAttempt[] | undefined {
  return useDeskQuery(
    async (desk) => (activationId === null ? [] : desk.contacts.attempts(activationId)),
    [activationId],
  );
}
