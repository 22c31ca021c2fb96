import { auditEvent } from '@shared/domain/audit';
import type { Result } from '@shared/domain/result';

import { guideItems } from '../../../factories/checklists';
import { makeContact, makeNodes, makeTree } from '../../../factories/contacts';
import { T0, actor, makeIncident } from '../../../factories/incident';
import { TYPED_HOLDING_VALUES } from '../../../factories/statements';
import { makeContent } from '../../../factories/timeline';
import { freshDesk, logged } from '../testDb';

const at = (minutes: number) => actor({ now: T0 + minutes * 60_000 });
const mayor = { approverName: 'Anna Hansen', approverRole: 'Mayor', comment: '' };

function must<T, E>(r: Result<T, E>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/**
 * A realistic first hour of an incident on one desk: set-up, directory and call tree, the
 * incident with its checklists, a log with corrections, a holding statement approved and
 * released, a call tree activated and a checklist item done.
 */
export async function firstHour() {
  const desk = freshDesk();
  const { door } = desk.core;
  const line = (id: string, entityType: string, entityId: string, summary: string, incidentId: string | null = null) =>
    auditEvent({ id, actor: at(0), incidentId, entityType, entityId, action: 'create', summary });
  // The desk's set-up, its directory and the incident are written here as their use-cases write
  // them through the door: one change each, with its audit line.
  const settings = {
    key: 'desk' as const,
    cityName: 'Kristiansand',
    operatorName: 'Ingrid Berg',
    operatorRole: 'Duty officer',
    defaultTimeZone: 'Europe/Oslo',
    createdAt: T0,
    updatedAt: T0,
  };
  must(
    await door.write({
      scope: 'desk',
      kind: 'desk.set-up',
      add: { settings: [settings] },
      audit: [line('aud_s', 'settings', 'desk', 'Desk set up for Kristiansand')],
    }),
  );
  const [mette, kari, imam] = [
    makeContact({ id: 'con_mette', name: 'Mette Dahl' }),
    makeContact({ id: 'con_kari', name: 'Kari Holm' }),
    makeContact({ id: 'con_imam', name: 'Imam Y. Rahman' }),
  ];
  const tree = makeTree({
    id: 'ctr_faith',
    name: 'Faith leaders',
    nodes: makeNodes([
      ['con_mette', 0],
      ['con_kari', 1],
      ['con_imam', 2],
    ]),
  });
  must(
    await door.write({
      scope: 'desk',
      kind: 'contact.added',
      add: { contacts: [mette, kari, imam] },
      audit: [line('aud_c', 'contact', 'con_mette', 'Contacts added')],
    }),
  );
  must(
    await door.write({
      scope: 'desk',
      kind: 'call-tree.saved',
      add: { contactTrees: [tree] },
      audit: [line('aud_t', 'contactTree', tree.id, 'Call tree saved: Faith leaders')],
    }),
  );
  const incident = makeIncident({ id: 'inc_market', title: 'Vehicle attack, Market Square' });
  must(
    await door.write({
      scope: { incidentId: incident.id },
      kind: 'incident.opened',
      add: { incidents: [incident], checklistItems: guideItems(incident.id) },
      audit: [line('aud_i', 'incident', incident.id, 'Incident opened', incident.id)],
    }),
  );

  // From here on, the desk's own use-cases.
  const { useCases } = desk;
  const [shots, closure] = await logged(
    useCases.timeline.append(
      incident.id,
      [
        makeContent({ title: 'Shots reported near the square' }),
        makeContent({ title: 'Police close Markens gate', tags: ['traffic'] }),
      ],
      at(1),
    ),
  );
  must(
    await useCases.timeline.edit(
      shots!.id,
      makeContent({ title: 'Vehicle drove into pedestrians', occurredAt: shots!.occurredAt + 60_000 }),
      'Police corrected the first report',
      at(2),
    ),
  );
  must(await useCases.timeline.setVerification(shots!.id, 'confirmed', 'Police press line', at(3)));
  must(await useCases.timeline.retract(closure!.id, 'Logged under the wrong incident', at(4)));

  must(await useCases.statements.ensureSeedTemplates(at(0)));
  const draft = must(
    await useCases.statements.startDraft(
      { incident, cityName: 'Kristiansand', templateId: 'stt_initial-holding-statement_en' },
      at(5),
    ),
  );
  const version = (await useCases.statements.getVersion(draft.headVersionId))!;
  const values = { ...version.values, ...TYPED_HOLDING_VALUES };
  must(await useCases.statements.saveDraft(draft.id, { title: version.title, body: version.body, values }, at(6)));
  must(await useCases.statements.submit(draft.id, { overrideReason: null, ticked: ['do-1'] }, at(7)));
  must(await useCases.statements.approve(draft.id, mayor, at(8)));
  must(
    await useCases.statements.release(
      draft.id,
      { channels: ['press', 'website'], at: T0 + 9 * 60_000, note: 'Read at the press point' },
      at(9),
    ),
  );

  const activation = must(await useCases.contacts.startActivation(incident.id, tree.id, at(10)));
  must(await useCases.contacts.setCallState(activation.id, 'n1', 'reached', '', at(11)));
  must(await useCases.contacts.setCallState(activation.id, 'n3', 'unreachable', 'No answer', at(12)));

  const item =
    (await desk.db.checklistItems.where('incidentId').equals(incident.id).toArray()).find(
      (i) => i.template?.itemKey === 'notify-internal',
    ) ?? (await desk.db.checklistItems.toArray())[0];
  must(await useCases.checklists.setStatus(item!.id, 'done', 'Departments told through the call tree', at(13)));
  return { desk, incident };
}
