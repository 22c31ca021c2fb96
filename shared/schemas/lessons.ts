import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { choiceLabels } from '../i18n/choices';
import { stamps } from './fields';

/**
 * FORMAT: lessons learned, in the usual after-action / improvement-plan shape: what went well,
 * what to improve, and corrective actions each with an owner and a due date.
 */
export const LESSON_KINDS = ['strength', 'improvement', 'corrective-action'] as const;
export const LessonKindSchema = z.enum(LESSON_KINDS);
export type LessonKind = z.infer<typeof LessonKindSchema>;

export const LessonSchema = z.object({
  id: z.string().min(1).max(100),
  incidentId: z.string().min(1).max(100),
  kind: LessonKindSchema,
  text: z.string().trim().min(1).max(4000),
  /** Corrective actions only: who carries it out, and by when (a calendar date in the incident's zone). */
  owner: z.string().max(120).nullable(),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  status: z.enum(['open', 'done']),
  /** Corrective actions: the area for improvement (a lesson of kind 'improvement') the action answers. */
  answers: z.string().min(1).max(100).nullable().optional(),
  /**
   * The lesson this one rewords: once a record holding a lesson has been exported, a change is
   * a new version and the exported wording stays as it was.
   */
  supersedes: z.string().min(1).max(100).nullable().optional(),
  /** Set when the action was put on the incident's recovery checklist. */
  checklistItemId: z.string().max(100).nullable(),
  ...stamps,
});
export type Lesson = z.infer<typeof LessonSchema>;

export const LESSON_KIND_LABELS = choiceLabels('lessonKind', LESSON_KINDS);

/** Section headings for each kind's list ("Areas for improvement", not "Area for improvements"). */
export const LESSON_KIND_HEADINGS = choiceLabels('lessonKindHeading', LESSON_KINDS);
