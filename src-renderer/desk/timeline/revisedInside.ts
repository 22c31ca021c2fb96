/**
 * Entries another desk revised inside an incident's chain (see ChangeNotice.revisedInside), kept
 * per incident until what is kept by chain position (the list order, the search index) reads
 * them again by id: their revisions lie below the chain position it was brought up to.
 */
export function createRevisedInside() {
  const byIncident = new Map<string, Set<string>>();
  return {
    add(incidentId: string, entryIds: readonly string[]): void {
      const ids = byIncident.get(incidentId) ?? new Set<string>();
      for (const id of entryIds) ids.add(id);
      byIncident.set(incidentId, ids);
    },
    /** The incident's entries named since the last take, now forgotten. */
    take(incidentId: string): string[] {
      const ids = byIncident.get(incidentId);
      byIncident.delete(incidentId);
      return ids ? [...ids] : [];
    },
    drop: (incidentId: string): void => void byIncident.delete(incidentId),
    clear: (): void => byIncident.clear(),
  };
}
