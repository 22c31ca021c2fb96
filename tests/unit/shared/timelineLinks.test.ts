import { describe, expect, it } from 'vitest';

import { addLink, contactNamedBy, describeLink, linkTargetsOf } from '@shared/domain/timeline/linkTargets';

const targets = linkTargetsOf({
  statements: [{ id: 'stm_1', title: 'Initial holding statement', language: 'en' }],
  checklistItems: [{ id: 'cki_1', title: 'Issue a first public message' }],
  contacts: [
    { id: 'con_1', name: 'Lars Nilsen', organisation: 'Kristiansand police' },
    { id: 'con_2', name: 'Kari Holm', organisation: '' },
    { id: 'con_3', name: 'Kari Holm', organisation: 'Red Cross' },
  ],
  activations: [
    { id: 'act_2', treeName: 'Later tree', startedAt: 2 },
    { id: 'act_1', treeName: 'Mayor’s office cascade', startedAt: 1 },
  ],
});

describe('timeline links', () => {
  it('offers statements, checklist items, contacts, then activations in the order they started', () => {
    expect(targets.map((t) => `${t.kind}:${t.label}`)).toEqual([
      'statement:Initial holding statement (en)',
      'checklist-item:Issue a first public message',
      'contact:Lars Nilsen, Kristiansand police',
      'contact:Kari Holm',
      'contact:Kari Holm, Red Cross',
      'activation:Mayor’s office cascade',
      'activation:Later tree',
    ]);
  });

  it('reads a link by the record’s name, and says so when the record is gone', () => {
    expect(describeLink({ kind: 'statement', id: 'stm_1' }, targets)).toBe('Statement: Initial holding statement (en)');
    expect(describeLink({ kind: 'contact', id: 'con_9' }, targets)).toBe('Contact no longer on this desk (con_9)');
  });

  it('keeps one link per record', () => {
    const once = addLink([], { kind: 'statement', id: 'stm_1' });
    expect(addLink(once, { kind: 'statement', id: 'stm_1' })).toEqual([{ kind: 'statement', id: 'stm_1' }]);
    expect(addLink(once, { kind: 'contact', id: 'stm_1' })).toHaveLength(2);
  });

  it('links a typed source to the one contact it names, ignoring case and spaces, never guessing between two', () => {
    const contacts = [
      { id: 'con_1', name: 'Lars Nilsen' },
      { id: 'con_2', name: 'Kari Holm' },
      { id: 'con_3', name: 'Kari Holm' },
    ];
    expect(contactNamedBy('  lars nilsen ', contacts)).toBe('con_1');
    expect(contactNamedBy('Kari Holm', contacts)).toBeNull();
    expect(contactNamedBy('police', contacts)).toBeNull();
    expect(contactNamedBy('', contacts)).toBeNull();
  });
});
