import type { Actor } from '@shared/domain/audit';
import { newId } from '@shared/domain/ids';
import { err, ok, type Result } from '@shared/domain/result';
import { languageOf } from '@shared/domain/statements/languages';
import { autoFillValues, KNOWN_PLACEHOLDERS } from '@shared/domain/statements/placeholderCatalogue';
import { escapeTemplateText, placeholderNames } from '@shared/domain/statements/placeholders';
import { retargetTranslation, startStatement, type DraftEdit } from '@shared/domain/statements/workflow';
import type { Incident } from '@shared/schemas/entities';
import type { Statement } from '@shared/schemas/statements';

import { describe, statementAudit, statementIsStill, type StatementDeps, type StatementWriteError } from './common';
import { saveVersion } from './drafting';
import { t } from '../../i18n/messages';

export function createTranslation(deps: StatementDeps) {
  const { store, gen } = deps;
  return {
    /**
     * Starts a translation of a statement into `language`, linked to the source version it
     * translates (the approved one if there is one). It starts from the template's version in
     * that language when the library has one, with the source's values to translate and the dates
     * written anew; otherwise from the source's text.
     */
    async startTranslation(
      input: { sourceId: string; language: string; incident: Incident; cityName: string },
      actor: Actor,
    ): Promise<Result<Statement, StatementWriteError>> {
      const source = await store.get(input.sourceId);
      if (!source || source.sourceStatementId !== null) return err({ code: 'not-found', what: 'source' });
      const existing = (await store.translationsOf(source.id)).find(
        (t) => t.language === input.language && t.status !== 'withdrawn',
      );
      if (existing || input.language === source.language)
        return err({ code: 'translation-exists', language: input.language });
      const sourceVersion = await store.getVersion(source.approvedVersionId ?? source.headVersionId);
      if (!sourceVersion) return err({ code: 'not-found', what: 'version' });
      const template = await store.templateFor(source.type, input.language);
      const ctx = { cityName: input.cityName, incident: input.incident, language: input.language, now: actor.now };
      const fromTemplate = template?.kind === 'template' ? template : null;
      const names = placeholderNames(fromTemplate?.body ?? '');
      const auto = autoFillValues(names, ctx);
      const carried = Object.fromEntries(
        names
          .filter((n) => KNOWN_PLACEHOLDERS[n]?.auto === undefined && sourceVersion.values[n] !== undefined)
          .map((n) => [n, sourceVersion.values[n] ?? '']),
      );
      const sourceTemplate = source.templateId ? await store.templateRow(source.templateId) : undefined;
      const base = fromTemplate ?? (sourceTemplate?.kind === 'template' ? sourceTemplate : null);
      const { statement, version } = startStatement({
        statementId: newId('stm', gen),
        versionId: newId('stv', gen),
        incidentId: source.incidentId,
        template: {
          id: base?.id ?? source.templateId ?? source.id,
          type: source.type,
          language: input.language,
          // The language's own name ("Deutsch"): the title is read by the readers of that language, and
          // "German (Deutsch)" in brackets would put brackets inside brackets.
          title:
            fromTemplate?.title ??
            t('statements.translation.defaultTitle', {
              title: source.title,
              language: languageOf(input.language).nativeName,
            }),
          audience: source.audience,
          body: fromTemplate?.body ?? escapeTemplateText(sourceVersion.text),
          purpose: source.guidance.purpose,
          dos: source.guidance.dos,
          donts: source.guidance.donts,
          pages: source.guidance.pages,
        },
        values: { ...carried, ...auto },
        autoFilled: Object.keys(auto),
        people: source.people,
        translation: { sourceStatementId: source.id, translatesVersionId: sourceVersion.id },
        note: fromTemplate
          ? t('statements.audit.translationFromTemplate', {
              version: String(sourceVersion.number),
              template: fromTemplate.title,
            })
          : t('statements.audit.translationCopy', { version: String(sourceVersion.number) }),
        actor,
      });
      const next = { ...statement, templateId: fromTemplate?.id ?? source.templateId };
      const written = await deps.door.write({
        scope: { incidentId: source.incidentId },
        kind: 'statement.translation-started',
        add: { statements: [next], statementVersions: [version] },
        audit: [
          statementAudit(
            gen,
            actor,
            next,
            'create',
            t('statements.audit.translationStarted', {
              statement: describe(next),
              source: describe(source),
              version: String(sourceVersion.number),
            }),
            [{ field: 'status', before: null, after: 'draft' }],
          ),
        ],
        // Planned on the source as read, and on no other translation into the language having been started meanwhile.
        preconditions: [
          { ...statementIsStill(store, source), failure: { code: 'version-moved' as const } },
          {
            what: `no translation of ${source.id} into ${input.language} was started meanwhile`,
            reads: ['statements'],
            failure: { code: 'translation-exists' as const, language: input.language },
            holds: async () =>
              !(await store.translationsOf(source.id)).some(
                (t) => t.language === input.language && t.status !== 'withdrawn',
              ),
          },
        ],
      });
      if (written.ok) return ok(next);
      return written.error.code === 'refused'
        ? err({ code: 'refused', message: written.error.message })
        : err(written.error);
    },

    /** Brings a translation up to its source's newest approved version, with the edited text. */
    updateTranslation: (translationId: string, edit: DraftEdit, actor: Actor) =>
      saveVersion(
        deps,
        translationId,
        actor,
        'statement.translation-updated',
        'statements.audit.translationUpdated',
        async (s, head, versionId) => {
          const source = s.sourceStatementId ? await store.get(s.sourceStatementId) : undefined;
          if (!source?.approvedVersionId || source.approvedVersionNumber === null)
            return err({ code: 'not-found', what: 'source' });
          return retargetTranslation(
            s,
            head,
            edit,
            { versionId: source.approvedVersionId, versionNumber: source.approvedVersionNumber },
            versionId,
            actor,
          );
        },
      ),
  };
}
