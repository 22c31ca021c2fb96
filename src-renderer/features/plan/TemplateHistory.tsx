import type { ReactElement } from 'react';


import { useTemplateHistory } from '../checklists/queries';
import { showInstant } from '../../lib/LocaleContext';

/** Every saved version of a template, newest first; none is ever changed or removed. */
export function TemplateHistory({ templateKey, zone }: { templateKey: string; zone: string }): ReactElement {
  const versions = useTemplateHistory(templateKey);
  if (versions === undefined) return <p className="muted">Loading…</p>;
  return (
    <ol className="plan-history" reversed aria-label="Versions">
      {[...versions].reverse().map((v) => (
        <li key={v.id}>
          <strong>Version {v.version}</strong>, {showInstant(v.createdAt, zone, 'date-time')} by {v.createdBy}: {v.changeNote} ({v.items.length} items)
        </li>
      ))}
    </ol>
  );
}
