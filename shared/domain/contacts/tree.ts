import { err, ok, type Result } from '../result';
import type { TreeNode } from '../../schemas/contacts';
import { format, type DomainMessageId } from '../../i18n/format';

/**
 * Call trees as outlines: nodes in reading order, each with a depth. A node's caller is the
 * nearest node above it with a smaller depth. Every command here is pure and returns the new
 * outline, or an error in words; a refused command leaves the tree as it was.
 */

/** Why a move is refused; the message names the person's place in the tree. */
export type MoveProblem = 'nobody-above' | 'at-top' | 'first' | 'last' | 'under-self' | 'own-fallback';

export type TreeError =
  | { code: 'cycle'; path: string[] }
  /** path: who calls whom down to the person, top first. */
  | { code: 'cannot-move'; problem: MoveProblem; path: string[] }
  | { code: 'duplicate'; path: string[] }
  | { code: 'not-found'; nodeId: string };

/** "Mayor → Chief of staff → Imam Y. Rahman", or "Mayor, at the top of the tree". */
export function describePath(path: readonly string[]): string {
  return path.length === 1 ? format('contacts.tree.topOfTree', { name: path[0] ?? '' }) : path.join(' → ');
}

const MOVE_PROBLEM_MESSAGES = {
  'nobody-above': 'contacts.tree.nobodyAbove',
  'at-top': 'contacts.tree.atTop',
  first: 'contacts.tree.first',
  last: 'contacts.tree.last',
  'under-self': 'contacts.tree.underSelf',
  'own-fallback': 'contacts.tree.ownFallback',
} as const satisfies Record<MoveProblem, DomainMessageId>;

/** Every refusal in words, with the path of the person concerned. */
export function describeTreeError(e: TreeError): string {
  switch (e.code) {
    case 'cycle':
      return format('contacts.tree.cycle', { path: e.path.join(' → ') });
    case 'duplicate':
      return format('contacts.tree.duplicate', {
        name: e.path.at(-1) ?? format('contacts.tree.thisPerson'),
        path: describePath(e.path),
      });
    case 'cannot-move': {
      const values = { name: e.path.at(-1) ?? format('contacts.tree.ThisPerson'), path: describePath(e.path) };
      return format(MOVE_PROBLEM_MESSAGES[e.problem], values);
    }
    case 'not-found':
      return format('contacts.tree.nodeNotFound');
  }
}

/** Problems a stored tree can have besides those of the commands above (checked again on save). */
export type TreeSaveError =
  | TreeError
  | { code: 'malformed' }
  | { code: 'unknown-contact'; contactId: string }
  | { code: 'bad-name' }
  | { code: 'not-found'; treeId: string };

const TREE_SAVE_MESSAGES = {
  malformed: 'contacts.tree.malformed',
  'unknown-contact': 'contacts.tree.unknownContact',
  'bad-name': 'contacts.tree.badName',
} as const satisfies Record<string, DomainMessageId>;

export function describeTreeWriteError(e: TreeSaveError): string {
  switch (e.code) {
    case 'malformed':
    case 'unknown-contact':
    case 'bad-name':
      return format(TREE_SAVE_MESSAGES[e.code]);
    case 'not-found':
      return 'treeId' in e ? format('contacts.tree.treeNotFound') : describeTreeError(e);
    default:
      return describeTreeError(e);
  }
}

/** The index of the node's caller, or null for a node at the top. */
export function parentIndex(nodes: readonly Pick<TreeNode, 'depth'>[], i: number): number | null {
  const node = nodes[i];
  if (!node) return null;
  for (let j = i - 1; j >= 0; j -= 1) if ((nodes[j]?.depth ?? 0) < node.depth) return j;
  return null;
}

/** One past the last node of the subtree starting at i (the node and everyone it has called). */
export function subtreeEnd(nodes: readonly TreeNode[], i: number): number {
  const depth = nodes[i]?.depth ?? 0;
  let end = i + 1;
  while (end < nodes.length && (nodes[end]?.depth ?? 0) > depth) end += 1;
  return end;
}

/** The indexes of a node's callees, in calling order. */
export function childIndexes(nodes: readonly TreeNode[], i: number | null): number[] {
  const depth = i === null ? -1 : (nodes[i]?.depth ?? 0);
  const start = i === null ? 0 : i + 1;
  const end = i === null ? nodes.length : subtreeEnd(nodes, i);
  const out: number[] = [];
  for (let j = start; j < end; j += 1) if (nodes[j]?.depth === depth + 1) out.push(j);
  return out;
}

/** Indexes of the node's callers, top first. */
export function ancestorIndexes(nodes: readonly TreeNode[], i: number): number[] {
  const out: number[] = [];
  let p = parentIndex(nodes, i);
  while (p !== null) {
    out.unshift(p);
    p = parentIndex(nodes, p);
  }
  return out;
}

/**
 * The first loop in who calls whom: a contact who appears among their own callers. The path
 * runs from that contact's first appearance down to the repeat ("A → B → C → A").
 */
export function findCycle(nodes: readonly TreeNode[], nameOf: (contactId: string) => string): string[] | null {
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i];
    if (!node) continue;
    const chain = ancestorIndexes(nodes, i).map((a) => nodes[a]?.contactId ?? '');
    const at = chain.indexOf(node.contactId);
    if (at >= 0) return [...chain.slice(at), node.contactId].map(nameOf);
  }
  return null;
}

/** The names from the top of the tree down to node i. */
export function pathOf(nodes: readonly TreeNode[], i: number, nameOf: (contactId: string) => string): string[] {
  return [...ancestorIndexes(nodes, i), i].map((j) => nameOf(nodes[j]?.contactId ?? ''));
}

/**
 * The path of the first person placed more often in `after` than in `before` and more than once
 * (as a callee; being someone's fallback as well is fine). A tree saved before this rule keeps
 * its old repeats until someone removes them, but gains no new one.
 */
export function findNewDuplicate(
  before: readonly TreeNode[],
  after: readonly TreeNode[],
  nameOf: (contactId: string) => string,
): string[] | null {
  const count = (nodes: readonly TreeNode[]) => {
    const m = new Map<string, number>();
    for (const n of nodes) m.set(n.contactId, (m.get(n.contactId) ?? 0) + 1);
    return m;
  };
  const was = count(before);
  for (const [contactId, n] of count(after)) {
    if (n > 1 && n > (was.get(contactId) ?? 0))
      return pathOf(
        after,
        after.findIndex((m) => m.contactId === contactId),
        nameOf,
      );
  }
  return null;
}

/** True when depths start at 0 and never jump more than one level down. */
export function isWellFormed(nodes: readonly TreeNode[]): boolean {
  return nodes.every((n, i) => (i === 0 ? n.depth === 0 : n.depth >= 0 && n.depth <= (nodes[i - 1]?.depth ?? 0) + 1));
}

function checked(nodes: TreeNode[], nameOf: (contactId: string) => string): Result<TreeNode[], TreeError> {
  const cycle = findCycle(nodes, nameOf);
  return cycle ? err({ code: 'cycle', path: cycle }) : ok(nodes);
}

const find = (nodes: readonly TreeNode[], nodeId: string): number => nodes.findIndex((n) => n.id === nodeId);
const shift = (block: readonly TreeNode[], by: number): TreeNode[] => block.map((n) => ({ ...n, depth: n.depth + by }));

/** Adds a contact as the last callee of `parentNodeId` (or at the top level when null). */
export function addNode(
  nodes: readonly TreeNode[],
  node: TreeNode,
  parentNodeId: string | null,
  nameOf: (id: string) => string,
): Result<TreeNode[], TreeError> {
  const already = nodes.findIndex((n) => n.contactId === node.contactId);
  if (already >= 0) return err({ code: 'duplicate', path: pathOf(nodes, already, nameOf) });
  if (parentNodeId === null) return checked([...nodes, { ...node, depth: 0 }], nameOf);
  const p = find(nodes, parentNodeId);
  if (p < 0) return err({ code: 'not-found', nodeId: parentNodeId });
  const end = subtreeEnd(nodes, p);
  return checked([...nodes.slice(0, end), { ...node, depth: (nodes[p]?.depth ?? 0) + 1 }, ...nodes.slice(end)], nameOf);
}

/** Removes a node; the people it called move up to its caller, in place. */
export function removeNode(
  nodes: readonly TreeNode[],
  nodeId: string,
  nameOf: (id: string) => string,
): Result<TreeNode[], TreeError> {
  const i = find(nodes, nodeId);
  if (i < 0) return err({ code: 'not-found', nodeId });
  const end = subtreeEnd(nodes, i);
  return checked([...nodes.slice(0, i), ...shift(nodes.slice(i + 1, end), -1), ...nodes.slice(end)], nameOf);
}

type Names = (id: string) => string;

/** Where the node being moved stands: its index, the node, and the end of the block it heads. */
type Moving = { i: number; node: TreeNode; end: number };

/**
 * The frame of every move: find the node (it may be gone), plan the new order with `move`, and
 * check it; a move that cannot be made says why (`MoveProblem`), with the node's path named.
 */
function move(
  nodes: readonly TreeNode[],
  nodeId: string,
  nameOf: Names,
  plan: (at: Moving) => TreeNode[] | MoveProblem | TreeError,
): Result<TreeNode[], TreeError> {
  const i = find(nodes, nodeId);
  const node = nodes[i];
  if (!node) return err({ code: 'not-found', nodeId });
  const moved = plan({ i, node, end: subtreeEnd(nodes, i) });
  if (Array.isArray(moved)) return checked(moved, nameOf);
  return err(
    typeof moved === 'string' ? { code: 'cannot-move', problem: moved, path: pathOf(nodes, i, nameOf) } : moved,
  );
}

/** Tab: the node (with everyone it calls) becomes the last callee of the person above it at its level. */
export function indent(nodes: readonly TreeNode[], nodeId: string, nameOf: Names): Result<TreeNode[], TreeError> {
  return move(nodes, nodeId, nameOf, ({ i, node, end }) => {
    const prev = nodes[i - 1];
    if (!prev || prev.depth < node.depth) return 'nobody-above';
    return [...nodes.slice(0, i), ...shift(nodes.slice(i, end), 1), ...nodes.slice(end)];
  });
}

/** Shift+Tab: the node (with everyone it calls) is called by its caller's caller, right after its caller. */
export function outdent(nodes: readonly TreeNode[], nodeId: string, nameOf: Names): Result<TreeNode[], TreeError> {
  return move(nodes, nodeId, nameOf, ({ i, end }) => {
    const p = parentIndex(nodes, i);
    if (p === null) return 'at-top';
    const block = shift(nodes.slice(i, end), -1);
    const rest = [...nodes.slice(0, i), ...nodes.slice(end)];
    const parentEnd = subtreeEnd(rest, p);
    return [...rest.slice(0, parentEnd), ...block, ...rest.slice(parentEnd)];
  });
}

function siblingBefore(nodes: readonly TreeNode[], i: number): number | null {
  const depth = nodes[i]?.depth ?? 0;
  for (let j = i - 1; j >= 0; j -= 1) {
    const d = nodes[j]?.depth ?? 0;
    if (d === depth) return j;
    if (d < depth) return null;
  }
  return null;
}

/** Alt+Up: called one place earlier by the same caller. */
export function moveUp(nodes: readonly TreeNode[], nodeId: string, nameOf: Names): Result<TreeNode[], TreeError> {
  return move(nodes, nodeId, nameOf, ({ i, end }) => {
    const s = siblingBefore(nodes, i);
    if (s === null) return 'first';
    return [...nodes.slice(0, s), ...nodes.slice(i, end), ...nodes.slice(s, i), ...nodes.slice(end)];
  });
}

/** Alt+Down: called one place later by the same caller. */
export function moveDown(nodes: readonly TreeNode[], nodeId: string, nameOf: Names): Result<TreeNode[], TreeError> {
  return move(nodes, nodeId, nameOf, ({ i, node, end }) => {
    const next = nodes[end];
    if (!next || next.depth !== node.depth) return 'last';
    const nextEnd = subtreeEnd(nodes, end);
    return [...nodes.slice(0, i), ...nodes.slice(end, nextEnd), ...nodes.slice(i, end), ...nodes.slice(nextEnd)];
  });
}

/** Drag and drop: the node (with everyone it calls) becomes the last callee of `targetId`, or goes to the top level when null. */
export function moveUnder(
  nodes: readonly TreeNode[],
  nodeId: string,
  targetId: string | null,
  nameOf: Names,
): Result<TreeNode[], TreeError> {
  return move(nodes, nodeId, nameOf, ({ i, node, end }) => {
    const block = nodes.slice(i, end);
    if (targetId !== null && block.some((n) => n.id === targetId)) return 'under-self';
    const rest = [...nodes.slice(0, i), ...nodes.slice(end)];
    if (targetId === null) return [...rest, ...shift(block, -node.depth)];
    const t = find(rest, targetId);
    const target = rest[t];
    if (!target) return { code: 'not-found', nodeId: targetId };
    const tEnd = subtreeEnd(rest, t);
    return [...rest.slice(0, tEnd), ...shift(block, target.depth + 1 - node.depth), ...rest.slice(tEnd)];
  });
}

/** Sets or clears a node's fallback contact; a person cannot be their own fallback. */
export function setFallback(
  nodes: readonly TreeNode[],
  nodeId: string,
  fallbackContactId: string | null,
  nameOf: (id: string) => string,
): Result<TreeNode[], TreeError> {
  const i = find(nodes, nodeId);
  const node = nodes[i];
  if (!node) return err({ code: 'not-found', nodeId });
  if (fallbackContactId === node.contactId)
    return err({ code: 'cannot-move', problem: 'own-fallback', path: pathOf(nodes, i, nameOf) });
  return ok(nodes.map((n) => (n.id === nodeId ? { ...n, fallbackContactId } : n)));
}

/** Contact ids used by a tree, as callee or fallback. */
export function contactsInTree(nodes: readonly TreeNode[]): Set<string> {
  return new Set(
    nodes.flatMap((n) => (n.fallbackContactId === null ? [n.contactId] : [n.contactId, n.fallbackContactId])),
  );
}
