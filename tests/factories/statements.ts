import { seedTemplateRows } from '@shared/domain/statements/templates';
import { startStatement } from '@shared/domain/statements/workflow';
import type { PersonMention, Statement, StatementTemplate, StatementVersion } from '@shared/schemas/statements';

import { T0, actor } from './incident';

/** The shipped template of a type and language, as stored at T0. */
export function seedTemplate(type = 'initial-holding-statement', language = 'en'): StatementTemplate {
  const found = seedTemplateRows(actor()).find((t) => t.type === type && t.language === language);
  if (!found) throw new Error(`no seed template ${type}/${language}`);
  return found;
}

/** The holding statement's values the desk cannot fill from the incident: what a drafter types. */
export const TYPED_HOLDING_VALUES: Readonly<Record<string, string>> = {
  mayor_name: 'Mayor Anna Hansen',
  incident_type: 'a vehicle was driven into pedestrians',
  lead_agency: 'the police',
  public_safety_instruction: 'Please stay away from the city centre.',
  official_info_channel: 'kristiansand.kommune.no',
  next_update_time: '15:00',
};

/** The holding statement's values, as a drafter fills them in for the Market Square incident. */
export const HOLDING_VALUES: Readonly<Record<string, string>> = {
  city: 'Kristiansand',
  incident_date: 'Saturday, 28 March 2026',
  incident_time: '13:00',
  location: 'Market Square',
  ...TYPED_HOLDING_VALUES,
};

let seq = 0;

/** A draft statement with its first version, from a template, with deterministic ids. */
export function makeDraft(
  overrides: {
    template?: StatementTemplate;
    values?: Record<string, string>;
    people?: PersonMention[];
    body?: string;
    translation?: { sourceStatementId: string; translatesVersionId: string };
  } = {},
): { statement: Statement; version: StatementVersion } {
  seq += 1;
  return startStatement({
    statementId: `stm_${seq}`,
    versionId: `stv_${seq}_1`,
    incidentId: 'inc_1',
    template: overrides.template ?? seedTemplate(),
    values: overrides.values ?? HOLDING_VALUES,
    autoFilled: ['city', 'incident_date', 'incident_time', 'location'],
    people: overrides.people ?? [],
    translation: overrides.translation ?? null,
    ...(overrides.body !== undefined && { body: overrides.body }),
    note: 'Started from the template',
    actor: actor({ now: T0 }),
  });
}

export function makePerson(overrides: Partial<PersonMention> = {}): PersonMention {
  seq += 1;
  return { id: `per_${seq}`, name: 'Sara Lind', role: 'victim', consentRecorded: false, consentNote: '', ...overrides };
}
