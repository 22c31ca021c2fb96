import type { Duration } from 'date-fns';

/**
 * The response phases, as the guide frames them: the immediate aftermath, the early days and
 * weeks, the intermediate response, and long-term recovery, with preparedness before any
 * incident. The hour and month boundaries are the desk's working windows, not the guide's
 * words (the guide names the phases without fixing their length).
 */
export const RESPONSE_PHASE_IDS = [
  'preparedness',
  'immediate',
  'early-days-weeks',
  'intermediate',
  'long-term',
] as const;
export type ResponsePhaseId = (typeof RESPONSE_PHASE_IDS)[number];

export type ResponsePhase = {
  readonly id: ResponsePhaseId;
  readonly title: string;
  /** Short label for badges. */
  readonly label: string;
  /** When the phase ends, counted from the incident's start; null for the last phase. */
  readonly endsAfter: Duration | null;
};

export const PREPAREDNESS_PHASE: ResponsePhase = {
  id: 'preparedness',
  title: 'Preparedness (before any incident)',
  label: 'Preparedness',
  endsAfter: null,
};

/** In order; each phase runs from the previous one's end. */
export const GUIDE_RESPONSE_PHASES: readonly ResponsePhase[] = [
  { id: 'immediate', title: 'Immediate aftermath (first hours)', label: 'First hours', endsAfter: { hours: 24 } },
  { id: 'early-days-weeks', title: 'Early days and weeks', label: 'First days and weeks', endsAfter: { weeks: 3 } },
  {
    id: 'intermediate',
    title: 'Intermediate response (weeks to months)',
    label: 'Weeks to months',
    endsAfter: { months: 6 },
  },
  { id: 'long-term', title: 'Long-term recovery (6 months and beyond)', label: 'Long-term recovery', endsAfter: null },
];

export function responsePhase(id: ResponsePhaseId): ResponsePhase {
  return id === 'preparedness'
    ? PREPAREDNESS_PHASE
    : (GUIDE_RESPONSE_PHASES.find((p) => p.id === id) ?? PREPAREDNESS_PHASE);
}
