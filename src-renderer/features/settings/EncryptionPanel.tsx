import { useState, useSyncExternalStore, type ReactElement } from 'react';

import { MIN_PASSPHRASE_LENGTH } from '@shared/domain/encryption/passphrase';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

/**
 * Backup encryption: a passphrase (typed twice) encrypts every backup that leaves the desk, saved
 * or automatic, in the age format; whether to remember it on this computer; turning it off.
 */
export function EncryptionPanel(): ReactElement {
  const { encryption } = useDesk();
  const state = useSyncExternalStore(encryption.subscribe, encryption.state);
  const showNotice = useAppStore((s) => s.showNotice);
  const [form, setForm] = useState({ passphrase: '', repeated: '', remember: false });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmOff, setConfirmOff] = useState(false);
  const canRemember = state.store?.available === true;
  const paused = state.enabled && state.passphrase === null;

  const run = (work: () => Promise<{ ok: boolean; error?: string }>, success: string) => {
    setBusy(true);
    setProblem(null);
    void work().then((r) => {
      setBusy(false);
      if (!r.ok) return setProblem(r.error ?? null);
      setForm({ passphrase: '', repeated: '', remember: false });
      showNotice('success', success);
    });
  };
  const unwrap = async (p: Promise<{ ok: true } | { ok: false; error: string }>) => {
    const r = await p;
    return r.ok ? { ok: true } : { ok: false, error: r.error };
  };

  return (
    <section className="panel" aria-labelledby="encryption-title">
      <h2 id="encryption-title">{t('settings.encryption.title')}</h2>
      <p className={paused ? 'warning-text' : state.enabled ? '' : 'muted'} data-testid="encryption-status">
        {!state.loaded
          ? t('settings.screen.pending')
          : paused
            ? t('settings.encryption.paused')
            : state.enabled
              ? t('settings.encryption.on')
              : t('settings.encryption.off')}
      </p>
      <p>{t('settings.encryption.explain')}</p>
      <DeskForm
        onSubmit={() => {
          run(
            () => unwrap(encryption.setPassphrase(form.passphrase, form.repeated, canRemember && form.remember)),
            t(state.enabled ? 'settings.encryption.changed' : 'settings.encryption.turnedOn'),
          );
        }}
      >
        <NewPassphraseField
          label={t('settings.encryption.passphrase')}
          hint={t('settings.encryption.passphraseHint', { minimum: MIN_PASSPHRASE_LENGTH })}
          value={form.passphrase}
          onChange={(passphrase) => setForm({ ...form, passphrase })}
        />
        <NewPassphraseField
          label={t('settings.encryption.repeat')}
          value={form.repeated}
          onChange={(repeated) => setForm({ ...form, repeated })}
        />
        {canRemember ? (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.remember}
              onChange={(e) => setForm({ ...form, remember: e.target.checked })}
            />
            {t('settings.encryption.remember')}
          </label>
        ) : (
          state.store !== null && (
            <p className="muted">{t('settings.encryption.noStore', { reason: state.store.reason ?? '' })}</p>
          )
        )}
        {canRemember && <p className="field__hint">{t('settings.encryption.rememberMeans')}</p>}
        {state.enabled && !paused && <p className="muted">{t('settings.encryption.changeNote')}</p>}
        <ProblemAlert>{problem}</ProblemAlert>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t(
              paused
                ? 'settings.encryption.enter'
                : state.enabled
                  ? 'settings.encryption.change'
                  : 'settings.encryption.turnOn',
            )}
          </button>
          {state.remembered && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => run(() => unwrap(encryption.setRemembered(false)), t('settings.encryption.forgotten'))}
            >
              {t('settings.encryption.forget')}
            </button>
          )}
          {state.enabled && (
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => setConfirmOff(true)}>
              {t('settings.encryption.turnOff')}
            </button>
          )}
        </div>
        {state.remembered && <p className="muted">{t('settings.encryption.rememberedHere')}</p>}
      </DeskForm>
      {confirmOff && (
        <Dialog title={t('settings.encryption.offTitle')} onClose={() => setConfirmOff(false)}>
          <p>{t('settings.encryption.offExplain')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setConfirmOff(false);
                run(() => unwrap(encryption.turnOff()), t('settings.encryption.turnedOff'));
              }}
            >
              {t('settings.encryption.offConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmOff(false)}>
              {t('settings.restore.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

/** A passphrase being chosen: hidden as it is typed, and never filled in from one the browser saved. */
function NewPassphraseField({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
}): ReactElement {
  return (
    <label className="field">
      {label}
      <input type="password" autoComplete="new-password" value={value} onChange={(e) => onChange(e.target.value)} />
      {hint && <span className="field__hint">{hint}</span>}
    </label>
  );
}
