import { useMemo, useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { BASE_LANGUAGE, languageLabel } from '@shared/domain/statements/languages';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import type { StatementTemplate } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';
import { describeWriteError, failed } from './statementErrors';

type Props = { incident: Incident; settings: DeskSettings; templates: readonly StatementTemplate[]; actor: () => Actor; onCreated: (id: string) => void; onClose: () => void };

/** Starts a draft: a statement type from the library, then one of its languages. */
export function NewStatementDialog({ incident, settings, templates, actor, onCreated, onClose }: Props): ReactElement {
  const { useCases } = useDesk();
  const types = useMemo(() => {
    const byType = new Map<string, StatementTemplate[]>();
    for (const t of templates) byType.set(t.type, [...(byType.get(t.type) ?? []), t]);
    return [...byType.values()].flatMap((versions) => versions.find((v) => v.language === BASE_LANGUAGE) ?? versions.slice(0, 1)).sort((a, b) => a.title.localeCompare(b.title));
  }, [templates]);
  const [type, setType] = useState(types.find((t) => t.type === 'initial-holding-statement')?.type ?? types[0]?.type ?? '');
  const languages = templates.filter((t) => t.type === type).sort((a, b) => (a.language === BASE_LANGUAGE ? -1 : b.language === BASE_LANGUAGE ? 1 : a.language.localeCompare(b.language)));
  const [templateId, setTemplateId] = useState<string | null>(null);
  const chosen = languages.find((t) => t.id === templateId) ?? languages[0];
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Dialog title="New statement" onClose={onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen) return setProblem('Choose a template.');
          setBusy(true);
          useCases.statements.startDraft({ incident, cityName: settings.cityName, templateId: chosen.id }, actor()).then(
            (r) => {
              setBusy(false);
              if (r.ok) onCreated(r.value.id);
              else setProblem(describeWriteError(r.error));
            },
            (err: unknown) => {
              setBusy(false);
              setProblem(failed('Starting the draft', err));
            },
          );
        }}
      >
        <fieldset className="fieldset template-pick">
          <legend>What kind of statement?</legend>
          {types.map((t) => (
            <label key={t.type} className="template-pick__option">
              <input type="radio" name="statement-type" value={t.type} checked={type === t.type} onChange={() => { setType(t.type); setTemplateId(null); }} />
              <span>
                <strong>{t.title}</strong>
                {t.audience !== 'public' && <span className="badge">{t.audience === 'internal' ? 'Internal' : 'Private'}</span>}
                <span className="template-pick__purpose">{t.purpose}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="new-statement-language">Language</label>
          <select id="new-statement-language" value={chosen?.id ?? ''} onChange={(e) => setTemplateId(e.target.value)}>
            {languages.map((t) => <option key={t.id} value={t.id}>{languageLabel(t.language)}</option>)}
          </select>
          <p className="field__hint">Languages with a version of this template in the library. Other languages: start in English and add a translation.</p>
        </div>
        <FormError>{problem}</FormError>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button button--primary" disabled={busy || !chosen}>Start the draft</button>
        </div>
      </form>
    </Dialog>
  );
}
