import { creationChanges, deskAuditLines, diffFields, type Actor } from '@shared/domain/audit';
import {
  findCycle,
  findNewDuplicate,
  isWellFormed,
  type TreeError,
  type TreeSaveError,
} from '@shared/domain/contacts/tree';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { err, ok, type Result } from '@shared/domain/result';
import type { Contact, ContactTree, TreeNode } from '@shared/schemas/contacts';

import type { ContactsStore } from '../../db/repos/contactsRepo';
import type { Change, Door } from '../door';
import { busy, rowChanger, stillReads, type NotWritten } from '../planned';
import { realChanges } from './directory';
import { t } from '../../i18n/messages';

export type TreeWriteError = TreeSaveError | NotWritten;

const TREE_FIELDS = ['name', 'description', 'nodes'] as const;

type Deps = { door: Door; store: ContactsStore; gen: IdGenerator };

/** Call trees: who calls whom, created, reshaped (a malformed outline or a loop refused whole) and deleted, each with its audit line (desk-wide). */
export function createTrees({ door, store, gen }: Deps) {
  const BUSY = busy('callTree');
  const treeAudit = deskAuditLines(gen, 'contactTree');

  /** The outline's problems against the directory as stored; the contacts it names must still be there when it is written. */
  const checkTree = async (
    nodes: readonly TreeNode[],
    before: readonly TreeNode[],
  ): Promise<{ problem: TreeSaveError | null; people: string[] }> => {
    if (!isWellFormed(nodes)) return { problem: { code: 'malformed' }, people: [] };
    const ids = [
      ...new Set(
        nodes.flatMap((n) => (n.fallbackContactId === null ? [n.contactId] : [n.contactId, n.fallbackContactId])),
      ),
    ];
    const found = await store.contactsById(ids);
    const missing = ids.find((_, i) => found[i] === undefined);
    if (missing !== undefined) return { problem: { code: 'unknown-contact', contactId: missing }, people: ids };
    const names = new Map(found.filter((c): c is Contact => c !== undefined).map((c) => [c.id, c.name]));
    const nameOf = (id: string) => names.get(id) ?? id;
    const duplicate = findNewDuplicate(before, nodes, nameOf);
    if (duplicate) return { problem: { code: 'duplicate', path: duplicate }, people: ids };
    const cycle = findCycle(nodes, nameOf);
    return { problem: cycle ? { code: 'cycle', path: cycle } : null, people: ids };
  };
  /** The people a tree calls are still in the directory, with the names it was checked against. */
  const peopleStill = async (ids: readonly string[]) =>
    stillReads(
      'the people the tree calls are as read',
      ['contacts'],
      () => store.contactsById(ids),
      await store.contactsById(ids),
    );

  /** Changes one tree as stored now; `plan` says what to write. */
  const changeTree = rowChanger<'contactTrees', TreeWriteError>(
    door,
    'contactTrees',
    (key) => store.getTree(key),
    (id) => ({ missing: { code: 'not-found', treeId: id }, busy: BUSY }),
  );

  /** A tree's new outline, checked, and the change that writes it (nothing when nothing changed). */
  const reshaped = async (
    current: ContactTree,
    next: ContactTree,
    nodesChanged: boolean,
  ): Promise<Result<{ change: Change<unknown>; value: ContactTree }, TreeWriteError>> => {
    if (next.name === '' || next.name.length > 120) return err({ code: 'bad-name' });
    const checked = nodesChanged ? await checkTree(next.nodes, current.nodes) : null;
    if (checked?.problem) return err(checked.problem);
    const changes = realChanges(diffFields(current, next, TREE_FIELDS));
    if (changes.length === 0)
      return ok({ change: { scope: 'desk', kind: 'tree.unchanged', audit: [] }, value: current });
    return ok({
      change: {
        scope: 'desk',
        kind: 'tree.changed',
        put: { contactTrees: [next] },
        audit: [
          treeAudit(
            { operator: next.updatedBy, now: next.updatedAt },
            next.id,
            'update',
            t('audit.summary.treeChanged', { name: next.name }),
            changes,
          ),
        ],
        preconditions: checked ? [await peopleStill(checked.people)] : [],
      },
      value: next,
    });
  };

  return {
    listTrees: store.listTrees,
    getTree: store.getTree,

    async createTree(name: string, description: string, actor: Actor): Promise<Result<ContactTree, TreeWriteError>> {
      if (name.trim() === '' || name.trim().length > 120) return err({ code: 'bad-name' });
      const tree: ContactTree = {
        id: newId('ctr', gen),
        name: name.trim(),
        description: description.trim(),
        nodes: [],
        createdAt: actor.now,
        createdBy: actor.operator,
        updatedAt: actor.now,
        updatedBy: actor.operator,
      };
      const written = await door.write({
        scope: 'desk',
        kind: 'tree.created',
        add: { contactTrees: [tree] },
        audit: [
          treeAudit(
            actor,
            tree.id,
            'create',
            t('audit.summary.treeCreated', { name: tree.name }),
            creationChanges(tree, TREE_FIELDS),
          ),
        ],
      });
      return written.ok ? ok(tree) : written;
    },

    /** Saves a tree's name, description and outline; a malformed outline or a loop is refused whole. */
    saveTree: (
      id: string,
      change: { name?: string; description?: string; nodes?: TreeNode[] },
      actor: Actor,
    ): Promise<Result<ContactTree, TreeWriteError>> =>
      changeTree(id, (current) =>
        reshaped(
          current,
          {
            ...current,
            name: change.name?.trim() ?? current.name,
            description: change.description?.trim() ?? current.description,
            nodes: change.nodes ?? current.nodes,
            updatedAt: actor.now,
            updatedBy: actor.operator,
          },
          change.nodes !== undefined,
        ),
      ),

    /**
     * Applies one outline command (indent, move, add…) to the tree as stored now, so quick
     * successive edits never act on a stale copy.
     */
    editTree: (
      id: string,
      command: (nodes: readonly TreeNode[], nameOf: (contactId: string) => string) => Result<TreeNode[], TreeError>,
      actor: Actor,
    ): Promise<Result<ContactTree, TreeWriteError>> =>
      changeTree(id, async (current) => {
        const names = new Map((await store.listContacts()).map((c) => [c.id, c.name]));
        const next = command(
          current.nodes,
          (contactId) => names.get(contactId) ?? t('contacts.callSheet.unknownContact'),
        );
        if (!next.ok) return next;
        return reshaped(
          current,
          { ...current, nodes: next.value, updatedAt: actor.now, updatedBy: actor.operator },
          true,
        );
      }),

    deleteTree: (id: string, actor: Actor): Promise<Result<null, TreeWriteError>> =>
      changeTree(id, (current) =>
        Promise.resolve(
          ok({
            change: {
              scope: 'desk',
              kind: 'tree.deleted',
              delete: { contactTrees: [id] },
              audit: [treeAudit(actor, id, 'delete', t('audit.summary.treeDeleted', { name: current.name }))],
            },
            value: null,
          }),
        ),
      ),
  };
}
