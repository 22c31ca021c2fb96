import { choiceLabel, choiceLabels } from '../../i18n/choices';

/** The roles checklist items are owned by: suggested assignments, not the guide's words. */
const role = <I extends string>(id: I) => ({
  id,
  get title() {
    return choiceLabel('role', id);
  },
});

export const CHECKLIST_ROLES = [
  role('mayor'),
  role('chief-of-staff'),
  role('communications-lead'),
  role('emergency-manager'),
  role('police-liaison'),
  role('social-services'),
  role('community-liaison'),
  role('hr-lead'),
  role('department-heads'),
  role('economic-development'),
] as const;
choiceLabels(
  'role',
  CHECKLIST_ROLES.map((r) => r.id),
);
