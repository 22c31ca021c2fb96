import type { TableName } from '@shared/schemas/tables';

/**
 * What a change belongs to: one incident's record, or the desk as a whole (contacts, call trees,
 * statement templates, the glossary, the checklist plan, settings, a restore).
 */
export type ChangeScope = { readonly incidentId: string } | 'desk';

/** A change's kind in words a person reads: `statement.approved`, `timeline.revised`, `desk.restored`. */
export type ChangeKind = `${string}.${string}`;

/** What the door heard: the change feed tells every listener after the transaction commits. */
export type ChangeNotice = {
  readonly scope: ChangeScope;
  readonly kind: ChangeKind;
  /** Tables with rows put or deleted (every table after a restore). */
  readonly tables: readonly TableName[];
  /** The whole database was replaced: anything kept in memory from it is stale. */
  readonly replacedAll: boolean;
  /** The scope's rows arrived whole (see Change.rebuilds): anything kept in memory of that scope is stale. */
  readonly rebuilt: boolean;
  /**
   * Timeline entries whose new revisions lie inside the incident's chain rather than after its
   * head (another desk wrote them apart): what is kept by chain position must read these again.
   */
  readonly revisedInside?: readonly string[];
};

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
