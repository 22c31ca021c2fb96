import { activationProgress, CALL_STATE_LABELS, calleeName } from '@shared/domain/contacts/activation';
import type { ContactTree, TreeActivation } from '@shared/schemas/contacts';

import { t } from '../../i18n/messages';

/**
 * A call tree as one desk wrote it, for comparing two changes made apart: its name and who is in
 * it, level by level in calling order (two desks most often differ in who calls whom).
 */
export function describeTreeSide(tree: ContactTree, nameOf: (contactId: string) => string): string {
  const levels = new Map<number, string[]>();
  for (const node of tree.nodes) {
    const names = levels.get(node.depth) ?? [];
    names.push(nameOf(node.contactId));
    levels.set(node.depth, names);
  }
  const byLevel = [...levels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([depth, names]) => t('contacts.tree.sideLevel', { level: depth + 1, names: names.join(', ') }));
  return t('contacts.tree.side', { name: tree.name, count: tree.nodes.length, levels: byLevel.join('; ') }).trim();
}

/** A call-tree activation as one desk wrote it: how far the calls got, each call's state, and any stand-down. */
export function describeActivationSide(activation: TreeActivation): string {
  const { reached, total } = activationProgress(activation);
  const calls = activation.nodes
    .map((node) => t('contacts.activation.sideCall', { name: calleeName(node), state: CALL_STATE_LABELS[node.state] }))
    .join(', ');
  return activation.standDown
    ? t('contacts.activation.sideStoodDown', { reached, total, calls, reason: activation.standDown.reason })
    : t('contacts.activation.side', { reached, total, calls });
}
