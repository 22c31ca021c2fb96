import type { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../../i18n/zodMessages';

import { canonicalJson } from '../integrity/canonical';
import { err, ok, type Result } from '../result';
import { ENTRY_LIMITS, EntryContentSchema, StoredEntryContentSchema, type EntryContent } from '../../schemas/timeline';
import { unknownFieldPaths } from '../../schemas/rowCheck';
import { format } from '../../i18n/format';

/** One thing wrong with an entry's content, in words a person can act on. */
export type ContentProblem = { field: string; message: string };

function describeIssue(content: Record<string, unknown>, issue: z.core.$ZodIssue): ContentProblem {
  const field = String(issue.path[0] ?? 'entry');
  const value = content[field];
  if (field === 'title' && issue.code === 'too_big') {
    return {
      field,
      message: format('timeline.content.titleTooLong', { length: String(value).length, limit: ENTRY_LIMITS.title }),
    };
  }
  if (field === 'title') return { field, message: format('timeline.content.titleEmpty') };
  if (field === 'body' && issue.code === 'too_big')
    return {
      field,
      message: format('timeline.content.bodyTooLong', { length: String(value).length, limit: ENTRY_LIMITS.body }),
    };
  if (field === 'source' && issue.code === 'too_big')
    return {
      field,
      message: format('timeline.content.sourceTooLong', { length: String(value).length, limit: ENTRY_LIMITS.source }),
    };
  if (field === 'tags' && issue.path.length === 1 && issue.code === 'too_big') {
    return {
      field,
      message: format('timeline.content.tooManyTags', {
        tags: Array.isArray(value) ? value.length : 0,
        limit: ENTRY_LIMITS.tags,
      }),
    };
  }
  if (field === 'tags' && Array.isArray(value)) {
    const tag = String(value[Number(issue.path[1])] ?? '');
    return issue.code === 'too_big'
      ? { field, message: format('timeline.content.tagTooLong', { tag, length: tag.length, limit: ENTRY_LIMITS.tag }) }
      : { field, message: format('timeline.content.badTag', { tag }) };
  }
  return {
    field,
    message: format('text.issue', { path: issue.path.map(String).join('.') || 'entry', message: issue.message }),
  };
}

/**
 * Checks an entry's new content against today's limits (EntryContentSchema) before anything is
 * hashed or stored. `carried` is the content the entry holds now, for a revision that only
 * changes its verification or retracts it: a value carried over unchanged from a revision an
 * earlier version let through longer stays as recorded (revisions are evidence and never
 * change), while anything a person types now must meet the limits.
 */
export function checkEntryContent(
  content: EntryContent,
  carried: EntryContent | null = null,
): Result<EntryContent, ContentProblem[]> {
  const record = content as unknown as Record<string, unknown>;
  const strict = EntryContentSchema.safeParse(content);
  const problems: ContentProblem[] = [];
  if (!strict.success) {
    for (const issue of strict.error.issues) {
      const field = String(issue.path[0] ?? '');
      const unchanged =
        carried !== null &&
        field in carried &&
        canonicalJson(carried[field as keyof EntryContent]) === canonicalJson(record[field]);
      if (!unchanged) problems.push(describeIssue(record, issue));
    }
  }
  const stored = StoredEntryContentSchema.safeParse(content);
  if (problems.length === 0 && !stored.success)
    problems.push(describeIssue(record, stored.error.issues[0] as z.core.$ZodIssue));
  if (problems.length === 0 && stored.success) {
    for (const path of unknownFieldPaths(content, stored.data))
      problems.push({ field: path, message: `“${path}” is not a field of a timeline entry` });
  }
  const unique = problems.filter((p, i) => problems.findIndex((q) => q.message === p.message) === i);
  return unique.length === 0 ? ok(content) : err(unique);
}

/** "The title is 612 characters; a title takes up to 500." */
export function describeContentProblems(problems: readonly ContentProblem[]): string {
  return format('timeline.content.problems', { problems: problems.map((p) => p.message).join('; ') });
}
