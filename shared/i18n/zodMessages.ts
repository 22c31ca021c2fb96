import { z } from 'zod';

import { format } from './format';

/**
 * zod's own words reach people when a file is refused ("title: expected text, found a number"), so
 * they come from the catalogue too: every schema's issue is worded here, in the desk's language at
 * the moment of the check. A message a schema gives itself (`.max(500, …)`, a refinement's words)
 * is kept; this only replaces zod's defaults.
 */

const SHOWN_INPUT = 60;

/** A refused value as the message quotes it: short, on one line. */
function shown(input: unknown): string {
  const text = typeof input === 'string' ? input : ((JSON.stringify(input) as string | undefined) ?? String(input));
  const line = text.replace(/[\r\n\t]+/g, ' ');
  return line.length > SHOWN_INPUT ? `${line.slice(0, SHOWN_INPUT - 1)}…` : line;
}

function kindOf(input: unknown): string {
  if (input === undefined) return 'missing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

const sizeOf = (input: unknown): number => (typeof input === 'string' || Array.isArray(input) ? input.length : 0);

/** A length over or under a limit ("is 612 characters long; it takes up to 500"), or a number's. */
function sized(
  origin: string,
  input: unknown,
  limit: number,
  lengthId: 'validation.tooLong' | 'validation.tooShort',
  numberId: 'validation.tooLarge' | 'validation.tooSmall',
): string {
  if (origin === 'string' || origin === 'array')
    return format(lengthId, { origin, size: sizeOf(input), maximum: limit, minimum: limit });
  if (typeof input === 'number') return format(numberId, { input, maximum: limit, minimum: limit });
  return format('validation.invalid');
}

/** zod's issue (as it reaches an error map) in the catalogue's words, or undefined to keep zod's own. */
export function zodIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return format('validation.invalidType', { expected: issue.expected, received: kindOf(issue.input) });
    case 'too_big':
      return sized(issue.origin, issue.input, Number(issue.maximum), 'validation.tooLong', 'validation.tooLarge');
    case 'too_small':
      if ((issue.origin === 'string' || issue.origin === 'array') && sizeOf(issue.input) === 0)
        return format('validation.empty');
      return sized(issue.origin, issue.input, Number(issue.minimum), 'validation.tooShort', 'validation.tooSmall');
    case 'invalid_value':
      return format('validation.notOneOf', {
        input: shown(issue.input),
        count: issue.values.length,
        values: issue.values.map((v) => shown(v)).join(', '),
      });
    case 'invalid_format':
      return format('validation.badFormat', { input: shown(issue.input), format: issue.format });
    case 'unrecognized_keys':
      return format('validation.unknownFields', {
        count: issue.keys.length,
        keys: issue.keys.map((k) => `“${shown(k)}”`).join(', '),
      });
    case 'not_multiple_of':
      return typeof issue.input === 'number'
        ? format('validation.notMultiple', { input: issue.input, divisor: issue.divisor })
        : format('validation.invalid');
    case 'invalid_union':
      return format('validation.noForm');
    default:
      return format('validation.invalid');
  }
}

z.config({ customError: (issue) => zodIssueMessage(issue) });
