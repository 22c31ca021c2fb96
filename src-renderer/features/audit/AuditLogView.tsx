import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactElement } from 'react';

import { describeFieldChange } from '@shared/domain/changeWording';
import type { FieldChange, Incident } from '@shared/schemas/entities';

import { useDesk } from '../../desk/DeskContext';
import { UserText } from '../../ui/UserText';
import { displayLocale, showInstant } from '../../lib/LocaleContext';
import { t } from '../../i18n/messages';
import { TableHead } from '../../ui/TableHead';

function Changes({ changes, incident }: { changes: FieldChange[]; incident: Incident }): ReactElement | null {
  if (changes.length === 0) return null;
  return (
    <ul className="audit__changes">
      {changes.map((c) => {
        const line = describeFieldChange(c, incident.timeZone, displayLocale());
        return (
          <li key={c.field}>
            {line.label}: {line.before} → {line.after}
          </li>
        );
      })}
    </ul>
  );
}

/** Who changed what in this incident, and when: newest first, never editable. */
export function AuditLogView({ incident }: { incident: Incident }): ReactElement {
  const { useCases } = useDesk();
  const events = useLiveQuery(() => useCases.audit.listForIncident(incident.id), [useCases, incident.id]);
  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('auditScreen.auditLog')}</h2>
      <p className="muted">{t('auditScreen.everyChangeToThisIncident', { timeZone: incident.timeZone })}</p>
      {events === undefined ? (
        <p className="muted">{t('auditScreen.loading')}</p>
      ) : (
        <table className="table">
          <TableHead columns={[t('auditScreen.when'), t('auditScreen.who'), t('auditScreen.what')]} />
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{showInstant(e.at, incident.timeZone, 'date-time-seconds')}</td>
                <td>{e.operator}</td>
                <td>
                  <UserText text={e.summary} />
                  <Changes changes={e.changes} incident={incident} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
