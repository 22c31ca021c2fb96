import { useState, type ReactElement } from 'react';

import type { DeskSettings, Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { NewStatementDialog } from './NewStatementDialog';
import { StatementDetail } from './StatementDetail';
import { StatementList } from './StatementList';
import { useStatements, useTemplates, useUntranslated } from './queries';
import { useStatementTemplates } from './useStatementTemplates';
import { t } from '../../i18n/messages';

/** The incident's statements tab: the list, and the statement being worked on. */
export function StatementsPanel({ incident, settings }: { incident: Incident; settings: DeskSettings }): ReactElement {
  const { clock } = useDesk();
  const navigate = useAppStore((s) => s.navigate);
  useStatementTemplates(settings.operatorName);
  const statements = useStatements(incident.id);
  const templates = useTemplates();
  const untranslated = useUntranslated(incident.id);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const actor = () => actorFrom(settings.operatorName, clock);
  const newest = statements && [...statements].sort((a, b) => b.updatedAt - a.updatedAt)[0];
  const selected = statements?.find((s) => s.id === selectedId) ?? newest;
  // A statement starts from a template, so there is nothing to start from until one is loaded.
  const newStatementButton = (label: string) => (
    <button
      type="button"
      className="button button--primary"
      disabled={!templates || templates.length === 0}
      onClick={() => setCreating(true)}
    >
      {label}
    </button>
  );

  return (
    <section className="statements" aria-labelledby="statements-title">
      <div className="statements__toolbar">
        <h2 id="statements-title">{t('statements.statementsPanel.statements')}</h2>
        {newStatementButton(t('statements.statementsPanel.newStatement'))}
        <a
          href="#/templates"
          className="button button--ghost"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'templates' });
          }}
        >
          {t('statements.statementsPanel.templateLibrary')}
        </a>
      </div>
      {statements === undefined ? (
        <p className="muted">{t('statements.statementsPanel.loading')}</p>
      ) : statements.length === 0 || !selected ? (
        <div className="empty-state">
          <h3>{t('statements.statementsPanel.noStatementsYet')}</h3>
          <p>{t('statements.statementsPanel.startWithAHoldingStatement')}</p>
          {newStatementButton(t('statements.statementsPanel.draftAStatement'))}
        </div>
      ) : (
        <div className="statements__layout">
          <nav className="statements__list" aria-label={t('statements.statementsPanel.statements')}>
            <StatementList
              statements={statements}
              selectedId={selected.id}
              timeZone={incident.timeZone}
              untranslated={untranslated ?? new Set()}
              onSelect={setSelectedId}
            />
          </nav>
          <StatementDetail
            key={selected.id}
            statement={selected}
            incident={incident}
            settings={settings}
            templates={templates ?? []}
            actor={actor}
            onSelect={setSelectedId}
          />
        </div>
      )}
      {creating && templates && (
        <NewStatementDialog
          incident={incident}
          settings={settings}
          templates={templates}
          actor={actor}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setSelectedId(id);
          }}
        />
      )}
    </section>
  );
}
