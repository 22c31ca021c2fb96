import { describe, expect, it } from 'vitest';

import { makeRecord, RELEASED_LINE, REVISED_LINE } from '../../factories/record';

describe('the record’s statements, activations and checklists as read', () => {
  it('gives a statement released then revised every release with its exact text, and the later version apart', async () => {
    const { content } = await makeRecord('internal');
    const [holding, draft] = content.statements ?? [];
    expect(holding).toMatchObject({
      title: 'Initial holding statement',
      status: 'approved',
      versions: 2,
      language: 'en',
    });
    expect(holding?.releases).toHaveLength(1);
    const release = holding?.releases[0];
    expect(release).toMatchObject({
      version: 1,
      channels: ['press', 'website'],
      approval: { approverName: 'Anna Hansen', approverRole: 'Mayor' },
    });
    expect(release?.text).toContain(RELEASED_LINE);
    expect(release?.approval?.textHash).toMatch(/^[0-9a-f]{64}$/);
    // Version 2 was approved but never released: it is shown apart, never as what the public read.
    expect(holding?.unreleased).toEqual([expect.objectContaining({ version: 2, status: 'approved' })]);
    expect(holding?.unreleased[0]?.text).toContain(REVISED_LINE);
    expect(holding?.trail.map((t) => t.text.replace(/ \(recorded by.*$/, ''))).toEqual([
      'Version 1 sent for review by Ingrid Berg',
      'Version 1 returned to draft by Anna Hansen, Mayor: “Say where families can go.”',
      'Version 1 sent for review by Ingrid Berg',
      'Version 1 approved by Anna Hansen, Mayor: “Approved by phone.”',
      'Released (version 1) to press, website by Ingrid Berg',
      'Version 2 sent for review by Ingrid Berg with 1 sensitivity warning overridden: “Police named him at their 12:45 briefing”',
      'Version 2 approved by Anna Hansen, Mayor: “Fine once the police confirm.”',
    ]);
    expect(draft).toMatchObject({ title: 'Draft on the suspect', status: 'draft', releases: [], trail: [] });
    expect(draft?.unreleased).toEqual([expect.objectContaining({ version: 1, status: 'draft', approval: null })]);
  });

  it('shows who was reached, who went to the fallback, and each call logged', async () => {
    const { content } = await makeRecord('internal');
    const [activation] = content.activations ?? [];
    expect(activation).toMatchObject({ reached: 1, total: 2 });
    expect(
      activation?.calls.map((c) => [
        c.name,
        c.state,
        c.fallbackName,
        c.attempts.map((a) => `${a.from}→${a.to}${a.escalated ? ' (fallback)' : ''}`),
      ]),
    ).toEqual([
      ['Imam Y. Rahman', 'reached', null, ['waiting→reached']],
      ['Rev. Kari Dahl', 'waiting', 'Berit Moen', ['waiting→unreachable', 'unreachable→waiting (fallback)']],
    ]);
    // Numbers appear only where the operator opted in, and never for a "do not share" contact.
    expect(activation?.calls[0]?.details).toBe('mobile 90 00 00 00 · imam@example.org');
    expect(activation?.calls[1]?.details).toBeNull();
    const council = (await makeRecord('council')).content.activations?.[0];
    expect(council?.calls.map((c) => c.details)).toEqual([null, null]);
  });

  it('groups checklist items by phase with counts, due times on the incident clock, and who resolved what', async () => {
    const { content } = await makeRecord('internal');
    const phases = content.checklists ?? [];
    expect(phases.map((p) => [p.phase, p.total, p.done, p.notApplicable])).toEqual([
      ['immediate', 2, 1, 1],
      ['long-term', 1, 0, 0],
    ]);
    expect(phases[0]?.items.map((i) => [i.resolvedBy, i.note])).toEqual([
      ['Ingrid Berg', 'At the scene by 13:20'],
      ['Ingrid Berg', 'The police run it'],
    ]);
    const anniversary = phases[1]?.items[0];
    // One calendar year after the start, on the same wall-clock time.
    expect(anniversary?.dueAt).toBe(Date.UTC(2027, 10, 24, 13, 0));
    expect(anniversary?.source).toContain('Practice suggestion');
  });

  it('says which area for improvement a corrective action answers', async () => {
    const { content } = await makeRecord('council');
    expect(content.lessons?.find((l) => l.kind === 'corrective-action')).toMatchObject({
      text: 'Print the call sheets for the night shift',
      answers: 'les_2',
    });
  });
});
