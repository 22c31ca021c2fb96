import { useState, type ReactElement } from 'react';

import { CHANNEL_LABELS } from '@shared/domain/statements/workflow';
import type { Approval, Statement, StatementVersion } from '@shared/schemas/statements';

import { VersionCompare } from './VersionCompare';
import { shortHash, shortTime } from './statementDisplay';
import { t, tList } from '../../i18n/messages';
import { headings, TableHead } from '../../ui/TableHead';

type Props = {
  statement: Statement;
  versions: readonly StatementVersion[];
  approvals: readonly Approval[];
  timeZone: string;
};

/** Every saved version with who and when, what happened to it, and a word-by-word comparison of any two. */
export function VersionHistory({ statement, versions, approvals, timeZone }: Props): ReactElement {
  const last = versions.at(-1);
  const [from, setFrom] = useState<number>(Math.max(1, (last?.number ?? 1) - 1));
  const [to, setTo] = useState<number>(last?.number ?? 1);
  const before = versions.find((v) => v.number === from);
  const after = versions.find((v) => v.number === to);

  return (
    <section className="versions" aria-labelledby="versions-title">
      <h3 id="versions-title">{t('statements.versionHistory.versions', { versions: versions.length })}</h3>
      <table className="table table--compact">
        <TableHead columns={headings('statements.versionHistory', ['version', 'saved', 'why', 'reviewAndRelease'])} />
        <tbody>
          {[...versions].reverse().map((v) => {
            const decisions = approvals.filter((a) => a.versionId === v.id);
            const releases = statement.releases.filter((r) => r.versionId === v.id);
            return (
              <tr key={v.id}>
                <th scope="row">
                  {v.number}
                  {v.id === statement.headVersionId && (
                    <span className="muted"> {t('statements.versionHistory.latest')}</span>
                  )}
                </th>
                <td className="nowrap">
                  {shortTime(v.createdAt, timeZone)} · {v.createdBy}
                </td>
                <td>{v.note}</td>
                <td>
                  {decisions.map((a) => (
                    <div key={a.id}>
                      {a.decision === 'approved'
                        ? t('statements.versionHistory.approvedBySha256', {
                            approverName: a.approverName,
                            approverRole: a.approverRole,
                            at: shortTime(a.at, timeZone),
                            textHash: shortHash(a.textHash),
                          })
                        : t('statements.versionHistory.returnedBy', {
                            approverName: a.approverName,
                            approverRole: a.approverRole,
                            comment: a.comment,
                          })}
                    </div>
                  ))}
                  {releases.map((r) => (
                    <div key={r.id}>
                      {t('statements.versionHistory.released', {
                        at: shortTime(r.at, timeZone),
                        channels: tList(r.channels.map((c) => CHANNEL_LABELS[c])),
                      })}
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {versions.length > 1 && (
        <div className="compare-pick">
          <h4>{t('statements.versionHistory.compareTwoVersions')}</h4>
          <div className="form-row">
            <VersionPick
              id={`compare-from-${statement.id}`}
              label={t('statements.versionHistory.fromVersion')}
              versions={versions}
              value={from}
              onChange={setFrom}
            />
            <VersionPick
              id={`compare-to-${statement.id}`}
              label={t('statements.versionHistory.toVersion')}
              versions={versions}
              value={to}
              onChange={setTo}
            />
          </div>
          {before && after && <VersionCompare before={before} after={after} />}
        </div>
      )}
    </section>
  );
}

/** One end of a comparison: a version chosen by its number. */
function VersionPick(props: {
  id: string;
  label: string;
  versions: readonly StatementVersion[];
  value: number;
  onChange: (number: number) => void;
}): ReactElement {
  return (
    <div className="compare-pick__field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.versions.map((v) => (
          <option key={v.id} value={v.number}>
            {v.number}
          </option>
        ))}
      </select>
    </div>
  );
}
