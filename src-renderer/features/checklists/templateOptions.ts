import { deskContent } from '@shared/content';
import type { ChecklistTemplate } from '@shared/schemas/checklists';

import type { TemplateOption } from './TemplatePicker';

/**
 * The plan's templates as picker options. Until the guide's templates are written to a new
 * desk (on first start), the shipped seed stands in for them: the keys are the same.
 */
export function templateOptions(latest: readonly ChecklistTemplate[] | undefined): TemplateOption[] {
  if (latest && latest.length > 0) {
    return latest.map((t) => ({
      templateKey: t.templateKey,
      title: t.title,
      itemCount: t.items.length,
      version: t.version,
      origin: t.origin,
    }));
  }
  return deskContent().checklists.templates.map((t) => ({
    templateKey: t.templateKey,
    title: t.title,
    itemCount: t.items.length,
    version: null,
    origin: 'guide',
  }));
}
