import { auditEvent, creationChanges, diffFields, type Actor } from '@shared/domain/audit';
import { CONTACT_FIELDS, createContact, updateContact, validateContactFields, type ContactFieldErrors, type ContactFields } from '@shared/domain/contacts/contact';
import { deskPhoneCountry } from '@shared/domain/contacts/phone';
import { findCycle, findNewDuplicate, isWellFormed, type TreeError, type TreeSaveError } from '@shared/domain/contacts/tree';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { err, ok, type Result } from '@shared/domain/result';
import { type CallAttempt, type Contact, type ContactTree, type TreeActivation, type TreeNode } from '@shared/schemas/contacts';
import { fieldList } from '@shared/domain/changeWording';

import type { DeskDatabase } from '../database';

export type ContactWriteError =
  | { code: 'invalid'; errors: ContactFieldErrors }
  | { code: 'not-found'; id: string }
  | { code: 'in-use'; trees: string[] };

export type TreeWriteError = TreeSaveError;

const TREE_FIELDS = ['name', 'description', 'nodes'] as const;

/**
 * The contacts directory and call trees, read and changed (each change one transaction with its
 * audit line), and the activations, read. An activation's changes are the desk's use-cases
 * (desk/contacts/activation.ts), written with their timeline lines through the door.
 */
export function createContactsRepo(db: DeskDatabase, gen: IdGenerator) {
  const audit = (actor: Actor, input: { incidentId: string | null; entityType: string; entityId: string; action: 'create' | 'update' | 'delete' | 'import'; summary: string; changes?: ReturnType<typeof creationChanges> }) =>
    db.auditLog.add(auditEvent({ id: newId('aud', gen), actor, ...input }));

  /** Numbers without a + are read in the desk's country, as the city set it. */
  const country = async () => deskPhoneCountry(await db.settings.get('desk'));

  const checkTree = async (nodes: readonly TreeNode[], before: readonly TreeNode[]): Promise<TreeWriteError | null> => {
    if (!isWellFormed(nodes)) return { code: 'malformed' };
    const ids = [...new Set(nodes.flatMap((n) => (n.fallbackContactId === null ? [n.contactId] : [n.contactId, n.fallbackContactId])))];
    const found = await db.contacts.bulkGet(ids);
    const missing = ids.find((_, i) => found[i] === undefined);
    if (missing !== undefined) return { code: 'unknown-contact', contactId: missing };
    const names = new Map(found.filter((c): c is Contact => c !== undefined).map((c) => [c.id, c.name]));
    const nameOf = (id: string) => names.get(id) ?? id;
    const duplicate = findNewDuplicate(before, nodes, nameOf);
    if (duplicate) return { code: 'duplicate', path: duplicate };
    const cycle = findCycle(nodes, nameOf);
    return cycle ? { code: 'cycle', path: cycle } : null;
  };

  return {
    // ------------------------------------------------------------ directory
    /** The whole directory, by name. A city keeps hundreds of contacts, not hundreds of thousands. */
    listContacts: async (): Promise<Contact[]> => db.contacts.orderBy('name').toArray(),
    getContact: (id: string): Promise<Contact | undefined> => db.contacts.get(id),

    createContact: async (fields: ContactFields, actor: Actor): Promise<Result<Contact, ContactWriteError>> => {
      const valid = validateContactFields(fields, actor.now, await country());
      if (!valid.ok) return err({ code: 'invalid', errors: valid.error });
      return db.transaction('rw', db.contacts, db.auditLog, async () => {
        const contact = createContact(valid.value, newId('con', gen), actor);
        await db.contacts.add(contact);
        await audit(actor, { incidentId: null, entityType: 'contact', entityId: contact.id, action: 'create', summary: `Contact added: ${contact.name}`, changes: creationChanges(contact, CONTACT_FIELDS) });
        return ok(contact);
      });
    },

    updateContact: async (id: string, fields: ContactFields, actor: Actor): Promise<Result<Contact, ContactWriteError>> => {
      const valid = validateContactFields(fields, actor.now, await country());
      if (!valid.ok) return err({ code: 'invalid', errors: valid.error });
      return db.transaction('rw', db.contacts, db.auditLog, async () => {
        const current = await db.contacts.get(id);
        if (!current) return err({ code: 'not-found' as const, id });
        const next = updateContact(current, valid.value, actor);
        const changes = diffFields(current, next, CONTACT_FIELDS).filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
        if (changes.length === 0) return ok(current);
        await db.contacts.put(next);
        await audit(actor, { incidentId: null, entityType: 'contact', entityId: id, action: 'update', summary: `Contact changed: ${next.name} (${fieldList(changes)})`, changes });
        return ok(next);
      });
    },

    /** Records that someone checked the details today. */
    markVerified: (id: string, actor: Actor): Promise<Result<Contact, ContactWriteError>> =>
      db.transaction('rw', db.contacts, db.auditLog, async () => {
        const current = await db.contacts.get(id);
        if (!current) return err({ code: 'not-found' as const, id });
        const next = { ...current, lastVerifiedAt: actor.now, updatedAt: actor.now, updatedBy: actor.operator };
        await db.contacts.put(next);
        await audit(actor, { incidentId: null, entityType: 'contact', entityId: id, action: 'update', summary: `Contact details verified: ${next.name}`, changes: [{ field: 'lastVerifiedAt', before: current.lastVerifiedAt, after: actor.now }] });
        return ok(next);
      }),

    /** Deletes a contact no tree uses; otherwise names the trees that still do. */
    deleteContact: (id: string, actor: Actor): Promise<Result<null, ContactWriteError>> =>
      db.transaction('rw', db.contacts, db.contactTrees, db.auditLog, async () => {
        const current = await db.contacts.get(id);
        if (!current) return err({ code: 'not-found' as const, id });
        const trees = (await db.contactTrees.toArray()).filter((t) => t.nodes.some((n) => n.contactId === id || n.fallbackContactId === id)).map((t) => t.name);
        if (trees.length > 0) return err({ code: 'in-use' as const, trees });
        await db.contacts.delete(id);
        await audit(actor, { incidentId: null, entityType: 'contact', entityId: id, action: 'delete', summary: `Contact deleted: ${current.name}` });
        return ok(null);
      }),

    /** Adds every contact given, all or nothing, one audit line each. Fields are validated first. */
    importContacts: async (list: readonly ContactFields[], source: string, actor: Actor): Promise<Result<Contact[], { row: number; errors: ContactFieldErrors }>> => {
      const contacts: Contact[] = [];
      const deskCountry = await country();
      for (const [i, fields] of list.entries()) {
        const valid = validateContactFields(fields, actor.now, deskCountry);
        if (!valid.ok) return err({ row: i + 1, errors: valid.error });
        contacts.push(createContact(valid.value, newId('con', gen), actor));
      }
      await db.transaction('rw', db.contacts, db.auditLog, async () => {
        await db.contacts.bulkAdd(contacts);
        await db.auditLog.bulkAdd(contacts.map((c) => auditEvent({ id: newId('aud', gen), actor, incidentId: null, entityType: 'contact', entityId: c.id, action: 'import', summary: `Contact imported from ${source}: ${c.name}`, changes: creationChanges(c, CONTACT_FIELDS) })));
      });
      return ok(contacts);
    },

    // ------------------------------------------------------------ call trees
    listTrees: async (): Promise<ContactTree[]> => db.contactTrees.orderBy('name').toArray(),
    getTree: (id: string): Promise<ContactTree | undefined> => db.contactTrees.get(id),

    createTree: async (name: string, description: string, actor: Actor): Promise<Result<ContactTree, TreeWriteError>> => {
      if (name.trim() === '' || name.trim().length > 120) return err({ code: 'bad-name' });
      return db.transaction('rw', db.contactTrees, db.auditLog, async () => {
        const tree: ContactTree = { id: newId('ctr', gen), name: name.trim(), description: description.trim(), nodes: [], createdAt: actor.now, createdBy: actor.operator, updatedAt: actor.now, updatedBy: actor.operator };
        await db.contactTrees.add(tree);
        await audit(actor, { incidentId: null, entityType: 'contactTree', entityId: tree.id, action: 'create', summary: `Call tree created: ${tree.name}`, changes: creationChanges(tree, TREE_FIELDS) });
        return ok(tree);
      });
    },

    /** Saves a tree's name, description and outline; a malformed outline or a loop is refused whole. */
    saveTree: (id: string, change: { name?: string; description?: string; nodes?: TreeNode[] }, actor: Actor): Promise<Result<ContactTree, TreeWriteError>> =>
      db.transaction('rw', db.contactTrees, db.contacts, db.auditLog, async () => {
        const current = await db.contactTrees.get(id);
        if (!current) return err({ code: 'not-found' as const, treeId: id });
        const next: ContactTree = {
          ...current, name: change.name?.trim() ?? current.name, description: change.description?.trim() ?? current.description, nodes: change.nodes ?? current.nodes,
          updatedAt: actor.now, updatedBy: actor.operator,
        };
        if (next.name === '' || next.name.length > 120) return err({ code: 'bad-name' as const });
        const problem = change.nodes ? await checkTree(next.nodes, current.nodes) : null;
        if (problem) return err(problem);
        const changes = diffFields(current, next, TREE_FIELDS).filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
        if (changes.length === 0) return ok(current);
        await db.contactTrees.put(next);
        await audit(actor, { incidentId: null, entityType: 'contactTree', entityId: id, action: 'update', summary: `Call tree changed: ${next.name}`, changes });
        return ok(next);
      }),

    /**
     * Applies one outline command (indent, move, add…) to the tree as stored now, inside the
     * transaction, so quick successive edits never act on a stale copy.
     */
    editTree: (id: string, command: (nodes: readonly TreeNode[], nameOf: (contactId: string) => string) => Result<TreeNode[], TreeError>, actor: Actor): Promise<Result<ContactTree, TreeWriteError>> =>
      db.transaction('rw', db.contactTrees, db.contacts, db.auditLog, async () => {
        const current = await db.contactTrees.get(id);
        if (!current) return err({ code: 'not-found' as const, treeId: id });
        const names = new Map((await db.contacts.toArray()).map((c) => [c.id, c.name]));
        const next = command(current.nodes, (contactId) => names.get(contactId) ?? 'Unknown contact');
        if (!next.ok) return next;
        const problem = await checkTree(next.value, current.nodes);
        if (problem) return err(problem);
        const tree: ContactTree = { ...current, nodes: next.value, updatedAt: actor.now, updatedBy: actor.operator };
        await db.contactTrees.put(tree);
        await audit(actor, { incidentId: null, entityType: 'contactTree', entityId: id, action: 'update', summary: `Call tree changed: ${tree.name}`, changes: [{ field: 'nodes', before: current.nodes, after: tree.nodes }] });
        return ok(tree);
      }),

    deleteTree: (id: string, actor: Actor): Promise<Result<null, TreeWriteError>> =>
      db.transaction('rw', db.contactTrees, db.auditLog, async () => {
        const current = await db.contactTrees.get(id);
        if (!current) return err({ code: 'not-found' as const, treeId: id });
        await db.contactTrees.delete(id);
        await audit(actor, { incidentId: null, entityType: 'contactTree', entityId: id, action: 'delete', summary: `Call tree deleted: ${current.name}` });
        return ok(null);
      }),

    // ------------------------------------------------------------ activations
    listActivations: async (incidentId: string): Promise<TreeActivation[]> => (await db.treeActivations.where('[incidentId+startedAt]').between([incidentId, 0], [incidentId, Number.MAX_SAFE_INTEGER]).toArray()),
    getActivation: (id: string): Promise<TreeActivation | undefined> => db.treeActivations.get(id),
    contactsById: (ids: readonly string[]): Promise<(Contact | undefined)[]> => db.contacts.bulkGet([...ids]),
    /** The call log of an activation, oldest first. */
    attempts: (activationId: string): Promise<CallAttempt[]> => db.callAttempts.where('[activationId+at]').between([activationId, 0], [activationId, Number.MAX_SAFE_INTEGER]).toArray(),

  };
}
export type ContactsRepo = ReturnType<typeof createContactsRepo>;
