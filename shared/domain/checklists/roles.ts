import { CHECKLIST_ROLES } from '../guide/roles';
import type { ChecklistRole } from '../../schemas/checklists';

/** The role titles, by id: "Communications lead / spokesperson team". */
export const ROLE_TITLES = Object.fromEntries(CHECKLIST_ROLES.map((r) => [r.id, r.title])) as Record<
  ChecklistRole,
  string
>;
