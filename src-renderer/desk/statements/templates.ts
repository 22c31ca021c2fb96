import { auditEvent, type Actor } from '@shared/domain/audit';
import { newId } from '@shared/domain/ids';
import { err, ok, type Result } from '@shared/domain/result';
import { languageLabel } from '@shared/domain/statements/languages';
import {
  seedGlossaryRow,
  seedTemplateRows,
  validateTemplateInput,
  type TemplateInput,
} from '@shared/domain/statements/templates';
import { GLOSSARY_ID, type GlossaryTerm, type StatementTemplate } from '@shared/schemas/statements';

import { t } from '../../i18n/messages';
import type { StatementDeps, TemplateWriteError } from './common';

const TEMPLATE_FIELDS = ['type', 'language', 'title', 'purpose', 'audience', 'body', 'dos', 'donts', 'pages'] as const;

/** The desk's statement template library and its glossary of terms to avoid. */
export function createTemplateLibrary(deps: Pick<StatementDeps, 'door' | 'store' | 'gen'>) {
  const { door, store, gen } = deps;
  return {
    /**
     * Writes the shipped templates and the starting glossary to the desk, once: rows already
     * there (the city's edits included) are left alone, so running it again changes nothing.
     */
    async ensureSeedTemplates(actor: Actor): Promise<Result<number, { code: 'refused'; message: string }>> {
      const rows = seedTemplateRows(actor);
      const ids = [...rows.map((r) => r.id), GLOSSARY_ID];
      const existing = new Set((await store.templateRows(ids)).filter((r) => r !== undefined).map((r) => r.id));
      const missing = rows.filter((r) => !existing.has(r.id));
      const glossary = existing.has(GLOSSARY_ID) ? [] : [seedGlossaryRow(actor)];
      if (missing.length === 0 && glossary.length === 0) return ok(0);
      const written = await door.write({
        scope: 'desk',
        kind: 'statement-template.installed',
        add: { statementTemplates: [...missing, ...glossary] },
        audit:
          missing.length > 0
            ? [
                auditEvent({
                  id: newId('aud', gen),
                  actor,
                  incidentId: null,
                  entityType: 'statement-template',
                  entityId: 'guide',
                  action: 'create',
                  summary: t('audit.summary.guideTemplatesInstalled', { count: missing.length }),
                }),
              ]
            : [],
        // Another window installing them at the same moment: its rows stand, this one writes nothing.
        preconditions: [
          {
            what: 'none of the shipped templates is installed yet',
            reads: ['statementTemplates'],
            failure: 'installed' as const,
            holds: async () =>
              (await store.templateRows(ids)).every((r, i) => r === undefined || existing.has(ids[i] ?? '')),
          },
        ],
      });
      if (written.ok) return ok(missing.length);
      return written.error === 'installed' ? ok(0) : err({ code: 'refused', message: written.error.message });
    },

    /** Creates a template (id null) or saves a new revision of one; (type, language) stays unique. */
    async saveTemplate(
      input: TemplateInput,
      id: string | null,
      actor: Actor,
    ): Promise<Result<StatementTemplate, TemplateWriteError>> {
      const valid = validateTemplateInput(input);
      if (!valid.ok) return err({ code: 'invalid', errors: valid.error });
      const clash = await store.templateFor(input.type, input.language);
      if (clash && clash.id !== id) return err({ code: 'duplicate', type: input.type, language: input.language });
      const row = id === null ? undefined : await store.templateRow(id);
      if (id !== null && row?.kind !== 'template') return err({ code: 'not-found' });
      const before = row?.kind === 'template' ? row : undefined;
      const fields = {
        type: input.type,
        language: input.language,
        title: input.title.trim(),
        purpose: input.purpose.trim(),
        audience: input.audience,
        body: input.body.trim(),
        dos: [...input.dos],
        donts: [...input.donts],
        pages: [...input.pages],
      };
      const next: StatementTemplate = before
        ? { ...before, ...fields, revision: before.revision + 1, updatedAt: actor.now, updatedBy: actor.operator }
        : {
            id: newId('stt', gen),
            kind: 'template',
            ...fields,
            origin: 'city',
            revision: 1,
            createdAt: actor.now,
            createdBy: actor.operator,
            updatedAt: actor.now,
            updatedBy: actor.operator,
          };
      const changes = TEMPLATE_FIELDS.filter(
        (f) => !before || JSON.stringify(before[f]) !== JSON.stringify(next[f]),
      ).map((f) => ({ field: f, before: before ? before[f] : null, after: next[f] }));
      if (before && changes.length === 0) return ok(before);
      const written = await door.write({
        scope: 'desk',
        kind: before ? 'statement-template.changed' : 'statement-template.added',
        put: { statementTemplates: [next] },
        audit: [
          auditEvent({
            id: newId('aud', gen),
            actor,
            incidentId: null,
            entityType: 'statement-template',
            entityId: next.id,
            action: before ? 'update' : 'create',
            summary: before
              ? t('audit.summary.templateChanged', { title: next.title, language: languageLabel(next.language) })
              : t('audit.summary.templateAdded', { title: next.title, language: languageLabel(next.language) }),
            changes,
          }),
        ],
        preconditions: [
          {
            what: `no other template of ${input.type} in ${input.language}, and this one at revision ${before?.revision ?? 0}`,
            reads: ['statementTemplates'],
            failure: { code: 'duplicate' as const, type: input.type, language: input.language },
            holds: async () => {
              const [other, now] = await Promise.all([
                store.templateFor(input.type, input.language),
                store.templateRow(next.id),
              ]);
              return (
                (other === undefined || other.id === next.id) &&
                (now?.kind === 'template' ? now.revision : 0) === (before?.revision ?? 0)
              );
            },
          },
        ],
      });
      if (written.ok) return ok(next);
      return written.error.code === 'refused'
        ? err({ code: 'refused', message: written.error.message })
        : err(written.error);
    },

    /** Replaces the city's glossary of terms to avoid. */
    async saveGlossary(
      terms: readonly GlossaryTerm[],
      actor: Actor,
    ): Promise<Result<GlossaryTerm[], { code: 'refused'; message: string }>> {
      const before = await store.glossary();
      const written = await door.write({
        scope: 'desk',
        kind: 'statement-glossary.saved',
        put: {
          statementTemplates: [
            { id: GLOSSARY_ID, kind: 'glossary', terms: [...terms], updatedAt: actor.now, updatedBy: actor.operator },
          ],
        },
        audit: [
          auditEvent({
            id: newId('aud', gen),
            actor,
            incidentId: null,
            entityType: 'statement-glossary',
            entityId: GLOSSARY_ID,
            action: 'update',
            summary: t('audit.summary.glossarySaved', { count: terms.length }),
            changes: [{ field: 'terms', before, after: terms }],
          }),
        ],
      });
      return written.ok ? ok([...terms]) : err({ code: 'refused', message: written.error.message });
    },
  };
}
