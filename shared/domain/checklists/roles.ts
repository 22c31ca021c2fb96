import { choiceLabels } from '../../i18n/choices';
import { CHECKLIST_ROLE_IDS } from '../../schemas/checklists';

/** The role titles, by id: "Communications lead / spokesperson team". */
export const ROLE_TITLES = choiceLabels('role', CHECKLIST_ROLE_IDS);
