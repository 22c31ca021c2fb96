import { useState, type ReactElement } from 'react';

import { citeGuide } from '@shared/domain/guide/citation';
import type { ChecklistTemplate } from '@shared/schemas/checklists';
import type { DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { TextField } from '../../ui/FieldControls';
import { useLatestTemplates } from '../checklists/queries';
import { PreparednessPanel } from './PreparednessPanel';
import { ChecklistTemplateEditor } from './ChecklistTemplateEditor';
import { TemplateHistory } from './TemplateHistory';
import { showInstant } from '../../lib/LocaleContext';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

function TemplateCard({
  template,
  zone,
  onEdit,
}: {
  template: ChecklistTemplate;
  zone: string;
  onEdit: () => void;
}): ReactElement {
  const [history, setHistory] = useState(false);
  const stated = template.items.filter((i) => i.source?.basis === 'stated' && !i.adapted).length;
  return (
    <li className="plan-card">
      <div className="plan-card__main">
        <h3>{template.title}</h3>
        <p className="plan-card__meta">
          <span className="badge">{t('plan.screen.version', { version: template.version })}</span>
          <span>
            {template.origin === 'guide'
              ? t('plan.screen.asShipped')
              : t('plan.screen.adapted', {
                  by: template.createdBy,
                  at: showInstant(template.createdAt, zone, 'date-time'),
                })}
          </span>
        </p>
        <p className="muted">
          {t('plan.screen.summary', { count: template.items.length, stated })}{' '}
          {template.version > 1 ? t('plan.screen.lastChange', { note: template.changeNote }) : template.description}
        </p>
        {history && <TemplateHistory templateKey={template.templateKey} zone={zone} />}
      </div>
      <div className="plan-card__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onEdit}
          aria-label={t('plan.screen.editName', { title: template.title })}
        >
          {t('plan.screen.edit')}
        </button>
        <button type="button" className="button" aria-expanded={history} onClick={() => setHistory((h) => !h)}>
          {history ? t('plan.screen.hideVersions') : t('plan.screen.versions')}
        </button>
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
  const current = templates?.find((template) => template.templateKey === editing);

  return (
    <main className="page" aria-labelledby="plan-title">
      <div className="page__header">
        <div>
          <h1 id="plan-title">{t('plan.screen.title')}</h1>
          <p className="lead">{t('plan.screen.lead')}</p>
          <p className="muted">{t('plan.screen.versionsExplain', { cite: citeGuide(t('plan.screen.citeChapter')) })}</p>
        </div>
      </div>
      {current ? (
        <ChecklistTemplateEditor
          key={`${current.templateKey}-${current.version}`}
          template={current}
          operatorName={settings.operatorName}
          onDone={() => setEditing(null)}
        />
      ) : templates === undefined ? (
        <p className="muted">{t('plan.screen.loading')}</p>
      ) : (
        <>
          <PreparednessPanel settings={settings} />
          <h2 className="section-title">{t('plan.screen.checklists')}</h2>
          <ul className="plan-list" aria-label={t('plan.screen.checklists')}>
            {templates.map((template) => (
              <TemplateCard
                key={template.templateKey}
                template={template}
                zone={settings.defaultTimeZone}
                onEdit={() => setEditing(template.templateKey)}
              />
            ))}
          </ul>
          <section className="panel plan-new" aria-labelledby="plan-new-title">
            <h2 id="plan-new-title">{t('plan.screen.newTitle')}</h2>
            <DeskForm
              className="plan-new__form"
              onSubmit={() => {
                void useCases.checklists
                  .createTemplate({ title: newTitle, description: '' }, actorFrom(settings.operatorName, clock))
                  .then((r) => {
                    if (!r.ok) return setNewError(r.error.title ?? r.error.form);
                    setNewError(undefined);
                    setNewTitle('');
                    showNotice('success', t('plan.screen.created', { title: r.value.title }));
                    setEditing(r.value.templateKey);
                  });
              }}
            >
              <TextField
                label={t('plan.screen.newName')}
                hint={t('plan.screen.newNameHint')}
                error={newError}
                value={newTitle}
                onChange={setNewTitle}
              />
              <button type="submit" className="button">
                {t('plan.screen.create')}
              </button>
            </DeskForm>
          </section>
        </>
      )}
    </main>
  );
}
