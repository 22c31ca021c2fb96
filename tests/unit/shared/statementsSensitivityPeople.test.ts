import { describe, expect, it } from 'vitest';

import {
  checkSensitivity,
  identifyingDetails,
  isPersonLikeSource,
  linkedPeopleOf,
  type SensitivityContext,
} from '@shared/domain/statements/sensitivity';

import { makePerson } from '../../factories/statements';

const none: SensitivityContext = { people: [], glossary: [], unverifiedEntries: [] };
const codes = (text: string, ctx: SensitivityContext) => checkSensitivity(text, ctx).map((w) => w.code);

describe('people linked to the incident', () => {
  const linkedPeople = linkedPeopleOf({
    contacts: [
      { name: 'Kari Olsen', category: 'survivors' },
      { name: 'Per Berg', category: 'families-and-networks' },
      { name: 'Anna Hansen', category: 'mayor-and-senior-officials' },
    ],
    timelineSources: ['police', 'lars nilsen', 'anna hansen', 'social_media', 'fire service', 'kari olsen'],
  });

  it('knows the survivors, families and witnesses in the directory, and the people the timeline gives as sources', () => {
    expect(linkedPeople).toEqual([
      { name: 'Kari Olsen', why: "a survivor in the directory, and a source on this incident's timeline" },
      { name: 'Per Berg', why: 'a family member of a victim or survivor in the directory' },
      { name: 'lars nilsen', why: "a source on this incident's timeline" },
    ]);
  });

  it('warns when one of them is named, even if the drafter listed nobody, quoting the name as written', () => {
    const w = checkSensitivity('We spoke with Lars Nilsen and with Kari Olsen this morning.', {
      ...none,
      linkedPeople,
    });
    expect(w.map((x) => x.message)).toEqual([
      "“Kari Olsen” is named (once): a survivor in the directory, and a source on this incident's timeline.",
      "“Lars Nilsen” is named (once): a source on this incident's timeline.",
    ]);
  });

  it('leaves officials speaking for their office alone, and a first name alone', () => {
    expect(codes('Mayor Anna Hansen thanks Kari for her help.', { ...none, linkedPeople })).toEqual([]);
  });

  it('warns about a suspect listed on another statement of the incident, once', () => {
    const suspect = makePerson({ name: 'Jon Doe', role: 'suspect' });
    expect(codes('Jon Doe was arrested.', { ...none, people: [suspect, { ...suspect, id: 'per_other' }] })).toEqual([
      'perpetrator-named',
    ]);
  });

  it('tells an organisation from a person among the sources', () => {
    expect(isPersonLikeSource('lars nilsen')).toBe(true);
    expect(isPersonLikeSource('Red Cross')).toBe(false);
    expect(isPersonLikeSource('police')).toBe(false);
    expect(isPersonLikeSource('social_media')).toBe(false);
  });
});

describe('ages and home towns next to a name', () => {
  it.each([
    ['Kari Olsen, 34, was injured.', 'Kari Olsen', ['an age']],
    ['Kari Olsen (34) was injured.', 'Kari Olsen', ['an age']],
    ['A 34-year-old woman, Kari Olsen, was injured.', 'Kari Olsen', ['an age']],
    ['Kari Olsen, 34, from Lund was injured.', 'Kari Olsen', ['an age', 'a home town']],
    ['Kari Olsen from Vennesla was injured.', 'Kari Olsen', ['a home town']],
    ['Kari Olsen, 34, of Lund was injured.', 'Kari Olsen', ['an age', 'a home town']],
  ])('finds them in “%s”', (text, name, details) => {
    expect(identifyingDetails(text).map((f) => [f.name, f.details])).toEqual([[name, details]]);
  });

  it('does not mistake titles, dates and times for them', () => {
    expect(identifyingDetails('Mayor Anna Hansen of Kristiansand spoke at 14:05 on Monday, 30 November 2026.')).toEqual(
      [],
    );
  });

  it('warns with the words as written', () => {
    const [w] = checkSensitivity('We think of Kari Olsen, 34, from Lund.', none);
    expect(w).toMatchObject({
      code: 'identifying-details',
      message: '“Kari Olsen” is given with an age and a home town (“Kari Olsen, 34, from Lund”).',
    });
  });
});
