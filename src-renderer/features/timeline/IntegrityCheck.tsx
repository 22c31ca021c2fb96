import { useState, type ReactElement } from 'react';

import { describeIncidentIntegrity } from '@shared/domain/signed/incidentIntegrity';
import { describeChainReport, verifiedHead } from '@shared/domain/timeline/chain';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';

/**
 * Walks the incident's hash chain and says, in words, whether the log is as it was recorded:
 * unbroken, and still holding every head that ever left the desk (a chain cut short after an
 * export is "missing revisions", never "intact"). A verified head is itself published.
 */
export function IntegrityCheck({ incident, operatorName }: { incident: Incident; operatorName: string }): ReactElement {
  const { useCases, clock } = useDesk();
  const [state, setState] = useState<{ running: boolean; done: number; ok: boolean | null; text: string | null }>({
    running: false,
    done: 0,
    ok: null,
    text: null,
  });
  const run = async () => {
    setState({ running: true, done: 0, ok: null, text: null });
    const report = await useCases.timeline.verify(incident.id, (done) => setState((s) => ({ ...s, done })));
    if (!report.ok) {
      const entry = await useCases.timeline.get(report.firstBreak.entryId);
      return setState({ running: false, done: 0, ok: false, text: describeChainReport(report, () => entry?.title) });
    }
    const problem = await useCases.publishedHeads.check(incident.id, verifiedHead(report).chainSeq, incident.timeZone);
    if (problem !== null)
      return setState({
        running: false,
        done: 0,
        ok: false,
        text: t('timeline.integrityCheck.integrityCheckFailed', { problem }),
      });
    // Then the signed records: who wrote each revision since the desk began signing.
    const signed = await useCases.timeline.verifySigned(incident, (done) => setState((s) => ({ ...s, done })));
    const signedLines = describeIncidentIntegrity(signed).slice(1);
    if (!signed.ok) return setState({ running: false, done: 0, ok: false, text: signedLines.join(' ') });
    const heads = await useCases.publishedHeads.listForIncident(incident.id);
    const logged = await useCases.publishedHeads.append(
      incident.id,
      verifiedHead(report),
      'verify',
      actorFrom(operatorName, clock),
    );
    const held = heads.length > 0 ? ` ${t('timeline.integrityCheck.stillHoldsHeads', { count: heads.length })}` : '';
    const notLogged = logged.ok
      ? ''
      : ` ${t('record.publishedHeads.notLogged', { reason: describeNotWritten(logged.error) })}`;
    setState({
      running: false,
      done: 0,
      ok: true,
      text: `${describeChainReport(report)}${held} ${signedLines.join(' ')}${notLogged}`,
    });
  };
  return (
    <div className="integrity">
      <button type="button" className="button" disabled={state.running} onClick={() => void run()}>
        {state.running
          ? t('timeline.integrityCheck.verifying', { count: state.done })
          : t('timeline.integrityCheck.verifyIntegrity')}
      </button>
      {state.text && (
        <p
          className={state.ok ? 'integrity__ok' : 'integrity__fail'}
          role={state.ok ? 'status' : 'alert'}
          data-testid="integrity-result"
        >
          {state.text}
        </p>
      )}
    </div>
  );
}
