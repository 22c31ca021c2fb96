import { assertNever } from '../result';
import type { ChainProblem, RecordRef, SignedChainsReport } from './verifyChains';

const scopeWords = (scope: string | null) => (scope === null ? '' : scope === 'desk' ? ' in the desk-wide records' : ` in ${scope.replace(/^incident:/, 'incident ')}`);

/** "desk “Crisis room laptop” (fingerprint 3f2a 91c0 …)", or the bare id of a desk not in the roster. */
export function deskWords(ref: Pick<RecordRef, 'deskId' | 'deskName' | 'fingerprint'>): string {
  if (ref.deskName !== null && ref.fingerprint !== null) return `desk “${ref.deskName}” (fingerprint ${ref.fingerprint})`;
  return ref.deskId === null ? 'an unnamed desk' : `desk ${ref.deskId}`;
}

/**
 * A record as a person finds it: its place in the file, the desk and its number there, what it
 * did and to which entry, and who was at the keyboard when.
 */
export function recordWords(ref: RecordRef): string {
  const parts = [`record ${ref.index + 1} of the file`];
  if (ref.seq !== null) parts.push(`${deskWords(ref)}’s record ${ref.seq}${scopeWords(ref.scope)}`);
  const details: string[] = [];
  if (ref.kind !== null) details.push(ref.kind);
  if (ref.entry !== null) details.push(`entry “${ref.entry.title}”`);
  if (ref.operator !== null) details.push(`by ${ref.operator.name}, ${ref.operator.role}`);
  if (ref.recordedAt !== null) details.push(`recorded ${new Date(ref.recordedAt).toISOString()}`);
  return `${parts.join(', ')}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

/** One problem in a sentence, naming the record, the desk (by fingerprint) and the operator. */
export function describeChainProblem(problem: ChainProblem): string {
  const at = recordWords(problem.at);
  switch (problem.code) {
    case 'invalid':
      return `${at} is not a valid signed record: ${problem.detail}.`;
    case 'unknown-desk':
      return `${at} is signed by a desk the record's roster does not list (${problem.at.deskId ?? 'no desk id'}): its signature cannot be checked against any key the city published.`;
    case 'bad-signature':
      return `${at} does not match its signature: it was altered after the desk signed it, or signed with another key.`;
    case 'other-scope':
      return `${at} belongs to ${problem.at.scope ?? 'another scope'}, not to ${problem.expected.join(' or ')}: a record replayed from elsewhere.`;
    case 'duplicate':
      return `${at} appears twice (first as record ${problem.firstIndex + 1} of the file).`;
    case 'forked':
      return `${at} is a second, different record with the same number as record ${problem.firstIndex + 1} of the file: the desk's key signed two histories (a desk copied to another laptop?).`;
    case 'out-of-order':
      return `${at} is out of order: it comes after record ${problem.after + 1} of the file, which the desk wrote later.`;
    case 'broken-link':
      return `${at} does not link to the desk's record before it: that record was replaced by another the desk also signed.`;
    case 'missing': {
      const which = problem.from === problem.to ? `Record ${problem.from}` : `Records ${problem.from} to ${problem.to}`;
      const why = problem.seenBy ? `${recordWords(problem.seenBy)} had seen them` : `the desk's record ${problem.to + 1} follows record ${problem.from - 1}`;
      return `${which} of ${deskWords(problem.at)}${scopeWords(problem.at.scope)} ${problem.from === problem.to ? 'is' : 'are'} MISSING: ${why}. What is present still checks out; nothing shows it was altered.`;
    }
    case 'seen-mismatch':
      return `${at} says it had seen record ${problem.head.seq} of ${problem.head.deskId} with hash ${problem.head.hash}, but that record now has another hash: the other desk's chain was rewritten.`;
    default:
      return assertNever(problem);
  }
}

/** The report in a few lines: per desk its fingerprint and number of records, then the first problem. */
export function describeSignedChains(report: SignedChainsReport): string[] {
  const lines = report.desks.map((d) => `Desk “${d.name}” ${d.deskId}: fingerprint ${d.fingerprint}, ${d.records} signed record${d.records === 1 ? '' : 's'}.`);
  const first = report.problems[0];
  if (first === undefined) lines.push(`Every signature and every link of ${report.records} signed records checks out.`);
  else lines.push(`${describeChainProblem(first)}${report.problemCount > 1 ? ` (${report.problemCount - 1} more problem${report.problemCount === 2 ? '' : 's'} after it.)` : ''}`);
  return lines;
}
