import { useLiveQuery } from 'dexie-react-hooks';

import { linkTargetsOf, type LinkTarget } from '@shared/domain/timeline/linkTargets';

import { useDesk } from '../../desk/DeskContext';

/** What an incident's entries can link to (its statements, checklist items and activations, and the directory). */
export function useLinkTargets(incidentId: string): {
  targets: LinkTarget[];
  contacts: { id: string; name: string }[];
} {
  const { useCases } = useDesk();
  const loaded = useLiveQuery(async () => {
    const [statements, checklistItems, contacts, activations] = await Promise.all([
      useCases.statements.listForIncident(incidentId),
      useCases.checklists.listForIncident(incidentId),
      useCases.contacts.listContacts(),
      useCases.contacts.listActivations(incidentId),
    ]);
    return {
      targets: linkTargetsOf({ statements, checklistItems, contacts, activations }),
      contacts: contacts.map((c) => ({ id: c.id, name: c.name })),
    };
  }, [useCases, incidentId]);
  return loaded ?? { targets: [], contacts: [] };
}
