import { assertNever } from '../result';
import type { ChainProblem, RecordRef, SignedChainsReport } from './verifyChains';
import { format } from '../../i18n/format';

/** "the desk-wide records", "incident 01J…": the chain a record belongs to; null when none is named. */
const scopeWords = (scope: string | null) =>
  scope === null
    ? null
    : format('signed.scope', {
        kind: scope === 'desk' ? 'desk' : 'other',
        scope: scope.startsWith('incident:')
          ? format('signed.scope.incident', { id: scope.slice('incident:'.length) })
          : scope,
      });

/** "desk “Crisis room laptop” (fingerprint 3f2a 91c0 …)", or the bare id of a desk not in the roster. */
export function deskWords(ref: Pick<RecordRef, 'deskId' | 'deskName' | 'fingerprint'>): string {
  if (ref.deskName !== null && ref.fingerprint !== null)
    return format('signed.desk.named', { name: ref.deskName, fingerprint: ref.fingerprint });
  return ref.deskId === null ? format('signed.desk.unnamed') : format('signed.desk.byId', { deskId: ref.deskId });
}

/**
 * A record as a person finds it: its place in the file, the desk and its number there, what it
 * did and to which entry, and who was at the keyboard when.
 */
export function recordWords(ref: RecordRef): string {
  const parts = [format('signed.record.inFile', { number: ref.index + 1 })];
  if (ref.seq !== null) {
    const scope = scopeWords(ref.scope);
    parts.push(
      scope === null
        ? format('signed.record.ofDesk', { desk: deskWords(ref), seq: ref.seq })
        : format('signed.record.ofDeskInScope', { desk: deskWords(ref), seq: ref.seq, scope }),
    );
  }
  const details: string[] = [];
  if (ref.kind !== null) details.push(ref.kind);
  if (ref.entry !== null) details.push(format('signed.record.entry', { title: ref.entry.title }));
  if (ref.operator !== null)
    details.push(format('signed.record.operator', { name: ref.operator.name, role: ref.operator.role }));
  if (ref.recordedAt !== null)
    details.push(format('signed.record.recorded', { at: new Date(ref.recordedAt).toISOString() }));
  const record = parts.join(', ');
  return details.length > 0 ? format('signed.record.withDetails', { record, details: details.join('; ') }) : record;
}

/** One problem in a sentence, naming the record, the desk (by fingerprint) and the operator. */
export function describeChainProblem(problem: ChainProblem): string {
  const at = recordWords(problem.at);
  switch (problem.code) {
    case 'invalid':
      return format('signed.problem.invalid', { at, detail: problem.detail });
    case 'unknown-desk':
      return format('signed.problem.unknownDesk', {
        at,
        deskId: problem.at.deskId ?? format('signed.problem.noDeskId'),
      });
    case 'bad-signature':
      return format('signed.problem.badSignature', { at });
    case 'other-scope':
      return format('signed.problem.otherScope', {
        at,
        scope: problem.at.scope ?? format('signed.problem.anotherScope'),
        expected: problem.expected.join(' or '),
      });
    case 'duplicate':
      return format('signed.problem.duplicate', { at, first: problem.firstIndex + 1 });
    case 'forked':
      return format('signed.problem.forked', { at, first: problem.firstIndex + 1 });
    case 'out-of-order':
      return format('signed.problem.outOfOrder', { at, after: problem.after + 1 });
    case 'broken-link':
      return format('signed.problem.brokenLink', { at });
    case 'missing': {
      const why = problem.seenBy
        ? format('signed.problem.missingSeenBy', { record: recordWords(problem.seenBy) })
        : format('signed.problem.missingGap', { next: problem.to + 1, previous: problem.from - 1 });
      const scope = scopeWords(problem.at.scope);
      const values = {
        count: problem.to - problem.from + 1,
        from: problem.from,
        to: problem.to,
        desk: deskWords(problem.at),
        why,
      };
      return scope === null
        ? format('signed.problem.missing', values)
        : format('signed.problem.missingInScope', { ...values, scope });
    }
    case 'seen-mismatch':
      return format('signed.problem.seenMismatch', {
        at,
        seq: problem.head.seq,
        deskId: problem.head.deskId,
        hash: problem.head.hash,
      });
    default:
      return assertNever(problem);
  }
}

/** The report in a few lines: per desk its fingerprint and number of records, then the first problem. */
export function describeSignedChains(report: SignedChainsReport): string[] {
  const lines = report.desks.map(describeDeskRecords);
  const first = report.problems[0];
  if (first === undefined) lines.push(format('signed.report.allGood', { records: report.records }));
  else lines.push(withMoreProblems(describeChainProblem(first), report.problemCount));
  return lines;
}

/** "Desk “Crisis room laptop” desk-1: fingerprint …, 3 signed records." */
export function describeDeskRecords(d: { name: string; deskId: string; fingerprint: string; records: number }): string {
  return format('signed.report.desk', d);
}

/** The first problem, and how many more follow it. */
export function withMoreProblems(problem: string, count: number): string {
  return count > 1 ? format('signed.report.moreProblems', { problem, more: count - 1 }) : problem;
}
