import { deskPhoneCountry } from '@shared/domain/contacts/phone';
import { type CallAttempt, type Contact, type ContactTree, type TreeActivation } from '@shared/schemas/contacts';

import type { DeskDatabase } from '../database';

/**
 * The contacts directory, call trees and activations, read. Changes are the desk's use-cases
 * (desk/contacts), written through its door.
 */
export function createContactsStore(db: DeskDatabase) {
  return {
    // ------------------------------------------------------------ directory
    /** The whole directory, by name. A city keeps hundreds of contacts, not hundreds of thousands. */
    listContacts: async (): Promise<Contact[]> => db.contacts.orderBy('name').toArray(),
    getContact: (id: string): Promise<Contact | undefined> => db.contacts.get(id),

    // ------------------------------------------------------------ call trees
    listTrees: async (): Promise<ContactTree[]> => db.contactTrees.orderBy('name').toArray(),
    getTree: (id: string): Promise<ContactTree | undefined> => db.contactTrees.get(id),
    /** The trees that call this contact, first or as a fallback, by name. */
    treesCalling: async (contactId: string): Promise<string[]> =>
      (await db.contactTrees.toArray())
        .filter((t) => t.nodes.some((n) => n.contactId === contactId || n.fallbackContactId === contactId))
        .map((t) => t.name),

    // ------------------------------------------------------------ activations
    listActivations: async (incidentId: string): Promise<TreeActivation[]> =>
      await db.treeActivations
        .where('[incidentId+startedAt]')
        .between([incidentId, 0], [incidentId, Number.MAX_SAFE_INTEGER])
        .toArray(),
    getActivation: (id: string): Promise<TreeActivation | undefined> => db.treeActivations.get(id),
    contactsById: (ids: readonly string[]): Promise<(Contact | undefined)[]> => db.contacts.bulkGet([...ids]),
    /** Numbers without a + are read in the desk's country, as the city set it. */
    phoneCountry: async () => deskPhoneCountry(await db.settings.get('desk')),
    /** The call log of an activation, oldest first. */
    attempts: (activationId: string): Promise<CallAttempt[]> =>
      db.callAttempts
        .where('[activationId+at]')
        .between([activationId, 0], [activationId, Number.MAX_SAFE_INTEGER])
        .toArray(),
  };
}
export type ContactsStore = ReturnType<typeof createContactsStore>;
