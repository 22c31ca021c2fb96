import type { ReactElement } from 'react';

import type { Incident } from '@shared/schemas/entities';

import type { NamedConflict } from '../../desk/team/teamRecords';
import { routeToHash, type WorkspaceTab } from '../../store/route';
import { useAppStore } from '../../store';
import { UserText } from '../../ui/UserText';
import { ReleasedApartNotes } from '../team/ReleasedApartNotes';
import { t, tRich } from '../../i18n/messages';

/** Where each kind of row is looked at and settled. */
const routeOf = (incidentId: string, table: string) =>
  ({ name: 'incident', id: incidentId, tab: tabOf(table) }) as const;

function tabOf(table: string): WorkspaceTab {
  switch (table) {
    case 'timelineEntries':
      return 'timeline';
    case 'statements':
    case 'statementVersions':
    case 'approvals':
      return 'statements';
    case 'checklistItems':
      return 'checklists';
    case 'treeActivations':
      return 'contacts';
    case 'lessons':
      return 'export';
    default:
      return 'overview';
  }
}

/**
 * Things two desks of the team changed apart in this incident: both changes are kept and one is
 * shown by the team's rule, but a person should look, so they head what needs attention now.
 */
export function ChangedApart({
  incident,
  conflicts,
}: {
  incident: Incident;
  conflicts: NamedConflict[];
}): ReactElement {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="glance__conflicts" aria-labelledby="glance-conflicts" data-testid="changed-apart">
      <h3 id="glance-conflicts">{t('workspace.changedApart.title', { count: conflicts.length })}</h3>
      <p className="muted">{t('workspace.changedApart.explain')}</p>
      <ul className="glance__list">
        {conflicts.map((c) => {
          const route = routeOf(incident.id, c.table);
          return (
            <li key={c.id}>
              <a
                href={routeToHash(route)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(route);
                }}
              >
                {tRich('workspace.changedApart.item', { kind: c.kind, subject: <UserText text={c.subject} /> }, {})}
              </a>{' '}
              <span className="muted">{t('workspace.changedApart.desks', { count: c.sides })}</span>
              <ReleasedApartNotes releases={c.releasedApart} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
