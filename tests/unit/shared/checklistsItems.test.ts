import { describe, expect, it } from 'vitest';

import {
  changeStatus,
  createCustomItem,
  describeStatusChangeError,
  resolutionEntry,
  updateItem,
  validateItemDraft,
  type ItemDraft,
} from '@shared/domain/checklists/items';
import { needsAnnualReview, overdueCount, progressByPhase } from '@shared/domain/checklists/views';
import { ChecklistItemSchema } from '@shared/schemas/checklists';
import { EntryContentSchema } from '@shared/schemas/timeline';

import { guideItems, makeItem } from '../../factories/checklists';
import { T0, actor, makeIncident } from '../../factories/incident';

const draft = (overrides: Partial<ItemDraft> = {}): ItemDraft => ({
  phase: 'immediate',
  title: 'Call the chair of the mosque council',
  rationale: '',
  owner: 'community-liaison',
  offsetAmount: '2',
  offsetUnit: 'hours',
  assignee: 'Amira Haddad',
  notes: '',
  ...overrides,
});

describe('checklist item status', () => {
  it('records who completed an item and when, with the note', () => {
    const r = changeStatus(makeItem(), 'done', 'Holding statement out at 14:40', actor({ now: T0 + 40 * 60_000 }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.next).toMatchObject({
      status: 'done',
      resolutionNote: 'Holding statement out at 14:40',
      resolvedAt: T0 + 40 * 60_000,
      resolvedBy: 'Ingrid Berg',
    });
    expect(ChecklistItemSchema.safeParse(r.value.next).success).toBe(true);
    expect(r.value.changes.map((c) => c.field)).toEqual(['status', 'resolutionNote', 'resolvedAt', 'resolvedBy']);
  });

  it('refuses "not applicable" without a reason', () => {
    const r = changeStatus(makeItem(), 'not-applicable', '  ', actor());
    expect(r).toEqual({ ok: false, error: { code: 'reason-required' } });
    if (!r.ok) expect(describeStatusChangeError(r.error)).toContain('Say why');
    expect(
      ChecklistItemSchema.safeParse(
        makeItem({ status: 'not-applicable', resolvedAt: T0, resolvedBy: 'x', resolutionNote: null }),
      ).success,
    ).toBe(false);
  });

  it('reopens a done item, clearing who resolved it', () => {
    const done = changeStatus(makeItem(), 'done', '', actor());
    if (!done.ok) throw new Error('done');
    const reopened = changeStatus(done.value.next, 'in-progress', '', actor({ now: T0 + 5 }));
    expect(reopened.ok && reopened.value.next).toMatchObject({
      status: 'in-progress',
      resolvedAt: null,
      resolvedBy: null,
      resolutionNote: null,
    });
  });

  it('writes a timeline entry for the completion, linked to the item', () => {
    const done = changeStatus(makeItem({ id: 'cki_7' }), 'done', 'Posted on the city website', actor());
    if (!done.ok) throw new Error('done');
    const entry = resolutionEntry(done.value.next, T0);
    expect(EntryContentSchema.safeParse(entry).success).toBe(true);
    expect(entry).toMatchObject({
      category: 'action',
      title: 'Checklist: Issue a first public message to prevent panic — done (Posted on the city website)',
      links: [{ kind: 'checklist-item', id: 'cki_7' }],
    });
    const na = changeStatus(makeItem(), 'not-applicable', 'Police lead all public messages', actor());
    if (!na.ok) throw new Error('na');
    expect(resolutionEntry(na.value.next, T0).title).toBe(
      'Checklist: Issue a first public message to prevent panic — not applicable (Police lead all public messages)',
    );
  });
});

describe('custom items and edits', () => {
  it('adds a custom item to any phase', () => {
    const valid = validateItemDraft(draft({ phase: 'long-term', offsetAmount: '9', offsetUnit: 'months' }));
    if (!valid.ok) throw new Error('valid');
    const item = createCustomItem(valid.value, { id: 'cki_c', incidentId: 'inc_1', position: 3, actor: actor() });
    expect(ChecklistItemSchema.safeParse(item).success).toBe(true);
    expect(item).toMatchObject({
      phase: 'long-term',
      template: null,
      source: null,
      status: 'todo',
      offset: { unit: 'months', amount: 9 },
    });
  });

  it('names every problem in a bad item', () => {
    const r = validateItemDraft(draft({ title: '', offsetAmount: '4.5', owner: 'nobody', phase: 'soon' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.error).sort()).toEqual(['offsetAmount', 'owner', 'phase', 'title']);
  });

  it('keeps a template item’s wording but lets the team reschedule and assign it', () => {
    const item = makeItem();
    const valid = validateItemDraft(draft({ title: 'Something else', offsetAmount: '3' }));
    if (!valid.ok) throw new Error('valid');
    const { next, changes } = updateItem(item, valid.value, actor());
    expect(next.title).toBe(item.title);
    expect(next.assignee).toBe('Amira Haddad');
    expect(changes.find((c) => c.field === 'offset')).toEqual({
      field: 'offset',
      before: '+1 hour',
      after: '+3 hours',
    });
  });
});

describe('progress and overdue counts', () => {
  it('counts progress per phase', () => {
    const items = guideItems();
    const first = items.find((i) => i.phase === 'immediate')!;
    const done = changeStatus(first, 'done', '', actor());
    if (!done.ok) throw new Error('done');
    const progress = progressByPhase(items.map((i) => (i.id === first.id ? done.value.next : i)));
    expect(progress.map((p) => p.phase)).toEqual([
      'preparedness',
      'immediate',
      'early-days-weeks',
      'intermediate',
      'long-term',
    ]);
    expect(progress.find((p) => p.phase === 'immediate')).toMatchObject({ total: 16, done: 1, resolved: 1 });
  });

  it('counts nothing overdue on a closed incident', () => {
    const items = guideItems();
    expect(overdueCount(items, makeIncident({ startAt: T0 }), T0 + 2 * 3_600_000)).toBeGreaterThan(0);
    expect(
      overdueCount(items, makeIncident({ startAt: T0, status: 'closed', closedAt: T0 + 1 }), T0 + 2 * 3_600_000),
    ).toBe(0);
  });
});

describe('preparedness reviews', () => {
  it('asks for the yearly review a calendar year after an item was done', () => {
    const done = changeStatus(makeItem({ phase: 'preparedness', offset: null }), 'done', '', actor({ now: T0 }));
    if (!done.ok) throw new Error('done');
    // 13:00 in Oslo a calendar year on: summer time by then (the clocks change that morning).
    const year = Date.UTC(2027, 2, 28, 11, 0);
    expect(needsAnnualReview(done.value.next, year - 60_000, 'Europe/Oslo')).toBe(false);
    expect(needsAnnualReview(done.value.next, year, 'Europe/Oslo')).toBe(true);
    expect(needsAnnualReview(makeItem(), year * 2, 'Europe/Oslo')).toBe(false);
  });
});
