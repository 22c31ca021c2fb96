import { useCallback, useRef, useState, type ReactElement } from 'react';

import { err, ok, type Result } from '@shared/domain/result';

import { useDesk } from '../../desk/DeskContext';
import { Dialog } from '../../ui/Dialog';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { UserText } from '../../ui/UserText';
import type { PendingRestore } from '../../desk/backup/backupService';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

type Asking = {
  text: string;
  fileName: string;
  problem: string | null;
  busy: boolean;
  resolve: (r: Result<PendingRestore | null, string>) => void;
};

/** Asks for the passphrase of an encrypted backup; a wrong one is said here, and nothing changes. */
function PassphrasePrompt({
  asking,
  onSubmit,
  onCancel,
}: {
  asking: Asking;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}): ReactElement {
  const [passphrase, setPassphrase] = useState('');
  return (
    <Dialog title={t('settings.encryption.promptTitle')} onClose={onCancel}>
      <p>
        <strong className="break">
          <UserText text={asking.fileName} />
        </strong>
      </p>
      <p>{t('settings.encryption.promptIntro')}</p>
      <DeskForm
        onSubmit={() => {
          onSubmit(passphrase);
        }}
      >
        <label className="field">
          {t('settings.encryption.promptLabel')}
          <input
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            aria-invalid={asking.problem !== null}
          />
        </label>
        <ProblemAlert>{asking.problem}</ProblemAlert>
        {asking.busy && (
          <p className="muted" role="status">
            {t('settings.encryption.opening')}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={asking.busy}>
            {t('settings.encryption.promptOpen')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('settings.restore.cancel')}
          </button>
        </div>
      </DeskForm>
    </Dialog>
  );
}

/**
 * Opens a backup's text for a restore: a plain one is checked at once; an encrypted one is tried
 * with this session's passphrase, then the person is asked for its own. Resolves to the checked
 * backup, null when the person gave up, or the problem in words. Nothing is written here.
 */
export function useOpenBackup(): {
  open: (text: string, fileName: string) => Promise<Result<PendingRestore | null, string>>;
  prompt: ReactElement | null;
} {
  const {
    useCases: { backup },
    encryption,
  } = useDesk();
  const [asking, setAsking] = useState<Asking | null>(null);
  const current = useRef<Asking | null>(null);
  const set = (next: Asking | null) => {
    current.current = next;
    setAsking(next);
  };

  const open = useCallback(
    async (text: string, fileName: string): Promise<Result<PendingRestore | null, string>> => {
      const first = await backup.open(text, fileName, encryption.state().passphrase);
      if (first.ok) return first;
      if (first.error.code === 'refused') return err(first.error.message);
      return new Promise((resolve) => set({ text, fileName, problem: null, busy: false, resolve }));
    },
    [backup, encryption],
  );

  const prompt = asking && (
    <PassphrasePrompt
      asking={asking}
      onCancel={() => {
        asking.resolve(ok(null));
        set(null);
      }}
      onSubmit={(passphrase) => {
        if (passphrase.length === 0) return set({ ...asking, problem: t('settings.encryption.promptEmpty') });
        set({ ...asking, busy: true, problem: null });
        void backup.open(asking.text, asking.fileName, passphrase).then((r) => {
          // Cancelled while the passphrase was being tried: the answer is no longer awaited.
          if (current.current === null) return;
          if (r.ok) {
            asking.resolve(r);
            return set(null);
          }
          if (r.error.code === 'refused') {
            asking.resolve(err(r.error.message));
            return set(null);
          }
          set({ ...asking, busy: false, problem: r.error.message });
        });
      }}
    />
  );
  return { open, prompt };
}
