import type { TableName } from '../../schemas/tables';
import { format } from '../../i18n/format';

/** What a person calls the kind of row two desks changed apart ("Timeline entry", "Contact"). */
export function conflictKind(table: string): string {
  switch (table as TableName) {
    case 'incidents':
      return format('team.conflict.kind.incident');
    case 'timelineEntries':
      return format('team.conflict.kind.timelineEntry');
    case 'contacts':
      return format('team.conflict.kind.contact');
    case 'contactTrees':
      return format('team.conflict.kind.callTree');
    case 'treeActivations':
      return format('team.conflict.kind.activation');
    case 'statementTemplates':
      return format('team.conflict.kind.statementTemplate');
    case 'statements':
      return format('team.conflict.kind.statement');
    case 'statementVersions':
      return format('team.conflict.kind.statementVersion');
    case 'approvals':
      return format('team.conflict.kind.approval');
    case 'checklistTemplates':
      return format('team.conflict.kind.checklistTemplate');
    case 'checklistItems':
      return format('team.conflict.kind.checklistItem');
    case 'lessons':
      return format('team.conflict.kind.lesson');
    default:
      return format('team.conflict.kind.other', { table });
  }
}

const SUBJECT_CHARS = 80;

/**
 * The words a person knows a row by: its title, else its name, else the start of its text; null
 * when the row holds none of them (it was removed on the desk that shows the other side).
 */
export function conflictSubject(row: unknown): string | null {
  if (typeof row !== 'object' || row === null) return null;
  const fields = row as Record<string, unknown>;
  for (const field of ['title', 'name', 'text']) {
    const value = fields[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const oneLine = value.replace(/\s+/g, ' ').trim();
    return oneLine.length > SUBJECT_CHARS ? `${oneLine.slice(0, SUBJECT_CHARS - 1)}…` : oneLine;
  }
  return null;
}
