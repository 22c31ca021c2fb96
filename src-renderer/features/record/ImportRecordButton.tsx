import { useState, type ReactElement } from 'react';

import { verifyAnyRecordText } from '@shared/domain/record/verifySignedRecord';
import { webCryptoVerifier } from '@shared/domain/signed/ed25519';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { describeRecordImportError } from '../../desk/record/importRecord';
import { sha256Hex } from '../../lib/sha256';
import { useAppStore } from '../../store';
import { OpenFileButton } from '../../ui/OpenFileButton';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { t } from '../../i18n/messages';

/**
 * Brings an incident over from another desk through its after-action record (JSON). The record
 * is verified first (format, checksum, hash chain); an incident already here is never merged.
 */
export function ImportRecordButton({ operatorName }: { operatorName: string }): ReactElement {
  const { platform, useCases, clock } = useDesk();
  const navigate = useAppStore((s) => s.navigate);
  const showNotice = useAppStore((s) => s.showNotice);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Verifies the opened record, then brings its incident in and opens it. */
  const importFile = async (opened: { name: string; text: string }) => {
    setBusy(true);
    try {
      // Every format, signatures included: a record whose signed records do not check out is refused.
      const checked = await verifyAnyRecordText(opened.text, sha256Hex, { verify: webCryptoVerifier(crypto.subtle) });
      if (!checked.ok || !checked.record) {
        const failed = checked.checks.find((c) => !c.ok);
        return setProblem(
          t('record.import.refused', { file: opened.name, reason: failed?.detail ?? t('record.import.didNotVerify') }),
        );
      }
      const imported = await useCases.record.importRecord(checked.record, actorFrom(operatorName, clock));
      if (!imported.ok) return setProblem(describeRecordImportError(imported.error));
      showNotice('success', t('record.import.done', { title: imported.value.title }));
      navigate({ name: 'incident', id: imported.value.id, tab: 'overview' });
    } finally {
      setBusy(false);
    }
  };
  const openRecord = () =>
    platform.openTextFile({
      filters: [{ name: t('record.import.fileType'), extensions: ['json'] }],
      maxBytes: 1024 * 1024 * 1024,
      title: t('record.import.title'),
    });
  return (
    <div className="import-record">
      <OpenFileButton
        label={t('record.import.button')}
        disabled={busy}
        open={openRecord}
        onOpened={(file) => void importFile(file)}
        onProblem={setProblem}
      />
      <ProblemAlert>{problem}</ProblemAlert>
    </div>
  );
}
