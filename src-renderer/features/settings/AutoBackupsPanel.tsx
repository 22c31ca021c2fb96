import { useCallback, useEffect, useState, type ReactElement } from 'react';

import { BACKUP_POLICY_BOUNDS, type BackupInfo, type BackupPolicy } from '@shared/ipc/contract';
import type { DeskSettings } from '@shared/schemas/entities';
import { formatBytes } from '@shared/domain/text/formatBytes';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { DEFAULT_BACKUP_EVERY_MINUTES } from '../../desk/backup/autoBackup';
import type { PendingRestore } from '../../desk/backup/backupService';
import { computerTime } from '../../lib/LocaleContext';
import { RestoreConfirmation } from './RestoreConfirmation';
import { useOpenBackup } from './PassphrasePrompt';
import { t, tRich, type MessageId } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';
import { FormError } from '../../ui/Field';
import { headings, TableHead } from '../../ui/TableHead';
import { DeskForm } from '../../ui/DeskForm';

const { keepLast: LAST, keepDailyForDays: DAYS } = BACKUP_POLICY_BOUNDS;
/** The tag in the file name of the backup written just before a restore. */
const BEFORE_RESTORE = 'before-restore';
const whole = (text: string, min: number, max: number): number | null => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** The policy's numbers as typed: read and bounded when the policy is saved. */
type PolicyForm = { every: string; last: string; days: string };

/** The policy's numbers, in the order the form asks for them. */
const POLICY_COUNTS = [
  ['every', 'settings.autoBackup.every'],
  ['last', 'settings.autoBackup.keepLast'],
  ['days', 'settings.autoBackup.keepDaily'],
] as const satisfies readonly (readonly [keyof PolicyForm, MessageId])[];

/** The rotating backups main keeps in its data folder (either shell): policy, last run, list, restore. */
export function AutoBackupsPanel({ settings }: { settings: DeskSettings }): ReactElement {
  const {
    platform,
    useCases,
    useCases: { backup },
    clock,
    encryption,
  } = useDesk();
  const opener = useOpenBackup();
  const showNotice = useAppStore((s) => s.showNotice);
  const lastRun = useAppStore((s) => s.autoBackup);
  const auto = platform.autoBackups;
  const [list, setList] = useState<{ folder: string; backups: BackupInfo[] } | null>(null);
  const [policy, setPolicy] = useState<BackupPolicy | null>(null);
  const [pending, setPending] = useState<{ info: BackupInfo; checked: PendingRestore } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [form, setForm] = useState<PolicyForm | null>(null);

  const refresh = useCallback(() => {
    if (!auto) return;
    void auto.list().then((r) => (r.ok ? setList(r.value) : setProblem(r.error.message)));
  }, [auto]);
  useEffect(refresh, [refresh, lastRun]);
  useEffect(() => {
    if (!auto) return;
    void auto.policy().then((r) => {
      if (!r.ok) return setProblem(r.error.message);
      setPolicy(r.value);
      setForm(
        (f) =>
          f ?? {
            every: String(settings.backupEveryMinutes ?? DEFAULT_BACKUP_EVERY_MINUTES),
            last: String(r.value.keepLast),
            days: String(r.value.keepDailyForDays),
          },
      );
    });
  }, [auto, settings.backupEveryMinutes]);

  if (!auto) {
    return (
      <section className="panel" aria-labelledby="auto-backups-title">
        <h2 id="auto-backups-title">{t('settings.autoBackup.title')}</h2>
        <p>{t('settings.autoBackup.explain', { minutes: DEFAULT_BACKUP_EVERY_MINUTES })}</p>
        <p className="warning-text">{t('settings.autoBackup.noServer')}</p>
      </section>
    );
  }

  const save = (f: PolicyForm) => {
    const every = whole(f.every, 1, 1440);
    const keepLast = whole(f.last, LAST.min, LAST.max);
    const keepDailyForDays = whole(f.days, DAYS.min, DAYS.max);
    if (every === null || keepLast === null || keepDailyForDays === null) {
      return setProblem(
        t('settings.autoBackup.invalid', {
          lastMin: LAST.min,
          lastMax: LAST.max,
          daysMin: DAYS.min,
          daysMax: DAYS.max,
        }),
      );
    }
    setProblem(null);
    void (async () => {
      // Whether backups are encrypted is kept as it is: the encryption section changes that.
      const saved = await auto.setPolicy({ keepLast, keepDailyForDays, encrypted: encryption.state().enabled });
      if (!saved.ok) return setProblem(t('settings.autoBackup.policyFailed', { reason: saved.error.message }));
      setPolicy(saved.value);
      if (every !== (settings.backupEveryMinutes ?? DEFAULT_BACKUP_EVERY_MINUTES)) {
        const interval = await useCases.settings.save(
          {
            cityName: settings.cityName,
            operatorName: settings.operatorName,
            defaultTimeZone: settings.defaultTimeZone,
            backupEveryMinutes: every,
          },
          actorFrom(settings.operatorName, clock),
        );
        if (!interval.ok)
          return setProblem(t('settings.autoBackup.policyFailed', { reason: describeNotWritten(interval.error) }));
      }
      showNotice('success', t('settings.autoBackup.policySaved', { every, keepLast, days: keepDailyForDays }));
    })();
  };

  const restore = async (b: BackupInfo) => {
    setProblem(null);
    const text = await auto.read(b.name);
    if (!text.ok) return setProblem(t('settings.autoBackup.notRestored', { reason: text.error.message }));
    const checked = await opener.open(text.value, b.name);
    if (!checked.ok) return setProblem(checked.error);
    if (checked.value !== null) setPending({ info: b, checked: checked.value });
  };

  return (
    <section className="panel" aria-labelledby="auto-backups-title">
      <h2 id="auto-backups-title">{t('settings.autoBackup.title')}</h2>
      <p>
        {tRich(
          'settings.autoBackup.keptIn',
          { folder: list?.folder ?? t('settings.screen.pending'), edition: platform.edition },
          { path: (chunks) => <span className="mono break">{chunks}</span> },
        )}
      </p>
      {lastRun && (
        <p
          className={lastRun.ok && lastRun.headsNotLogged === null ? 'muted' : 'form-error'}
          role={lastRun.ok && lastRun.headsNotLogged === null ? undefined : 'alert'}
        >
          {lastRun.ok
            ? lastRun.headsNotLogged === null
              ? t('settings.autoBackup.last', { time: computerTime(lastRun.at) })
              : t('settings.autoBackup.lastHeadsNotLogged', {
                  time: computerTime(lastRun.at),
                  reason: lastRun.headsNotLogged,
                })
            : t('settings.autoBackup.lastFailed', { time: computerTime(lastRun.at), reason: lastRun.message })}
        </p>
      )}
      {form && (
        <DeskForm
          className="form-row"
          onSubmit={() => {
            save(form);
          }}
        >
          {POLICY_COUNTS.map(([count, label]) => (
            <label key={count} className="field">
              {t(label)}
              <input
                inputMode="numeric"
                value={form[count]}
                onChange={(e) => setForm({ ...form, [count]: e.target.value })}
              />
            </label>
          ))}
          <button type="submit" className="button">
            {t('settings.autoBackup.savePolicy')}
          </button>
        </DeskForm>
      )}
      {policy && <p className="muted">{t('settings.autoBackup.minimum', { last: LAST.min, days: DAYS.min })}</p>}
      <FormError>{problem}</FormError>
      {list && list.backups.length === 0 && <p className="muted">{t('settings.autoBackup.none')}</p>}
      {list && list.backups.length > 0 && (
        <table className="table table--compact">
          <TableHead columns={headings('settings.autoBackup', ['colMade', 'colSize', { hidden: 'colAction' }])} />
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.name}>
                <td>
                  {computerTime(b.createdAt)}
                  {b.name.includes(BEFORE_RESTORE) ? t('settings.autoBackup.beforeRestore') : ''}
                  {b.datedAhead ? t('settings.autoBackup.datedAhead') : ''}
                  {b.name.endsWith('.age') ? t('settings.autoBackup.encrypted') : ''}
                </td>
                <td>{formatBytes(b.size)}</td>
                <td>
                  <button type="button" className="button button--ghost" onClick={() => void restore(b)}>
                    {t('settings.autoBackup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {opener.prompt}
      {pending && (
        <RestoreConfirmation
          pending={pending.checked}
          title={t('settings.autoBackup.restoreTitle')}
          intro={<p>{t('settings.autoBackup.restoreIntro')}</p>}
          confirmLabel={t('settings.autoBackup.restoreConfirm')}
          onCancel={() => setPending(null)}
          onConfirm={(acceptBrokenChains) => {
            const chosen = pending;
            setPending(null);
            void (async () => {
              const actor = actorFrom(settings.operatorName, clock);
              // Sealed like every backup: encrypted when backups are, and never in clear when the passphrase is missing.
              const sealed = await backup.sealed(actor, settings.cityName);
              if (!sealed.ok)
                return setProblem(t('settings.autoBackup.backupFirstFailed', { reason: sealed.error.message }));
              const current = await auto.write(sealed.value.content, BEFORE_RESTORE);
              if (!current.ok)
                return setProblem(t('settings.autoBackup.backupFirstFailed', { reason: current.error.message }));
              const restored = await backup.restore(chosen.checked, actor, { acceptBrokenChains });
              if (!restored.ok) return setProblem(restored.error);
              showNotice('success', t('settings.autoBackup.restored', { time: computerTime(chosen.info.createdAt) }));
              refresh();
            })();
          }}
        />
      )}
    </section>
  );
}
