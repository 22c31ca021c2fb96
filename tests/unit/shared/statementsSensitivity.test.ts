import { describe, expect, it } from 'vitest';

import {
  checkSensitivity,
  countNameMentions,
  detailTopics,
  type SensitivityContext,
} from '@shared/domain/statements/sensitivity';

import { makePerson } from '../../factories/statements';

const none: SensitivityContext = { people: [], glossary: [], unverifiedEntries: [] };

describe('sensitivity checks on the text', () => {
  it('warns when a victim is named and no consent is recorded', () => {
    const victim = makePerson({ name: 'Sara Lind', role: 'victim', consentRecorded: false });
    const w = checkSensitivity('We think of Sara Lind and her family.', { ...none, people: [victim] });
    expect(w).toEqual([
      expect.objectContaining({
        code: 'victim-named-without-consent',
        key: `victim:${victim.id}`,
        message: '“Sara Lind” is named (once), and no consent to name them is recorded.',
      }),
    ]);
  });

  it('says nothing when the consent to name a victim is recorded', () => {
    const victim = makePerson({
      name: 'Sara Lind',
      consentRecorded: true,
      consentNote: 'Her parents, 28 March, by phone',
    });
    expect(checkSensitivity('We think of Sara Lind.', { ...none, people: [victim] })).toEqual([]);
  });

  it('catches a victim named by surname alone, whatever the case', () => {
    const victim = makePerson({ name: 'Sara Lind' });
    expect(checkSensitivity('The LIND family has asked for privacy.', { ...none, people: [victim] })).toHaveLength(1);
  });

  it('does not match a name inside another word', () => {
    expect(countNameMentions('Lindgren and Lindhagen were there', 'Sara Lind')).toBe(0);
  });

  it('warns when the suspected perpetrator is named, counting every mention', () => {
    const suspect = makePerson({ name: 'Anders Holm', role: 'suspect' });
    const w = checkSensitivity('Anders Holm was arrested. Holm is 34.', { ...none, people: [suspect] });
    expect(w).toEqual([
      expect.objectContaining({
        code: 'perpetrator-named',
        message: 'The suspected perpetrator “Anders Holm” is named 2 times.',
      }),
    ]);
    expect(w[0]?.advice).toContain('Deny attackers publicity');
  });

  it('warns about motive details while the related timeline entries are unverified', () => {
    const entries = [
      { id: 'tle_1', title: 'Social media: attack was motivated by hatred of Muslims', body: '' },
      { id: 'tle_2', title: 'Road closed on Markens gate', body: '' },
    ];
    const w = checkSensitivity('The attack appears to have been motivated by hatred.', {
      ...none,
      unverifiedEntries: entries,
    });
    expect(w).toEqual([
      expect.objectContaining({
        code: 'unverified-details',
        key: 'unverified:motive',
        message:
          'The text states a motive (“motiv”) while the related timeline entry is still unverified: “Social media: attack was motivated by hatred of Muslims”.',
      }),
    ]);
  });

  it('warns about suspect details while entries about the suspect are unverified, and not otherwise', () => {
    const entries = [{ id: 'tle_1', title: 'Police: one suspect detained near the station', body: '' }];
    expect(checkSensitivity('A suspect has been detained.', { ...none, unverifiedEntries: entries })).toEqual([
      expect.objectContaining({ key: 'unverified:suspect' }),
    ]);
    expect(checkSensitivity('A suspect has been detained.', none)).toEqual([]);
    expect(checkSensitivity('Please stay away from the centre.', { ...none, unverifiedEntries: entries })).toEqual([]);
  });

  it('finds motive and suspect words in Arabic too', () => {
    expect(detailTopics('تم القبض على المشتبه به')).toMatchObject({ suspect: ['مشتبه', 'القبض'] });
  });

  it("warns when a community is named in words the city's glossary marks as to avoid", () => {
    const glossary = [
      { avoid: 'Muslim terrorist', prefer: 'the attacker', note: "Ties a faith to the attacker's crime." },
    ];
    const w = checkSensitivity('No muslim  terrorist will divide us.', { ...none, glossary });
    expect(w).toEqual([
      {
        code: 'glossary-term',
        key: 'glossary:muslim terrorist',
        message: "“Muslim terrorist” appears once: the city's glossary marks it as a term to avoid.",
        advice: "Prefer “the attacker”. Ties a faith to the attacker's crime.",
      },
    ]);
  });

  it('raises nothing on a calm holding statement', () => {
    const victim = makePerson({ name: 'Sara Lind' });
    const suspect = makePerson({ name: 'Anders Holm', role: 'suspect' });
    const text =
      'At 13:00 a vehicle was driven into pedestrians at Market Square. Please stay away. Kristiansand stands together.';
    expect(
      checkSensitivity(text, {
        people: [victim, suspect],
        glossary: [{ avoid: 'illegals', prefer: 'migrants', note: '' }],
        unverifiedEntries: [{ id: 'e', title: 'Suspect motivated by hate', body: '' }],
      }),
    ).toEqual([]);
  });
});
