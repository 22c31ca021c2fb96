import type { ReleaseRecord, Statement } from '../../schemas/statements';

/**
 * A release one desk made of a version that another desk, apart from it, had already replaced by a
 * newer one: the public was given text the team had moved on from, and a person should look.
 */
export type ReleaseSupersededApart = {
  releaseId: string;
  /** The number of the version released. */
  released: number;
  /** The number of the newer version the other side had as its head. */
  newer: number;
  /** Which of the two rows weighed made the release. */
  side: 'a' | 'b';
};

const byTime = (x: ReleaseRecord, y: ReleaseRecord) => x.at - y.at || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * `shown` with every release either row holds. A release is a fact once made (the text went out),
 * and the workflow never removes one, so whichever change of the statement the team's rule shows,
 * the releases of the other are kept: in order of release, the same on every desk.
 */
export function withReleasesOf(shown: Statement, other: Statement): Statement {
  const known = new Set(shown.releases.map((r) => r.id));
  const missing = other.releases.filter((r) => !known.has(r.id));
  if (missing.length === 0) return shown;
  return { ...shown, releases: [...shown.releases, ...missing].sort(byTime) };
}

/**
 * Releases one of two changes of a statement made apart holds and the other does not, of a version
 * older than the other's head: released on one desk while the other had written a newer version.
 * `numberOf` gives a version's number from its id (null when the version is not held here).
 */
export function releasesSupersededApart(
  a: Statement,
  b: Statement,
  numberOf: (versionId: string) => number | null,
): ReleaseSupersededApart[] {
  const found: ReleaseSupersededApart[] = [];
  const weigh = (made: Statement, other: Statement, side: 'a' | 'b') => {
    const held = new Set(other.releases.map((r) => r.id));
    for (const release of made.releases) {
      if (held.has(release.id) || release.versionId === other.headVersionId) continue;
      const released = numberOf(release.versionId);
      if (released !== null && other.headVersionNumber > released)
        found.push({ releaseId: release.id, released, newer: other.headVersionNumber, side });
    }
  };
  weigh(a, b, 'a');
  weigh(b, a, 'b');
  return found;
}
