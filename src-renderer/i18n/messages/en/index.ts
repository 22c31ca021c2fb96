import app from './app.json';
import audit from './audit.json';
import checklists from './checklists.json';
import contacts from './contacts.json';
import incidents from './incidents.json';
import plan from './plan.json';
import record from './record.json';
import settings from './settings.json';
import setup from './setup.json';
import statements from './statements.json';
import team from './team.json';
import timeline from './timeline.json';
import ui from './ui.json';
import workspace from './workspace.json';

/**
 * The English catalogue, one file per part of the desk so that each screen's words sit together
 * for a translator. A translation is a sibling folder (e.g. `nb/`) holding the same files; ids are
 * unique across files (a test checks), so the parts merge without one hiding another.
 */
export const EN_PARTS = {
  app,
  audit,
  checklists,
  contacts,
  incidents,
  plan,
  record,
  settings,
  setup,
  statements,
  team,
  timeline,
  ui,
  workspace,
};

export const en = {
  ...app,
  ...audit,
  ...checklists,
  ...contacts,
  ...incidents,
  ...plan,
  ...record,
  ...settings,
  ...setup,
  ...statements,
  ...team,
  ...timeline,
  ...ui,
  ...workspace,
};
