import { useState, type ReactElement } from 'react';

import { citeGuide } from '@shared/domain/guide/citation';
import type { ChecklistTemplate } from '@shared/schemas/checklists';
import type { DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Field } from '../../ui/Field';
import { useLatestTemplates } from '../checklists/queries';
import { PreparednessPanel } from './PreparednessPanel';
import { ChecklistTemplateEditor } from './ChecklistTemplateEditor';
import { TemplateHistory } from './TemplateHistory';
import { showInstant } from '../../lib/LocaleContext';

function TemplateCard({ template, zone, onEdit }: { template: ChecklistTemplate; zone: string; onEdit: () => void }): ReactElement {
  const [history, setHistory] = useState(false);
  const stated = template.items.filter((i) => i.source?.basis === 'stated' && !i.adapted).length;
  return (
    <li className="plan-card">
      <div className="plan-card__main">
        <h3>{template.title}</h3>
        <p className="plan-card__meta">
          <span className="badge">Version {template.version}</span>
          <span>{template.origin === 'guide' ? 'The guide’s checklist, as shipped' : `Adapted by the city: ${template.createdBy}, ${showInstant(template.createdAt, zone, 'date-time')}`}</span>
        </p>
        <p className="muted">{template.items.length} items, {stated} in the guide’s words (paraphrased). {template.version > 1 ? `Last change: ${template.changeNote}` : template.description}</p>
        {history && <TemplateHistory templateKey={template.templateKey} zone={zone} />}
      </div>
      <div className="plan-card__actions">
        <button type="button" className="button button--primary" onClick={onEdit} aria-label={`Edit ${template.title}`}>Edit</button>
        <button type="button" className="button" aria-expanded={history} onClick={() => setHistory((h) => !h)}>{history ? 'Hide versions' : 'Versions'}</button>
      </div>
    </li>
  );
}

/** The city's own plan: the guide's checklists as the city adapts them, each change a version. */
export function PlanScreen({ settings }: { settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const templates = useLatestTemplates();
  const [editing, setEditing] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const [newError, setNewError] = useState<string | undefined>(undefined);
  const current = templates?.find((t) => t.templateKey === editing);

  return (
    <main className="page" aria-labelledby="plan-title">
      <div className="page__header">
        <div>
          <h1 id="plan-title">Plan</h1>
          <p className="lead">The city’s checklists for each phase of a response, starting from the guide’s. Adapt them to your own plan in peacetime: reword, reorder, add or remove items, and change who owns them and when they fall due.</p>
          <p className="muted">Every save is kept as a new version; an incident keeps the version it was created from. ({citeGuide('ch. 6 Preparing to Respond')})</p>
        </div>
      </div>
      {current ? (
        <ChecklistTemplateEditor key={`${current.templateKey}-${current.version}`} template={current} operatorName={settings.operatorName} onDone={() => setEditing(null)} />
      ) : templates === undefined ? (
        <p className="muted">Loading the plan…</p>
      ) : (
        <>
          <PreparednessPanel settings={settings} />
          <h2 className="section-title">Checklists in the plan</h2>
          <ul className="plan-list" aria-label="Checklists in the plan">
            {templates.map((t) => <TemplateCard key={t.templateKey} template={t} zone={settings.defaultTimeZone} onEdit={() => setEditing(t.templateKey)} />)}
          </ul>
          <section className="panel plan-new" aria-labelledby="plan-new-title">
            <h2 id="plan-new-title">A checklist of the city’s own</h2>
            <form
              className="plan-new__form"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void useCases.checklists.createTemplate({ title: newTitle, description: '' }, actorFrom(settings.operatorName, clock)).then((r) => {
                  if (!r.ok) return setNewError(r.error.title ?? r.error.form);
                  setNewError(undefined);
                  setNewTitle('');
                  showNotice('success', `Checklist “${r.value.title}” created. Add its items now.`);
                  setEditing(r.value.templateKey);
                });
              }}
            >
              <Field label="Name" hint="e.g. “Faith community liaison” or “Major events”." error={newError}>
                {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={newTitle} onChange={(e) => setNewTitle(e.target.value)} />}
              </Field>
              <button type="submit" className="button">Create checklist</button>
            </form>
          </section>
        </>
      )}
    </main>
  );
}
