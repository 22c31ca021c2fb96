import type { ReactElement } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';
import type { TreeNode } from '@shared/schemas/contacts';

import { ActivationPanel } from '../../../src-renderer/features/contacts/ActivationPanel';
import { ContactsScreen } from '../../../src-renderer/features/contacts/ContactsScreen';
import { makeContactFields } from '../../factories/contacts';
import { actor, makeDraft, T0 } from '../../factories/incident';
import { written } from '../../support/written';
import { teamOfTwo, type TeamDesk } from '../../unit/renderer/desk/teamHarness';
import { deskSettings, fakeDesk } from '../fakeDesk';

const node = (id: string, contactId: string, depth: number): TreeNode => ({
  id,
  contactId,
  depth,
  fallbackContactId: null,
});
const onSecondDesk = (minutes: number) => actor({ operator: 'Ola Nordmann', now: T0 + minutes * 60_000 });

/** Two desks holding one call tree: the duty officer calls the imam and the police liaison. */
async function treeOnBoth() {
  const team = await teamOfTwo();
  const { a } = team;
  const [duty, imam, police] = await Promise.all(
    ['Duty officer Hansen', 'Imam Yusuf Rahman', 'Police liaison Berg'].map((name) =>
      written(a.desk.useCases.contacts.createContact(makeContactFields({ name }), actor())),
    ),
  );
  if (!duty || !imam || !police) throw new Error('contacts');
  const tree = await written(a.desk.useCases.contacts.createTree('Faith leaders', '', actor()));
  const nodes = [node('n1', duty.id, 0), node('n2', imam.id, 1), node('n3', police.id, 1)];
  await written(a.desk.useCases.contacts.saveTree(tree.id, { nodes }, actor()));
  await team.a.run();
  await team.b.run();
  return { ...team, tree, nodes };
}

/** The sides of the one change made apart a screen shows on `desk`, as the comparison lists them. */
async function compareOn(desk: TeamDesk['desk'], screenOfDesk: ReactElement) {
  const { Provider } = fakeDesk(desk);
  render(<Provider>{screenOfDesk}</Provider>);
  const note = await screen.findByTestId('changed-apart-note');
  await userEvent.setup().click(within(note).getByText('Compare the changes'));
  return (await within(note).findAllByRole('listitem')).map((side) => side.textContent);
}

describe('a call tree changed apart on two desks', () => {
  it('compares who is in it, level by level, as each desk wrote it', async () => {
    const { a, b, tree, nodes } = await treeOnBoth();
    const [duty, imam, police] = nodes as [TreeNode, TreeNode, TreeNode];
    // Apart: one desk has the imam call the police liaison, the other drops the liaison.
    await written(
      a.desk.useCases.contacts.saveTree(
        tree.id,
        { nodes: [duty, imam, { ...police, depth: 2 }] },
        actor({ now: T0 + 1 }),
      ),
    );
    await written(b.desk.useCases.contacts.saveTree(tree.id, { nodes: [duty, imam] }, onSecondDesk(1)));
    await b.run();
    await a.run();

    const sides = await compareOn(a.desk, <ContactsScreen settings={deskSettings} />);
    expect(sides).toHaveLength(2);
    expect(sides).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /“Faith leaders”, 3 people\. Level 1: Duty officer Hansen; Level 2: Imam Yusuf Rahman; Level 3: Police liaison Berg$/,
        ),
        expect.stringMatching(/“Faith leaders”, 2 people\. Level 1: Duty officer Hansen; Level 2: Imam Yusuf Rahman$/),
      ]),
    );
  });
});

describe('a call-tree activation worked apart on two desks', () => {
  it('compares each desk’s calls, and a stand-down with its reason', async () => {
    const { a, b, tree } = await treeOnBoth();
    const fields = validateIncidentDraft(makeDraft());
    if (!fields.ok) throw new Error('draft');
    const incident = await written(a.desk.useCases.incidents.create(fields.value, actor()));
    const activation = await written(a.desk.useCases.contacts.startActivation(incident.id, tree.id, actor()));
    await a.run();
    await b.run();
    // Apart: the scribe reaches the duty officer; the hospital liaison stands the calls down.
    await written(a.desk.useCases.contacts.setCallState(activation.id, 'n1', 'reached', '', actor({ now: T0 + 1 })));
    await written(
      b.desk.useCases.contacts.standDown(activation.id, 'False alarm: the report was a hoax', onSecondDesk(2)),
    );
    await b.run();
    await a.run();

    const sides = await compareOn(a.desk, <ActivationPanel incident={incident} settings={deskSettings} />);
    expect(sides).toHaveLength(2);
    expect(sides).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /1 of 3 reached: Duty officer Hansen \(reached\), Imam Yusuf Rahman \(waiting\), Police liaison Berg \(waiting\)$/,
        ),
        expect.stringMatching(
          /Stood down \(False alarm: the report was a hoax\); 0 of 3 reached: Duty officer Hansen \(waiting\)/,
        ),
      ]),
    );
  });
});
