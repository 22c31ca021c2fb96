import type { Actor } from '@shared/domain/audit';
import type { IncidentDraft } from '@shared/domain/incident/commands';
import type { Incident } from '@shared/schemas/entities';

/** 2026-03-28 12:00 UTC: a Saturday, the day before Europe's clocks go forward. */
export const T0 = Date.UTC(2026, 2, 28, 12, 0);

export const actor = (overrides: Partial<Actor> = {}): Actor => ({ operator: 'Ingrid Berg', now: T0, ...overrides });

export function makeDraft(overrides: Partial<IncidentDraft> = {}): IncidentDraft {
  return {
    title: 'Vehicle attack, Market Square',
    kind: 'attack',
    startDate: '2026-03-28',
    startTime: '13:00',
    timeZone: 'Europe/Oslo',
    location: 'Market Square',
    description: 'A vehicle drove into a crowd.',
    ...overrides,
  };
}

let seq = 0;
export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  seq += 1;
  return {
    id: `inc_${seq}`,
    title: `Incident ${seq}`,
    kind: 'attack',
    startAt: T0,
    timeZone: 'Europe/Oslo',
    location: 'Market Square',
    description: '',
    status: 'open',
    createdAt: T0,
    createdBy: 'Ingrid Berg',
    updatedAt: T0,
    updatedBy: 'Ingrid Berg',
    closedAt: null,
    ...overrides,
  };
}
