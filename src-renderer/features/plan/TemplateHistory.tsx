import type { ReactElement } from 'react';

import { formatWallClock } from '@shared/domain/incident/wallClock';

import { useTemplateHistory } from '../checklists/queries';

/** Every saved version of a template, newest first; none is ever changed or removed. */
export function TemplateHistory({ templateKey, zone }: { templateKey: string; zone: string }): ReactElement {
  const versions = useTemplateHistory(templateKey);
  if (versions === undefined) return <p className="muted">Loading…</p>;
  return (
    <ol className="plan-history" reversed aria-label="Versions">
      {[...versions].reverse().map((v) => (
        <li key={v.id}>
          <strong>Version {v.version}</strong>, {formatWallClock(v.createdAt, zone, 'd MMM yyyy HH:mm')} by {v.createdBy}: {v.changeNote} ({v.items.length} items)
        </li>
      ))}
    </ol>
  );
}
