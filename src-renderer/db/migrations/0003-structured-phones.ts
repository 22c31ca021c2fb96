import type { Transaction } from 'dexie';

import { legacyDeskCountry, upgradeLegacyContact } from '@shared/domain/contacts/legacy';
import type { Contact } from '@shared/schemas/contacts';

/**
 * Data version 3: every stored phone number is read once, in the desk's country (chosen, or
 * that of its time zone), and stored with its E.164 form and extension beside the number as
 * typed. A number the desk cannot read stays exactly as typed, flagged for checking.
 */
export async function upgradeToStructuredPhones(tx: Transaction): Promise<void> {
  const country = legacyDeskCountry(await tx.table('settings').get('desk'));
  await tx
    .table<Contact, string>('contacts')
    .toCollection()
    .modify((contact) => {
      const next = upgradeLegacyContact(contact, country);
      contact.phones = next.phones;
      contact.phoneKeys = next.phoneKeys;
    });
}
