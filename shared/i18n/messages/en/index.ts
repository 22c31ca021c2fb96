import backup from './backup.json';
import checklists from './checklists.json';
import choices from './choices.json';
import contacts from './contacts.json';
import dates from './dates.json';
import encryption from './encryption.json';
import files from './files.json';
import history from './history.json';
import host from './host.json';
import incident from './incident.json';
import lessons from './lessons.json';
import placeholders from './placeholders.json';
import record from './record.json';
import signed from './signed.json';
import statements from './statements.json';
import team from './team.json';
import text from './text.json';
import timeline from './timeline.json';
import validation from './validation.json';
import verify from './verify.json';

/**
 * The domain's English catalogue, one file per area of the domain so that each area's words sit
 * together for a translator. Ids are unique across files (a test checks), so the parts merge
 * without one hiding another.
 */
export const DOMAIN_EN_PARTS = {
  backup,
  checklists,
  choices,
  contacts,
  dates,
  encryption,
  files,
  history,
  host,
  incident,
  lessons,
  placeholders,
  record,
  signed,
  statements,
  team,
  text,
  timeline,
  validation,
  verify,
};

export const en = {
  ...backup,
  ...checklists,
  ...choices,
  ...contacts,
  ...dates,
  ...encryption,
  ...files,
  ...history,
  ...host,
  ...incident,
  ...lessons,
  ...placeholders,
  ...record,
  ...signed,
  ...statements,
  ...team,
  ...text,
  ...timeline,
  ...validation,
  ...verify,
};
