import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';

import { isStale } from '@shared/domain/contacts/contact';
import {
  addNode,
  describePath,
  describeTreeWriteError,
  indent,
  moveDown,
  moveUnder,
  moveUp,
  outdent,
  pathOf,
  removeNode,
  setFallback,
  type TreeError,
} from '@shared/domain/contacts/tree';
import type { Result } from '@shared/domain/result';
import type { Contact, ContactTree, TreeNode } from '@shared/schemas/contacts';
import type { DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useNow } from '../../lib/useNow';
import { PersonPicker } from '../../ui/PersonPicker';
import { useStaleDays } from './useStaleDays';
import { CallSheet } from './CallSheet';
import { ChangedApartRow } from '../team/ChangedApartNote';
import { describeTreeSide } from './changedApartSides';
import { useTrees } from './queries';
import { RowActionButton } from '../../ui/RowActionButton';
import { UserText } from '../../ui/UserText';
import { t, tRich } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

/** A new node's id: the time, and a random tail so two people added in the same millisecond differ. */
const newNodeId = (now: number): string => `tn_${now.toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

type Command = (nodes: readonly TreeNode[], nameOf: (id: string) => string) => Result<TreeNode[], TreeError>;

function Outline({
  tree,
  contacts,
  settings,
}: {
  tree: ContactTree;
  contacts: Contact[];
  settings: DeskSettings;
}): ReactElement {
  const { useCases, clock } = useDesk();
  const now = useNow();
  const staleDays = useStaleDays();
  const [selected, setSelected] = useState<string | null>(tree.nodes[0]?.id ?? null);
  const [message, setMessage] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const items = useRef(new Map<string, HTMLLIElement>());
  const addRef = useRef<HTMLInputElement>(null);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const nameOf = (id: string) => byId.get(id)?.name ?? t('contacts.callSheet.unknownContact');
  const actor = () => actorFrom(settings.operatorName, clock);

  // Focus follows the person just moved or added, once the saved tree has come back.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const id = pendingFocus.current;
    const el = id === null ? undefined : items.current.get(id);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  }, [focusTick, tree.nodes]);

  // Commands run one after another, each on the tree as stored, so quick key presses never act on a stale copy.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const run = async (command: Command, focusId: string | null) => {
    const saved = await useCases.contacts.editTree(tree.id, command, actor());
    if (!saved.ok) {
      setMessage(saved.error.code === 'refused' ? saved.error.message : describeTreeWriteError(saved.error));
      return;
    }
    setMessage(null);
    setSelected(focusId);
    pendingFocus.current = focusId;
    setFocusTick((tick) => tick + 1);
  };
  const apply = (command: Command, focusId: string | null = selected): Promise<void> => {
    queue.current = queue.current.then(
      () => run(command, focusId),
      () => run(command, focusId),
    );
    return queue.current;
  };

  const onKey = (e: KeyboardEvent<HTMLLIElement>, node: TreeNode, index: number) => {
    if (e.key === 'Tab') {
      e.preventDefault();
      void apply((n, names) => (e.shiftKey ? outdent(n, node.id, names) : indent(n, node.id, names)), node.id);
    } else if (e.altKey && e.key === 'ArrowUp') {
      e.preventDefault();
      void apply((n, names) => moveUp(n, node.id, names), node.id);
    } else if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      void apply((n, names) => moveDown(n, node.id, names), node.id);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const next = tree.nodes[index + (e.key === 'ArrowUp' ? -1 : 1)];
      if (next) {
        setSelected(next.id);
        pendingFocus.current = next.id;
        setFocusTick((tick) => tick + 1);
      }
    } else if (e.key === 'Escape') {
      addRef.current?.focus();
    }
  };

  const staleInTree = tree.nodes.filter((n) => {
    const c = byId.get(n.contactId);
    return c !== undefined && isStale(c, now, staleDays);
  }).length;

  return (
    <div className="tree-editor__outline">
      <div className="section-head">
        <h3 id="tree-outline-title">
          <UserText text={tree.name} />
        </h3>
        <button type="button" className="button" disabled={tree.nodes.length === 0} onClick={() => setPrinting(true)}>
          {t('contacts.tree.printCallSheet')}
        </button>
      </div>
      <ChangedApartRow
        table="contactTrees"
        rowId={tree.id}
        describe={(row) => describeTreeSide(row as ContactTree, nameOf)}
      />
      {staleInTree > 0 && (
        <p className="warning-text">{t('contacts.tree.staleWarning', { count: staleInTree, days: staleDays })}</p>
      )}
      <p className="shortcuts" id="tree-shortcuts">
        {tRich('contacts.tree.shortcuts', {}, { kbd: (chunks) => <kbd>{chunks}</kbd> })}
      </p>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {tree.nodes.length === 0 ? (
        <p className="muted">{t('contacts.tree.empty')}</p>
      ) : (
        <ul className="outline" role="tree" aria-labelledby="tree-outline-title" aria-describedby="tree-shortcuts">
          {tree.nodes.map((node, i) => {
            const contact = byId.get(node.contactId);
            const stale = contact !== undefined && isStale(contact, now, staleDays);
            const fallback = node.fallbackContactId === null ? undefined : byId.get(node.fallbackContactId);
            return (
              <li
                key={node.id}
                ref={(el) => {
                  if (el) items.current.set(node.id, el);
                  else items.current.delete(node.id);
                }}
                role="treeitem"
                aria-level={node.depth + 1}
                aria-selected={selected === node.id}
                aria-label={t('contacts.tree.item', { name: nameOf(node.contactId), level: node.depth + 1 })}
                tabIndex={selected === node.id || (selected === null && i === 0) ? 0 : -1}
                className={`outline__item${selected === node.id ? ' outline__item--selected' : ''}${dragging === node.id ? ' outline__item--dragging' : ''}`}
                style={{ paddingLeft: `${0.75 + node.depth * 2.25}rem` }}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', node.id);
                  e.dataTransfer.effectAllowed = 'move';
                  setDragging(node.id);
                }}
                onDragEnd={() => setDragging(null)}
                onDragOver={(e) => {
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  const moved = e.dataTransfer.getData('text/plain') || dragging;
                  setDragging(null);
                  if (moved && moved !== node.id) void apply((n, names) => moveUnder(n, moved, node.id, names), moved);
                }}
                onFocus={(e) => {
                  if (e.target === e.currentTarget) setSelected(node.id);
                }}
                onClick={() => setSelected(node.id)}
                onKeyDown={(e) => {
                  if (e.target === e.currentTarget) onKey(e, node, i);
                }}
              >
                <span className="outline__who">
                  <span className="outline__name">{nameOf(node.contactId)}</span>
                  <span className="muted">
                    {contact?.role}
                    {contact?.organisation
                      ? t('contacts.tree.organisation', { organisation: contact.organisation })
                      : ''}
                  </span>
                  {stale && <span className="badge badge--stale">{t('contacts.tree.staleDetails')}</span>}
                  {fallback && (
                    <span className="outline__fallback">
                      {t('contacts.tree.fallbackShown', {
                        name: fallback.name,
                        stale: isStale(fallback, now, staleDays) ? 'yes' : 'no',
                      })}
                    </span>
                  )}
                </span>
                {selected === node.id && (
                  <span className="outline__tools">
                    <label className="visually-hidden" htmlFor={`fallback-${node.id}`}>
                      {t('contacts.tree.fallbackFor', { name: nameOf(node.contactId) })}
                    </label>
                    <select
                      id={`fallback-${node.id}`}
                      value={node.fallbackContactId ?? ''}
                      onChange={(e) => {
                        const value = e.target.value;
                        void apply((n, names) => setFallback(n, node.id, value === '' ? null : value, names), node.id);
                      }}
                    >
                      <option value="">{t('contacts.tree.noFallback')}</option>
                      {contacts
                        .filter((c) => c.id !== node.contactId)
                        .map((c) => (
                          <option key={c.id} value={c.id}>
                            {t('contacts.tree.fallbackOption', { name: c.name })}
                          </option>
                        ))}
                    </select>
                    <RowActionButton
                      label={t('contacts.tree.outdent', { name: nameOf(node.contactId) })}
                      onClick={() => void apply((n, names) => outdent(n, node.id, names), node.id)}
                    >
                      {t('contacts.tree.outdentSymbol')}
                    </RowActionButton>
                    <RowActionButton
                      label={t('contacts.tree.indent', { name: nameOf(node.contactId) })}
                      onClick={() => void apply((n, names) => indent(n, node.id, names), node.id)}
                    >
                      {t('contacts.tree.indentSymbol')}
                    </RowActionButton>
                    <RowActionButton
                      label={t('contacts.tree.removeName', { name: nameOf(node.contactId) })}
                      onClick={() =>
                        void apply((n, names) => removeNode(n, node.id, names), tree.nodes[i - 1]?.id ?? null)
                      }
                    >
                      {t('contacts.tree.remove')}
                    </RowActionButton>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {dragging && (
        <div
          className="outline__top-drop"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const moved = e.dataTransfer.getData('text/plain') || dragging;
            setDragging(null);
            void apply((n, names) => moveUnder(n, moved, null, names), moved);
          }}
        >
          {t('contacts.tree.dropTop')}
        </div>
      )}
      <div className="tree-editor__add">
        <PersonPicker
          label={t('contacts.tree.addPerson')}
          inputRef={addRef}
          people={contacts.map((c) => {
            const at = tree.nodes.findIndex((n) => n.contactId === c.id);
            return {
              id: c.id,
              name: c.name,
              detail: [c.role, c.organisation].filter(Boolean).join(', '),
              unavailable:
                at < 0
                  ? undefined
                  : t('contacts.tree.alreadyIn', { path: describePath(pathOf(tree.nodes, at, nameOf)) }),
            };
          })}
          onPick={(contactId) => {
            const id = newNodeId(clock());
            void apply((n, names) => addNode(n, { id, contactId, depth: 0, fallbackContactId: null }, null, names), id);
          }}
        />
      </div>
      {printing && <CallSheet tree={tree} contacts={byId} onClose={() => setPrinting(false)} />}
    </div>
  );
}

/** The call trees: several named hierarchies of who calls whom, each with its outline editor. */
export function TreeEditor({ contacts, settings }: { contacts: Contact[]; settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const trees = useTrees();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const selected = trees?.find((tree) => tree.id === selectedId) ?? trees?.[0];
  return (
    <section className="panel tree-editor" aria-labelledby="trees-title">
      <h2 id="trees-title">{t('contacts.tree.title')}</h2>
      <div className="tree-editor__layout">
        <div className="tree-editor__list">
          <ul className="plain-list" aria-label={t('contacts.tree.title')}>
            {trees?.map((tree) => (
              <li key={tree.id}>
                <button
                  type="button"
                  className={`tree-link${tree.id === selected?.id ? ' tree-link--active' : ''}`}
                  aria-pressed={tree.id === selected?.id}
                  onClick={() => setSelectedId(tree.id)}
                >
                  <UserText text={tree.name} />{' '}
                  <span className="muted">{t('contacts.tree.size', { count: tree.nodes.length })}</span>
                </button>
              </li>
            ))}
          </ul>
          <DeskForm
            className="tree-editor__new"
            onSubmit={() => {
              const submitted = name;
              setName('');
              void useCases.contacts.createTree(submitted, '', actorFrom(settings.operatorName, clock)).then((r) => {
                if (!r.ok) {
                  setName((typed) => (typed === '' ? submitted : typed));
                  return setProblem(r.error.code === 'refused' ? r.error.message : t('contacts.tree.nameRequired'));
                }
                setProblem(null);
                setSelectedId(r.value.id);
              });
            }}
          >
            <label htmlFor="new-tree-name">{t('contacts.tree.newTree')}</label>
            <input
              id="new-tree-name"
              placeholder={t('contacts.tree.newTreePlaceholder')}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="button">
              {t('contacts.tree.create')}
            </button>
            {problem && (
              <p className="field__error" role="alert">
                {problem}
              </p>
            )}
          </DeskForm>
        </div>
        {selected ? (
          <Outline key={selected.id} tree={selected} contacts={contacts} settings={settings} />
        ) : (
          <p className="muted">{t('contacts.tree.none')}</p>
        )}
      </div>
    </section>
  );
}
