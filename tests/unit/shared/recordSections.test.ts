import { describe, expect, it } from 'vitest';

import { digestActivations, digestChecklists, digestStatements } from '@shared/domain/record/recordSections';

import { makeRecord } from '../../factories/record';

describe('the record’s statements, activations and checklists as read', () => {
  it('gives each statement its approved text, hash and the whole approval trail in time order', async () => {
    const { content } = await makeRecord('internal');
    const { statements, other } = digestStatements(content.statements);
    expect(other).toEqual([]);
    const [holding, draft] = statements;
    expect(holding).toMatchObject({ title: 'Holding statement', status: 'Released', approvedVersion: 1, versions: 1, language: 'English' });
    expect(holding?.approvedText).toContain('Market Square');
    expect(holding?.approvedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(holding?.trail.map((t) => t.text.replace(/ \(recorded by.*$/, ''))).toEqual([
      'Version 1 sent for review by Ingrid Berg',
      'Version 1 returned to draft by Anna Hansen, Mayor: “Say where families can go.”',
      'Version 1 sent for review by Ingrid Berg',
      'Version 1 approved by Anna Hansen, Mayor: “Approved by phone.”',
      'Released (version 1) to press, website by Ingrid Berg',
    ]);
    expect(draft).toMatchObject({ title: 'Draft on the suspect', status: 'Draft', approvedText: null, trail: [] });
  });

  it('shows who was reached, who went to the fallback, and each call logged', async () => {
    const { content } = await makeRecord('internal');
    const [activation] = digestActivations(content.activations).activations;
    expect(activation?.progress).toMatchObject({ reached: 1, total: 2 });
    expect(activation?.calls.map((c) => [c.name, c.state, c.fallback, c.attempts.map((a) => a.change)])).toEqual([
      ['Imam Y. Rahman', 'Reached', null, ['waiting → reached']],
      ['Rev. Kari Dahl', 'Waiting', 'on fallback: Per Moen', ['waiting → unreachable', 'passed to the fallback contact']],
    ]);
    // Numbers appear only where the record carries them, and never for a "do not share" contact.
    expect(activation?.calls[0]?.details).toBe('mobile +47 900 00 000 · imam@example.org');
    expect(activation?.calls[1]?.details).toBeNull();
    const council = digestActivations((await makeRecord('council')).content.activations).activations[0];
    expect(council?.calls.map((c) => c.details)).toEqual([null, null]);
  });

  it('reads the numbers of records written before numbers were structured, and of those written since', async () => {
    const { content } = await makeRecord('internal');
    const contacts = content.activations?.contacts ?? [];
    // Older desks wrote { label, number }; this desk writes the number as it shows it, with its label.
    const older = contacts.map((c) => (c.id === 'con_imam' ? { ...c, phones: [{ label: 'mobile', number: '+47 900 00 000' }] } : c));
    const newer = contacts.map((c) => (c.id === 'con_imam' ? { ...c, phones: [{ label: 'After hours', number: '90 00 00 00' }] } : c));
    const detail = (list: typeof contacts) => digestActivations({ ...content.activations!, contacts: list }).activations[0]?.calls[0]?.details;
    expect(detail(older)).toBe('mobile +47 900 00 000 · imam@example.org');
    expect(detail(newer)).toBe('After hours 90 00 00 00 · imam@example.org');
  });

  it('groups checklist items by phase with counts, due times on the incident clock, and who resolved what', async () => {
    const { content } = await makeRecord('internal');
    const { phases } = digestChecklists(content.checklists, content.incident);
    expect(phases.map((p) => [p.phase, p.total, p.done, p.notApplicable])).toEqual([
      ['immediate', 2, 1, 1],
      ['long-term', 1, 0, 0],
    ]);
    expect(phases[0]?.items.map((i) => i.resolution)).toEqual(['Done by Ingrid Berg: At the scene by 13:20', 'Not applicable (Ingrid Berg): The police run it']);
    const anniversary = phases[1]?.items[0];
    // One calendar year after the start, on the same wall-clock time.
    expect(anniversary?.dueAt).toBe(Date.UTC(2027, 10, 24, 13, 0));
    expect(anniversary?.source).toContain('Practice suggestion');
  });

  it('keeps rows it cannot lay out as named lines, never dropping them', () => {
    const { statements, other } = digestStatements({ statements: [{ id: 'stm_x', title: 'From a newer desk' }], versions: [], approvals: [] });
    expect(statements).toEqual([]);
    expect(other).toEqual(['From a newer desk']);
  });
});
