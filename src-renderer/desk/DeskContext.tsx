import { createContext, useContext } from 'react';

import type { Actor } from '@shared/domain/audit';

import type { Desk } from './composition';

/**
 * What a screen gets from the desk, provided once at the root: the use-cases, the timeline's
 * search, the platform and the clock. Never the database: every change goes through a use-case.
 */
export type DeskServices = Desk;

export const DeskContext = createContext<DeskServices | null>(null);

export function useDesk(): DeskServices {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskContext');
  return desk;
}

/** The operator acting now, from the desk settings. */
export function actorFrom(operatorName: string, clock: () => number): Actor {
  return { operator: operatorName, now: clock() };
}
