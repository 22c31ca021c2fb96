import type { EntryLink } from '../../schemas/timeline';
import { format } from '../../i18n/format';

/** Something an entry can point to, as the operator picks it and as the entry shows it. */
export type LinkTarget = { readonly kind: EntryLink['kind']; readonly id: string; readonly label: string };

// ICU selectors are identifiers: 'checklist-item' is asked for as 'checklist_item'.
const selector = (kind: EntryLink['kind']) => kind.replace(/-/g, '_');

/** "Checklist item": what a kind of link target is called. */
export function linkKindLabel(kind: EntryLink['kind']): string {
  return format('timeline.link.kind', { kind: selector(kind) });
}

/** "Checklist items": the heading of a kind's targets in a picker. */
export function linkKindGroupLabel(kind: EntryLink['kind']): string {
  return format('timeline.link.kinds', { kind: selector(kind) });
}

/** The order kinds are offered in: what a logged entry most often relates to first. */
export const LINK_KINDS: readonly EntryLink['kind'][] = ['statement', 'checklist-item', 'contact', 'activation'];

/** Everything an incident's entries can link to, in a stable order for a picker. */
export function linkTargetsOf(records: {
  statements: readonly { id: string; title: string; language: string }[];
  checklistItems: readonly { id: string; title: string }[];
  contacts: readonly { id: string; name: string; organisation: string }[];
  activations: readonly { id: string; treeName: string; startedAt: number }[];
}): LinkTarget[] {
  return [
    ...records.statements.map((s) => ({ kind: 'statement' as const, id: s.id, label: `${s.title} (${s.language})` })),
    ...records.checklistItems.map((i) => ({ kind: 'checklist-item' as const, id: i.id, label: i.title })),
    ...records.contacts.map((c) => ({
      kind: 'contact' as const,
      id: c.id,
      label: c.organisation ? `${c.name}, ${c.organisation}` : c.name,
    })),
    ...[...records.activations]
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((a) => ({ kind: 'activation' as const, id: a.id, label: a.treeName })),
  ];
}

const keyOf = (l: Pick<EntryLink, 'kind' | 'id'>) => `${l.kind}:${l.id}`;

/** How a link reads: "Statement: Initial holding statement (en)", or says the record has gone. */
export function describeLink(link: EntryLink, targets: readonly LinkTarget[]): string {
  const target = targets.find((t) => keyOf(t) === keyOf(link));
  const kind = linkKindLabel(link.kind);
  return target
    ? format('timeline.link.shown', { kind, label: target.label })
    : format('timeline.link.gone', { kind, id: link.id });
}

/** Adds a link once: the same record linked twice is one link. */
export function addLink(links: readonly EntryLink[], link: EntryLink): EntryLink[] {
  return links.some((l) => keyOf(l) === keyOf(link)) ? [...links] : [...links, link];
}

/**
 * The contact a typed source names, when it names exactly one: "Lars Nilsen" or "lars nilsen"
 * links the entry's source to that contact; a name two contacts share links to neither.
 */
export function contactNamedBy(source: string, contacts: readonly { id: string; name: string }[]): string | null {
  const wanted = source.trim().toLocaleLowerCase();
  if (wanted === '') return null;
  const matches = contacts.filter((c) => c.name.trim().toLocaleLowerCase() === wanted);
  return matches.length === 1 ? (matches[0]?.id ?? null) : null;
}
