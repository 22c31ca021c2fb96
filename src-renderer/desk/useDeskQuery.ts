import { useLiveQuery } from 'dexie-react-hooks';

import { useDesk, type DeskServices } from './DeskContext';

/**
 * A screen's live read through the desk's use-cases: undefined while it loads, and read again
 * whenever the tables it read change or one of `deps` does.
 */
export function useDeskQuery<T>(
  read: (desk: DeskServices['useCases']) => Promise<T> | T,
  deps: readonly unknown[] = [],
): T | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => read(useCases), [useCases, ...deps]);
}
