import type { ReactElement, ReactNode } from 'react';

import type { DeskSettings } from '@shared/schemas/entities';

import { DeskContext, type DeskServices } from '../../src-renderer/desk/DeskContext';
import { T0 } from '../factories/incident';
import { freshDesk } from '../unit/renderer/testDb';

/** The desk's settings as a screen receives them. */
export const deskSettings: DeskSettings = {
  key: 'desk',
  cityName: 'Kristiansand',
  operatorName: 'Ingrid Berg',
  defaultTimeZone: 'Europe/Oslo',
  createdAt: T0,
  updatedAt: T0,
};

/** A service the component under test must not reach: any use fails the test by name. */
function unused(name: string): never {
  return new Proxy(
    {},
    {
      get: (_, prop) => {
        throw new Error(`${name}.${String(prop)} is not part of this test`);
      },
    },
  ) as never;
}

/**
 * The desk a screen sees, for a component test: the real use-cases over a fresh in-memory
 * IndexedDB (so live queries land as they do in the app), and nothing else; or those of a desk
 * the test has made (one of a team, say).
 */
export function fakeDesk(desk: Pick<ReturnType<typeof freshDesk>, 'useCases' | 'feed' | 'fingerprint'> = freshDesk()) {
  const { useCases, feed, fingerprint } = desk;
  return withProvider({
    useCases,
    feed,
    fingerprint,
    platform: unused('platform'),
    encryption: unused('encryption'),
    timelineSearch: unused('timelineSearch'),
    indexIncidents: unused('indexIncidents'),
    teamSync: null,
    appVersion: '0.0.0-test',
    clock: () => T0,
  });
}

/** The same desk with some services replaced, e.g. a repository whose reads the test holds back. */
fakeDesk.around = (desk: DeskServices, overrides: Partial<DeskServices>) => withProvider({ ...desk, ...overrides });

function withProvider(services: DeskServices) {
  const Provider = ({ children }: { children: ReactNode }): ReactElement => (
    <DeskContext.Provider value={services}>{children}</DeskContext.Provider>
  );
  return { ...services, Provider };
}
