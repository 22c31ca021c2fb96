import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { ContactsScreen } from '../../../src-renderer/features/contacts/ContactsScreen';
import { makeContactFields } from '../../factories/contacts';
import { actor, T0 } from '../../factories/incident';
import { written } from '../../support/written';
import { teamOfTwo } from '../../unit/renderer/desk/teamHarness';
import { deskSettings, fakeDesk } from '../fakeDesk';

describe('a contact changed apart on two desks', () => {
  it('says so on its row in the directory, with whose change is shown; an edit made knowing both removes it', async () => {
    const { a, b } = await teamOfTwo();
    const fields = makeContactFields({ name: 'Imam Yusuf Rahman', role: 'Imam' });
    const contact = await written(a.desk.useCases.contacts.createContact(fields, actor()));
    await a.run();
    await b.run();
    // Apart: the scribe fixes the role, the hospital liaison the organisation.
    await written(
      a.desk.useCases.contacts.updateContact(contact.id, { ...fields, role: 'Imam, Central Mosque' }, actor()),
    );
    await written(
      b.desk.useCases.contacts.updateContact(
        contact.id,
        { ...fields, organisation: 'Kristiansand Central Mosque' },
        actor({ operator: 'Ola Nordmann', now: T0 + 1 }),
      ),
    );
    await b.run();
    await a.run();

    const desk = fakeDesk(a.desk);
    render(
      <desk.Provider>
        <ContactsScreen settings={deskSettings} />
      </desk.Provider>,
    );
    const row = (await screen.findByText('Imam Yusuf Rahman')).closest('tr');
    if (!row) throw new Error('no row');
    const note = await within(row).findByTestId('changed-apart-note');
    expect(note.textContent).toMatch(/^Changed apart on 2 desks; shown: the change by /);
    // Compared: each desk's change as it wrote it.
    await userEvent.setup().click(within(note).getByText('Compare the changes'));
    const sides = await within(note).findAllByRole('listitem');
    expect(sides.map((s) => s.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^This desk.*Imam, Central Mosque, Kristiansand kommune;/),
        expect.stringMatching(/Imam, Kristiansand Central Mosque;/),
      ]),
    );
    expect(sides).toHaveLength(2);
    expect(sides[0]?.textContent).toContain('(shown)');

    // A change made here now, knowing both sides, settles it: the note goes.
    await written(a.desk.useCases.contacts.markVerified(contact.id, actor({ now: T0 + 60_000 })));
    await a.run();
    await b.run();
    await a.run();
    await expect.poll(() => within(row).queryByTestId('changed-apart-note')).toBeNull();
  });
});
