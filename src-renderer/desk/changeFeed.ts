import type { ChangeNotice } from './door';

export type ChangeListener = (notice: ChangeNotice) => void;

/**
 * Tells whoever keeps something in memory from the database (the timeline's order and search
 * index) about every change the door has committed, a restore included, so none of them is
 * reset by hand. A listener that fails does not stop the others: the change is already stored.
 */
export function createChangeFeed() {
  const listeners = new Set<ChangeListener>();
  return {
    subscribe(listener: ChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tell(notice: ChangeNotice): void {
      for (const listener of listeners) {
        try {
          listener(notice);
        } catch (e) {
          console.error('A change listener failed', e);
        }
      }
    },
  };
}
export type ChangeFeed = ReturnType<typeof createChangeFeed>;
