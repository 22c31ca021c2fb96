import type { Statement, StatementVersion } from '../../schemas/statements';

/**
 * Drafts of one statement written apart on two desks: each desk saved the next version on the one
 * it had, so two versions carry the statement's head number. The statement shows one by the
 * team's rule (`headVersionId`, first here); the others follow in the order they were made. Null
 * when the head number has one version (no branch, or one settled by a later version).
 */
export function draftsWrittenApart(
  statement: Pick<Statement, 'headVersionId' | 'headVersionNumber'>,
  versions: readonly StatementVersion[],
): StatementVersion[] | null {
  const atHead = versions.filter((v) => v.number === statement.headVersionNumber);
  if (atHead.length < 2) return null;
  const shown = atHead.filter((v) => v.id === statement.headVersionId);
  const others = atHead
    .filter((v) => v.id !== statement.headVersionId)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return [...shown, ...others];
}
