import { useState, type ReactElement } from 'react';

import { contactsToCsv } from '@shared/domain/contacts/csv';
import { contactsToVCards } from '@shared/domain/contacts/vcard';
import type { Contact } from '@shared/schemas/contacts';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { DialogActions, FormError } from '../../ui/Field';
import { t } from '../../i18n/messages';
import { CheckboxField, RadioGroup } from '../../ui/FieldControls';

type Format = 'vcard4' | 'vcard3' | 'csv';

/**
 * By default an export holds names only (name, organisation, role, category, languages): what
 * a partner needs to know who is who. Phone numbers, emails, call signs, after-hours details and
 * notes are personal data: they go in only when the operator ticks the box for this one export.
 * Contacts marked "do not share" stay out unless also ticked.
 */
export function ContactExportDialog({
  contacts,
  onClose,
}: {
  contacts: readonly Contact[];
  onClose: () => void;
}): ReactElement {
  const { platform } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [format, setFormat] = useState<Format>('vcard4');
  const [includeDetails, setIncludeDetails] = useState(false);
  const [optIn, setOptIn] = useState(false);
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const restricted = contacts.filter((c) => c.doNotShare).length;
  const chosen = contacts.filter((c) => includeRestricted || !c.doNotShare);
  const contents: [boolean, string][] = [
    [false, t('contacts.export.namesOnly')],
    [true, t('contacts.export.withDetails')],
  ];
  const formats: [Format, string][] = [
    ['vcard4', t('contacts.export.vcard4')],
    ['vcard3', t('contacts.export.vcard3')],
    ['csv', t('contacts.export.csv')],
  ];

  return (
    <Dialog title={t('contacts.export.title')} onClose={onClose}>
      <RadioGroup
        legend={t('contacts.export.content')}
        value={includeDetails}
        onChange={setIncludeDetails}
        choices={contents}
      />
      {includeDetails ? (
        <p className="warning-text">{t('contacts.export.detailsWarning', { count: chosen.length })}</p>
      ) : (
        <p>{t('contacts.exportNamesOnly', { count: chosen.length })}</p>
      )}
      <RadioGroup legend={t('contacts.export.format')} value={format} onChange={setFormat} choices={formats} />
      {restricted > 0 && (
        <CheckboxField
          label={t('contacts.export.includeRestricted', { count: restricted })}
          checked={includeRestricted}
          onChange={setIncludeRestricted}
        />
      )}
      {includeDetails && (
        <CheckboxField
          label={t('contacts.export.optIn')}
          checked={optIn}
          onChange={setOptIn}
          className="checkbox--strong"
        />
      )}
      <FormError>{failure}</FormError>
      <DialogActions cancelLabel={t('contacts.export.cancel')} onCancel={onClose}>
        <button
          type="button"
          className="button button--primary"
          disabled={(includeDetails && !optIn) || chosen.length === 0}
          onClick={() => {
            const vcard = format !== 'csv';
            void platform
              .saveFile({
                suggestedName: vcard ? 'contacts.vcf' : 'contacts.csv',
                content:
                  format === 'csv'
                    ? contactsToCsv(chosen, { includeDetails })
                    : contactsToVCards(chosen, format === 'vcard3' ? '3.0' : '4.0', { includeDetails }),
                encoding: 'utf8',
                filters: [vcard ? { name: 'vCard', extensions: ['vcf'] } : { name: 'CSV', extensions: ['csv'] }],
                title: includeDetails ? t('contacts.export.dialogTitleDetails') : t('contacts.export.dialogTitleNames'),
              })
              .then((r) => {
                if (!r.ok) return setFailure(t('contacts.export.failed', { reason: r.error.message }));
                if (r.value.savedTo === null) return;
                showNotice(
                  'success',
                  t('contacts.export.done', {
                    count: chosen.length,
                    path: r.value.savedTo,
                    details: includeDetails ? 'yes' : 'no',
                  }),
                );
                onClose();
              });
          }}
        >
          {t('contacts.exportCount', { count: chosen.length })}
        </button>
      </DialogActions>
    </Dialog>
  );
}
