import { err, ok, type Result } from '@shared/domain/result';
import { format } from '@shared/i18n/format';

import type { TeamScope } from './types';

/** Incident ids are short printable tokens (`inc_…`); anything else is refused before it is stored. */
const INCIDENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** FORMAT: the scope as written in index entries and summaries: `incident:<id>`, `desk`, `roster`. */
export function scopeText(scope: TeamScope): string {
  switch (scope.kind) {
    case 'incident':
      return `incident:${scope.incidentId}`;
    case 'desk':
      return 'desk';
    case 'roster':
      return 'roster';
  }
}

/** Reads a scope written by `scopeText`, refusing anything else with the reason. */
export function parseScope(text: string): Result<TeamScope, string> {
  if (text === 'desk') return ok({ kind: 'desk' });
  if (text === 'roster') return ok({ kind: 'roster' });
  if (text.startsWith('incident:')) {
    const incidentId = text.slice('incident:'.length);
    if (INCIDENT_ID.test(incidentId)) return ok({ kind: 'incident', incidentId });
    return err(format('team.scope.badIncident', { text: text.slice(0, 120) }));
  }
  return err(format('team.scope.notAScope', { text: text.slice(0, 120) }));
}

/** Checks a scope built in code (its incident id may come from anywhere). */
export function validScope(scope: TeamScope): Result<string, string> {
  const text = scopeText(scope);
  const parsed = parseScope(text);
  return parsed.ok ? ok(text) : err(parsed.error);
}
