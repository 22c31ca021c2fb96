/** The roles checklist items are owned by: suggested assignments, not the guide's words. */
export const CHECKLIST_ROLES = [
  { id: 'mayor', title: 'Mayor' },
  { id: 'chief-of-staff', title: "Chief of staff / senior officials' lead" },
  { id: 'communications-lead', title: 'Communications lead / spokesperson team' },
  { id: 'emergency-manager', title: 'Emergency manager / city resilience lead' },
  { id: 'police-liaison', title: 'Police and security-agency liaison' },
  { id: 'social-services', title: 'Social services / psychosocial support coordinator' },
  { id: 'community-liaison', title: 'Community engagement / community liaison lead' },
  { id: 'hr-lead', title: 'HR / staff welfare lead' },
  { id: 'department-heads', title: 'Heads of city departments (service continuity)' },
  { id: 'economic-development', title: 'Economic development / business liaison' },
] as const;
