import { describe, expect, it } from 'vitest';

import {
  activationProgress,
  changeState,
  checkTransition,
  describeActivationError,
  earlierActivationsOf,
  escalateToFallback,
  isSettled,
  isStoodDown,
  nextCallsFor,
  standDownActivation,
  standDownContent,
  startActivation,
  timelineContentFor,
} from '@shared/domain/contacts/activation';
import { findDuplicates, isStale, validateContactFields } from '@shared/domain/contacts/contact';
import {
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_CATEGORIES_SOURCE,
  matchCategory,
} from '@shared/domain/contacts/stakeholderCategories';
import {
  addNode,
  describeTreeError,
  findCycle,
  findNewDuplicate,
  indent,
  moveDown,
  moveUnder,
  moveUp,
  outdent,
  removeNode,
  setFallback,
} from '@shared/domain/contacts/tree';
import { checkEntryContent } from '@shared/domain/timeline/contentCheck';
import { TreeActivationSchema } from '@shared/schemas/contacts';
import { ENTRY_LIMITS } from '@shared/schemas/timeline';

import { makeContact, makeContactFields, makeNodes, makeTree } from '../../factories/contacts';
import { T0 } from '../../factories/incident';

const NAMES: Record<string, string> = {
  a: 'Mayor',
  b: 'Chief of staff',
  c: 'Community liaison',
  d: 'Imam Y. Rahman',
  e: 'Deputy',
};
const nameOf = (id: string) => NAMES[id] ?? id;
const DAY = 86_400_000;

describe('contacts directory rules', () => {
  it('finds a duplicate by phone (the same line however it is written) or by email, case-insensitively, never the contact itself', () => {
    const imam = makeContact({
      id: 'con_imam',
      name: 'Imam Y. Rahman',
      phones: [{ label: 'mobile', number: '+47 900 00 001' }],
      email: 'Imam@Mosque.no',
    });
    for (const typed of ['90000001', '0047 900 00 001', '+47 900.00.001']) {
      const byPhone = findDuplicates({ phones: [{ label: '', number: typed }], email: '' }, [imam], null, 'NO');
      expect(
        byPhone.map((d) => [d.contact.id, d.reason]),
        typed,
      ).toEqual([['con_imam', 'phone']]);
    }
    // The same digits read in another country are another line.
    expect(findDuplicates({ phones: [{ label: '', number: '90000001' }], email: '' }, [imam], null, 'US')).toEqual([]);
    expect(findDuplicates({ phones: [], email: 'imam@mosque.no' }, [imam], null, 'NO')[0]?.reason).toBe('email');
    expect(findDuplicates({ phones: imam.phones, email: imam.email }, [imam], 'con_imam', 'NO')).toEqual([]);
  });

  it('flags a contact as stale after 90 days without a check, or when never checked', () => {
    expect(isStale({ lastVerifiedAt: T0 }, T0 + 90 * DAY)).toBe(false);
    expect(isStale({ lastVerifiedAt: T0 }, T0 + 91 * DAY)).toBe(true);
    expect(isStale({ lastVerifiedAt: null }, T0)).toBe(true);
    expect(isStale({ lastVerifiedAt: T0 }, T0 + 31 * DAY, 30)).toBe(true);
  });

  it('refuses a contact nobody could reach, a bad email, and an unknown category, in words', () => {
    const r = validateContactFields(
      makeContactFields({ phones: [], email: 'not-an-email', category: 'dragons' }),
      T0,
      'NO',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.email).toContain('is not an email address');
      expect(r.error.category).toBe('Choose a category from the list.');
    }
    const none = validateContactFields(makeContactFields({ phones: [], email: '' }), T0, 'NO');
    expect(!none.ok && none.error.phones).toContain('nobody can reach');
  });

  it('carries the guide’s stakeholder categories with their citation', () => {
    expect(STAKEHOLDER_CATEGORIES.map((c) => c.id)).toContain('local-law-enforcement');
    expect(STAKEHOLDER_CATEGORIES_SOURCE).toContain('Guide for City-Led Response (Strong Cities Network, 2024)');
    expect(matchCategory('Local law enforcement')).toBe('local-law-enforcement');
    expect(matchCategory('civil society')).toBe('civil-society-and-communities');
    expect(matchCategory('dragons')).toBeNull();
  });
});

describe('call tree outline', () => {
  const tree = makeNodes([
    ['a', 0],
    ['b', 1],
    ['c', 2],
    ['d', 1],
  ]);

  it('indents under the person above and outdents after the caller’s callees', () => {
    const indented = indent(tree, 'n4', nameOf);
    expect(indented.ok && indented.value.map((n) => n.depth)).toEqual([0, 1, 2, 2]);
    const out = outdent(tree, 'n3', nameOf);
    expect(out.ok && out.value.map((n) => [n.contactId, n.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 1],
      ['d', 1],
    ]);
    const top = outdent(tree, 'n1', nameOf);
    expect(!top.ok && describeTreeError(top.error)).toBe('Refused: Mayor is already at the top of the tree.');
  });

  it('names the path of the person in every refused move', () => {
    const first = moveUp(tree, 'n2', nameOf);
    expect(!first.ok && describeTreeError(first.error)).toBe(
      'Refused: Chief of staff is already called first (Mayor → Chief of staff).',
    );
    const last = moveDown(tree, 'n4', nameOf);
    expect(!last.ok && describeTreeError(last.error)).toBe(
      'Refused: Imam Y. Rahman is already called last (Mayor → Imam Y. Rahman).',
    );
    const nobody = indent(tree, 'n2', nameOf);
    expect(!nobody.ok && describeTreeError(nobody.error)).toBe(
      'Refused: nobody above Chief of staff at the same level could call them (Mayor → Chief of staff). Move them down first, or add someone above.',
    );
    const under = moveUnder(tree, 'n2', 'n3', nameOf);
    expect(!under.ok && describeTreeError(under.error)).toBe(
      'Refused: Chief of staff cannot be placed under themself or under someone they call (Mayor → Chief of staff).',
    );
    const own = setFallback(tree, 'n3', 'c', nameOf);
    expect(!own.ok && describeTreeError(own.error)).toBe(
      'Refused: Community liaison cannot be their own fallback (Mayor → Chief of staff → Community liaison). Choose someone else.',
    );
  });

  it('places a person in a tree only once, saying where they already are', () => {
    const again = addNode(tree, { id: 'n9', contactId: 'c', depth: 0, fallbackContactId: null }, null, nameOf);
    expect(!again.ok && again.error).toEqual({
      code: 'duplicate',
      path: ['Mayor', 'Chief of staff', 'Community liaison'],
    });
    expect(!again.ok && describeTreeError(again.error)).toContain(
      'Refused: Community liaison is already in this tree (Mayor → Chief of staff → Community liaison).',
    );
    // As someone's fallback, a person already in the tree is fine.
    expect(setFallback(tree, 'n4', 'b', nameOf).ok).toBe(true);
    // A tree stored with a repeat keeps it until removed, but gains no new one.
    const legacy = makeNodes([
      ['a', 0],
      ['b', 1],
      ['b', 1],
    ]);
    expect(findNewDuplicate(legacy, legacy, nameOf)).toBeNull();
    expect(
      findNewDuplicate(tree, [...tree, { id: 'n9', contactId: 'a', depth: 0, fallbackContactId: null }], nameOf),
    ).toEqual(['Mayor']);
  });

  it('moves a person with everyone they call, within the same caller', () => {
    const down = moveDown(tree, 'n2', nameOf);
    expect(down.ok && down.value.map((n) => n.contactId)).toEqual(['a', 'd', 'b', 'c']);
    const up = moveUp(tree, 'n4', nameOf);
    expect(up.ok && up.value.map((n) => n.contactId)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveUp(tree, 'n2', nameOf).ok).toBe(false);
  });

  it('drops a person under another, or refuses to put them under someone they call', () => {
    const moved = moveUnder(tree, 'n4', 'n3', nameOf);
    expect(moved.ok && moved.value.map((n) => [n.contactId, n.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ]);
    const own = moveUnder(tree, 'n2', 'n3', nameOf);
    expect(!own.ok && own.error.code).toBe('cannot-move');
  });

  it('removes a person and passes the people they called to their caller', () => {
    const r = removeNode(tree, 'n2', nameOf);
    expect(r.ok && r.value.map((n) => [n.contactId, n.depth])).toEqual([
      ['a', 0],
      ['c', 1],
      ['d', 1],
    ]);
  });

  it('refuses a person under someone they call, and still finds a loop in a tree stored with one, naming the path', () => {
    const r = addNode(tree, { id: 'n9', contactId: 'a', depth: 0, fallbackContactId: null }, 'n3', nameOf);
    expect(!r.ok && r.error).toEqual({ code: 'duplicate', path: ['Mayor'] });
    const stored = makeNodes([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
    expect(findCycle(stored, nameOf)).toEqual(['Mayor', 'Chief of staff', 'Community liaison', 'Mayor']);
    expect(describeTreeError({ code: 'cycle', path: ['Mayor', 'Chief of staff', 'Mayor'] })).toContain(
      'Mayor → Chief of staff → Mayor',
    );
    expect(findCycle(tree, nameOf)).toBeNull();
  });
});

describe('activation', () => {
  const contacts = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, makeContact({ id, name: nameOf(id) })]));
  const start = () =>
    startActivation({
      id: 'act_1',
      incidentId: 'inc_1',
      tree: makeTree({
        name: 'Faith leaders',
        nodes: makeNodes([
          ['a', 0],
          ['b', 1, 'e'],
          ['c', 2],
          ['d', 1],
        ]),
      }),
      contacts,
      now: T0,
      operator: 'Ingrid Berg',
    });

  it('starts with everyone waiting, and is a valid stored record', () => {
    const a = start();
    expect(a.nodes.every((n) => n.state === 'waiting')).toBe(true);
    expect(TreeActivationSchema.safeParse(a).success).toBe(true);
    expect(activationProgress(a)).toMatchObject({ reached: 0, total: 4 });
  });

  it.each([
    ['reached', 'waiting', '', 'note-required'],
    ['reached', 'unreachable', 'wrong', 'not-allowed'],
    ['declined', 'calling', '', 'note-required'],
    ['waiting', 'waiting', '', 'same-state'],
  ] as const)('refuses %s → %s with note “%s” (%s)', (from, to, note, code) => {
    const r = checkTransition(from, to, note);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('lets a reached call go back to waiting with a note', () => {
    expect(checkTransition('reached', 'waiting', 'Marked by mistake').ok).toBe(true);
    expect(checkTransition('unreachable', 'calling', '').ok).toBe(true);
  });

  it('tells the form which calls need a note to reopen, as the transition rules do', () => {
    for (const state of ['waiting', 'calling', 'message-left', 'unreachable', 'reached', 'declined'] as const) {
      const back = state === 'waiting' ? 'calling' : 'waiting';
      expect(isSettled(state)).toBe(!checkTransition(state, back, '').ok);
    }
  });

  it('passes an unreachable call to the fallback once, and counts progress', () => {
    let a = start();
    const reached = changeState(a, 'n1', 'reached', '', T0 + 60_000);
    if (!reached.ok) throw new Error('reached');
    a = reached.value.next;
    expect(escalateToFallback(a, 'n2', T0).ok).toBe(false); // still waiting
    const unreachable = changeState(a, 'n2', 'unreachable', 'no answer', T0 + 120_000);
    if (!unreachable.ok) throw new Error('unreachable');
    a = unreachable.value.next;
    // The chief of staff's callee passes up to the mayor while the call is unreachable.
    expect(nextCallsFor(a, 'n1').map((n) => n.contactId)).toEqual(['c', 'd']);
    const escalated = escalateToFallback(a, 'n2', T0 + 180_000);
    if (!escalated.ok) throw new Error('escalate');
    expect(escalated.value.node).toMatchObject({ state: 'waiting', onFallback: true, fallbackName: 'Deputy' });
    a = escalated.value.next;
    expect(escalateToFallback(a, 'n2', T0).ok).toBe(false);
    expect(nextCallsFor(a, 'n1').map((n) => n.contactId)).toEqual(['b', 'd']);
    expect(activationProgress(a)).toMatchObject({ reached: 1, total: 4 });
    const entry = timelineContentFor(a, { ...escalated.value, previousName: 'Chief of staff' }, '', T0);
    expect(entry.title).toBe('Call tree “Faith leaders”: Chief of staff unreachable, passed to fallback Deputy');
    expect(entry.category).toBe('communication');
    expect(entry.links).toEqual([
      { kind: 'contact', id: 'e' },
      { kind: 'activation', id: 'act_1' },
    ]);
  });

  it('stands an activation down with a reason, after which no call changes', () => {
    const a = start();
    expect(standDownActivation(a, '  ', T0, 'Ingrid Berg')).toEqual({ ok: false, error: { code: 'reason-required' } });
    const down = standDownActivation(a, 'Threat over', T0 + 60_000, 'Ingrid Berg');
    if (!down.ok) throw new Error('stand down');
    expect(down.value.standDown).toEqual({ at: T0 + 60_000, by: 'Ingrid Berg', reason: 'Threat over' });
    expect(isStoodDown(down.value)).toBe(true);
    expect(TreeActivationSchema.safeParse(down.value).success).toBe(true);
    const call = changeState(down.value, 'n1', 'reached', '', T0 + 120_000);
    expect(!call.ok && describeActivationError(call.error)).toContain('was stood down by Ingrid Berg');
    expect(standDownActivation(down.value, 'Again', T0, 'Ingrid Berg').ok).toBe(false);
    expect(standDownContent(down.value, T0 + 60_000)).toMatchObject({
      title: 'Call tree “Faith leaders” stood down: 0 of 4 reached',
      body: 'Threat over',
      links: [{ kind: 'activation', id: 'act_1' }],
    });
  });

  it('cuts the stand-down line of a tree with a long name to the length of a timeline title', () => {
    const long = { ...start(), treeName: 'Faith and community leaders of the whole region '.repeat(12) };
    const down = standDownActivation(long, 'Threat over', T0 + 60_000, 'Ingrid Berg');
    if (!down.ok) throw new Error('stand down');
    const line = standDownContent(down.value, T0 + 60_000);
    expect(line.title.length).toBe(ENTRY_LIMITS.title);
    expect(line.title).toMatch(/^Call tree “Faith and community leaders of the whole region.*…$/);
    expect(checkEntryContent(line).ok).toBe(true);
  });

  it('finds the earlier activations of the same tree, newest first', () => {
    const first = { ...start(), id: 'act_1', treeId: 'tree_faith', startedAt: T0 };
    const second = { ...start(), id: 'act_2', treeId: 'tree_faith', startedAt: T0 + 1000 };
    const other = { ...start(), id: 'act_3', treeId: 'tree_other' };
    expect(earlierActivationsOf([first, other, second], 'tree_faith').map((a) => a.id)).toEqual(['act_2', 'act_1']);
  });

  it('refuses escalation where there is no fallback', () => {
    const a = start();
    const u = changeState(a, 'n4', 'unreachable', '', T0);
    const r = u.ok ? escalateToFallback(u.value.next, 'n4', T0) : null;
    expect(r && !r.ok && r.error.code).toBe('no-fallback');
  });
});
