import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';
import type { Result } from '@shared/domain/result';

import { StatementsPanel } from '../../../src-renderer/features/statements/StatementsPanel';
import { actor, makeDraft as makeIncidentDraft } from '../../factories/incident';
import { HOLDING_VALUES } from '../../factories/statements';
import { deskSettings, fakeDesk } from '../fakeDesk';
import { written } from '../../support/written';

function must<T, E>(r: Result<T, E>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/**
 * A holding statement with every gap filled, still a draft, and none of the guidance ticked.
 * The list of versions can be held back, as when the statement's live query lands before its
 * versions' one: the statement then names a version the screen does not have yet.
 */
async function deskWithReadyDraft() {
  const real = fakeDesk();
  let held: Promise<void> = Promise.resolve();
  let release = () => {};
  const desk = fakeDesk.around(real, {
    useCases: {
      ...real.useCases,
      statements: {
        ...real.useCases.statements,
        versions: async (statementId: string) => {
          const list = await real.useCases.statements.versions(statementId);
          await held;
          return list;
        },
      },
    },
  });
  const holdVersions = () => {
    held = new Promise((done) => (release = done));
    return () => release();
  };
  await desk.useCases.statements.ensureSeedTemplates(actor());
  const incident = await written(
    desk.useCases.incidents.create(must(validateIncidentDraft(makeIncidentDraft())), actor()),
  );
  const statement = must(
    await desk.useCases.statements.startDraft(
      { incident, cityName: 'Kristiansand', templateId: 'stt_initial-holding-statement_en' },
      actor(),
    ),
  );
  const v1 = (await desk.useCases.statements.getVersion(statement.headVersionId))!;
  must(
    await desk.useCases.statements.saveDraft(
      statement.id,
      { title: v1.title, body: v1.body, values: { ...v1.values, ...HOLDING_VALUES } },
      actor(),
    ),
  );
  return { desk, incident, statement, holdVersions };
}

describe('Send for review on a statement just edited', () => {
  it('keeps the last-look dialog open while the save makes a new version and the editor is rebuilt', async () => {
    const user = userEvent.setup();
    const { desk, incident, statement, holdVersions } = await deskWithReadyDraft();
    render(
      <desk.Provider>
        <StatementsPanel incident={incident} settings={deskSettings} />
      </desk.Provider>,
    );

    const title = await screen.findByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Vehicle attack in Market Square: what we know');
    const letVersionsThrough = holdVersions();
    await user.click(screen.getByRole('button', { name: 'Send for review' }));

    // The save lands as version 3; until the versions catch up the editor gives way to Loading…
    await waitFor(async () => expect((await desk.useCases.statements.get(statement.id))!.headVersionNumber).toBe(3));
    await screen.findByText('Loading the statement…');
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull();
    // …and is built again on the new version, the dialog still asked for.
    letVersionsThrough();
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Title' }).value).toBe(
        'Vehicle attack in Market Square: what we know',
      ),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Send for review?' });
    expect(within(dialog).getByText(/not ticked/)).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Send for review' }));
    await waitFor(async () => expect((await desk.useCases.statements.get(statement.id))!.status).toBe('in-review'));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Send for review?' })).toBeNull());
  });
});
