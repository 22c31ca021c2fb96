import { creationChanges, deskAuditLines, diffFields, type Actor } from '@shared/domain/audit';
import { fieldList } from '@shared/domain/changeWording';
import {
  CONTACT_FIELDS,
  createContact,
  updateContact,
  validateContactFields,
  type ContactFieldErrors,
  type ContactFields,
} from '@shared/domain/contacts/contact';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { err, ok, type Result } from '@shared/domain/result';
import type { Contact } from '@shared/schemas/contacts';
import type { FieldChange } from '@shared/schemas/entities';

import type { ContactsStore } from '../../db/repos/contactsRepo';
import type { Door } from '../door';
import { busy, rowChanger, stillReads, type NotWritten } from '../planned';
import { t } from '../../i18n/messages';

export type ContactWriteError =
  | { code: 'invalid'; errors: ContactFieldErrors }
  | { code: 'not-found'; id: string }
  | { code: 'in-use'; trees: string[] }
  | NotWritten;

export type ContactImportError = { row: number; errors: ContactFieldErrors } | NotWritten;

type Deps = { door: Door; store: ContactsStore; gen: IdGenerator };

/** Fields that really changed (a list or an object compared by value). */
export const realChanges = (changes: FieldChange[]): FieldChange[] =>
  changes.filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));

/** The contacts directory: people added, changed, verified, deleted and imported, each with its audit line (desk-wide). */
export function createDirectory({ door, store, gen }: Deps) {
  const BUSY = busy('contact');
  const contactAudit = deskAuditLines(gen, 'contact');

  /** Changes one contact as stored now; `plan` says what to write. */
  const changeContact = rowChanger<'contacts', ContactWriteError>(
    door,
    'contacts',
    (key) => store.getContact(key),
    (id) => ({ missing: { code: 'not-found', id }, busy: BUSY }),
  );

  return {
    listContacts: store.listContacts,
    getContact: store.getContact,

    async createContact(fields: ContactFields, actor: Actor): Promise<Result<Contact, ContactWriteError>> {
      const valid = validateContactFields(fields, actor.now, await store.phoneCountry());
      if (!valid.ok) return err({ code: 'invalid', errors: valid.error });
      const contact = createContact(valid.value, newId('con', gen), actor);
      const written = await door.write({
        scope: 'desk',
        kind: 'contact.added',
        add: { contacts: [contact] },
        audit: [
          contactAudit(
            actor,
            contact.id,
            'create',
            t('audit.summary.contactAdded', { name: contact.name }),
            creationChanges(contact, CONTACT_FIELDS),
          ),
        ],
      });
      return written.ok ? ok(contact) : written;
    },

    async updateContact(id: string, fields: ContactFields, actor: Actor): Promise<Result<Contact, ContactWriteError>> {
      const valid = validateContactFields(fields, actor.now, await store.phoneCountry());
      if (!valid.ok) return err({ code: 'invalid', errors: valid.error });
      return changeContact(id, (current) => {
        const next = updateContact(current, valid.value, actor);
        const changes = realChanges(diffFields(current, next, CONTACT_FIELDS));
        if (changes.length === 0)
          return ok({ change: { scope: 'desk', kind: 'contact.unchanged', audit: [] }, value: current });
        return ok({
          change: {
            scope: 'desk',
            kind: 'contact.changed',
            put: { contacts: [next] },
            audit: [
              contactAudit(
                actor,
                id,
                'update',
                t('audit.summary.contactChanged', { name: next.name, fields: fieldList(changes) }),
                changes,
              ),
            ],
          },
          value: next,
        });
      });
    },

    /** Records that someone checked the details today. */
    markVerified: (id: string, actor: Actor): Promise<Result<Contact, ContactWriteError>> =>
      changeContact(id, (current) => {
        const next = { ...current, lastVerifiedAt: actor.now, updatedAt: actor.now, updatedBy: actor.operator };
        const line = contactAudit(actor, id, 'update', t('audit.summary.contactVerified', { name: next.name }), [
          { field: 'lastVerifiedAt', before: current.lastVerifiedAt, after: actor.now },
        ]);
        return ok({
          change: { scope: 'desk', kind: 'contact.verified', put: { contacts: [next] }, audit: [line] },
          value: next,
        });
      }),

    /** Deletes a contact no tree uses; otherwise names the trees that still do. */
    deleteContact: (id: string, actor: Actor): Promise<Result<null, ContactWriteError>> =>
      changeContact(id, async (current) => {
        const trees = await store.treesCalling(id);
        if (trees.length > 0) return err({ code: 'in-use', trees });
        const unused = stillReads(`no call tree calls ${id}`, ['contactTrees'], () => store.treesCalling(id), trees);
        return ok({
          change: {
            scope: 'desk',
            kind: 'contact.deleted',
            delete: { contacts: [id] },
            audit: [contactAudit(actor, id, 'delete', t('audit.summary.contactDeleted', { name: current.name }))],
            preconditions: [unused],
          },
          value: null,
        });
      }),

    /** Adds every contact given, all or nothing, one audit line each. Fields are validated first. */
    async importContacts(
      list: readonly ContactFields[],
      source: string,
      actor: Actor,
    ): Promise<Result<Contact[], ContactImportError>> {
      const contacts: Contact[] = [];
      const deskCountry = await store.phoneCountry();
      for (const [i, fields] of list.entries()) {
        const valid = validateContactFields(fields, actor.now, deskCountry);
        if (!valid.ok) return err({ row: i + 1, errors: valid.error });
        contacts.push(createContact(valid.value, newId('con', gen), actor));
      }
      const lines = contacts.map((c) =>
        contactAudit(
          actor,
          c.id,
          'import',
          t('audit.summary.contactImported', { source, name: c.name }),
          creationChanges(c, CONTACT_FIELDS),
        ),
      );
      const written = await door.write({ scope: 'desk', kind: 'contact.imported', add: { contacts }, audit: lines });
      return written.ok ? ok(contacts) : written;
    },
  };
}
