import { useState, type ReactElement } from 'react';

import { describeChainReport, type ChainReport } from '@shared/domain/timeline/chain';
import type { Incident } from '@shared/schemas/entities';

import { useDesk } from '../../app/DeskContext';

/** Walks the incident's hash chain and says, in words, whether the log is as it was recorded. */
export function IntegrityCheck({ incident }: { incident: Incident }): ReactElement {
  const { repos } = useDesk();
  const [state, setState] = useState<{ running: boolean; done: number; report: ChainReport | null; text: string | null }>({ running: false, done: 0, report: null, text: null });
  return (
    <div className="integrity">
      <button type="button" className="button" disabled={state.running} onClick={() => {
        setState({ running: true, done: 0, report: null, text: null });
        void repos.timeline
          .verify(incident.id, (done) => setState((s) => ({ ...s, done })))
          .then(async (report) => {
            const entry = report.ok ? undefined : await repos.timeline.get(report.firstBreak.entryId);
            setState({ running: false, done: 0, report, text: describeChainReport(report, () => entry?.title) });
          });
      }}>
        {state.running ? `Verifying… ${state.done} revisions` : 'Verify integrity'}
      </button>
      {state.text && (
        <p className={state.report?.ok ? 'integrity__ok' : 'integrity__fail'} role={state.report?.ok ? 'status' : 'alert'} data-testid="integrity-result">
          {state.text}
        </p>
      )}
    </div>
  );
}
