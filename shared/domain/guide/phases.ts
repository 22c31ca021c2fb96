import type { Duration } from 'date-fns';

import { choiceLabel, choiceLabels } from '../../i18n/choices';

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

/** A phase whose title and label are read from the catalogue (`choice.phaseTitle.*`, `choice.phaseLabel.*`). */
function phase(id: ResponsePhaseId, endsAfter: Duration | null): ResponsePhase {
  return {
    id,
    get title() {
      return choiceLabel('phaseTitle', id);
    },
    get label() {
      return choiceLabel('phaseLabel', id);
    },
    endsAfter,
  };
}
choiceLabels('phaseTitle', RESPONSE_PHASE_IDS);
choiceLabels('phaseLabel', RESPONSE_PHASE_IDS);

export const PREPAREDNESS_PHASE: ResponsePhase = phase('preparedness', null);

/** In order; each phase runs from the previous one's end. */
export const GUIDE_RESPONSE_PHASES: readonly ResponsePhase[] = [
  phase('immediate', { hours: 24 }),
  phase('early-days-weeks', { weeks: 3 }),
  phase('intermediate', { months: 6 }),
  phase('long-term', null),
];

export function responsePhase(id: ResponsePhaseId): ResponsePhase {
  return id === 'preparedness'
    ? PREPAREDNESS_PHASE
    : (GUIDE_RESPONSE_PHASES.find((p) => p.id === id) ?? PREPAREDNESS_PHASE);
}
