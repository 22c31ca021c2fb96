import { describe, expect, it } from 'vitest';

import {
  contentCorrections,
  describeEntryChanges,
  isContentCorrection,
  revisionHeading,
} from '@shared/domain/timeline/historyWording';
import type { EntryContent } from '@shared/schemas/timeline';

import { makeContent } from '../../factories/timeline';

const ZONE = 'Europe/Oslo';
const base = makeContent({
  occurredAt: Date.UTC(2026, 2, 14, 9, 14),
  title: 'Hospital reports 12 injured',
  source: 'hospital',
  tags: ['medical'],
});
const ctx = {
  timeZone: ZONE,
  contactName: (id: string) => (id === 'con_1' ? 'Lars Nilsen' : undefined),
  describeLink: () => 'Statement: Holding statement (en)',
};

describe('describeEntryChanges', () => {
  it('says what changed in words, with times on the incident clock', () => {
    const next: EntryContent = {
      ...base,
      occurredAt: base.occurredAt + 3 * 60_000,
      title: 'Hospital reports 14 injured',
      category: 'information',
      tags: ['medical', 'hospital'],
      release: 'public',
    };
    expect(describeEntryChanges(base, next, ctx)).toEqual([
      { label: 'When it happened', before: '10:14', after: '10:17' },
      { label: 'Category', before: 'Event', after: 'Information received' },
      { label: 'What happened', before: 'Hospital reports 12 injured', after: 'Hospital reports 14 injured' },
      { label: 'Tags', before: '#medical', after: '#medical #hospital' },
      { label: 'Release', before: 'internal only', after: 'releasable to the public' },
    ]);
  });

  it('shows the dates when a time moves to another day', () => {
    const next = { ...base, occurredAt: base.occurredAt + 24 * 3_600_000 };
    expect(describeEntryChanges(base, next, ctx)).toEqual([
      { label: 'When it happened', before: 'Sat 14 Mar 2026, 10:14', after: 'Sun 15 Mar 2026, 10:14' },
    ]);
  });

  it('names contacts and links, never their ids', () => {
    const next: EntryContent = {
      ...base,
      sourceContactId: 'con_1',
      links: [{ kind: 'statement', id: 'stm_1' }],
      reportedAt: base.occurredAt,
    };
    expect(describeEntryChanges(base, next, ctx)).toEqual([
      { label: 'When the city heard of it', before: 'not set', after: 'Sat 14 Mar 2026, 10:14' },
      { label: 'Source in the directory', before: 'none', after: 'Lars Nilsen' },
      { label: 'Linked records', before: 'none', after: 'Statement: Holding statement (en)' },
    ]);
  });

  it('leaves the retraction to the revision heading and its reason', () => {
    expect(describeEntryChanges(base, { ...base, retracted: true, retractionReason: 'Duplicate' }, ctx)).toEqual([]);
  });
});

describe('corrections of content', () => {
  it('does not count a change of verification or a retraction', () => {
    const revisions = [
      { content: base },
      { content: { ...base, verification: 'confirmed' as const } },
      { content: { ...base, verification: 'confirmed' as const, title: 'Hospital reports 14 injured' } },
      {
        content: {
          ...base,
          verification: 'confirmed' as const,
          title: 'Hospital reports 14 injured',
          retracted: true,
          retractionReason: 'Wrong incident',
        },
      },
    ];
    expect(contentCorrections(revisions)).toBe(1);
    expect(isContentCorrection(base, { ...base, verification: 'disproven' })).toBe(false);
  });

  it('heads each revision by what it did', () => {
    expect(revisionHeading('verify', base, { ...base, verification: 'confirmed' })).toBe('Marked confirmed');
    expect(revisionHeading('edit', base, { ...base, verification: 'confirmed' })).toBe('Verification changed');
    expect(revisionHeading('edit', base, { ...base, title: 'New' })).toBe('Corrected');
  });
});
