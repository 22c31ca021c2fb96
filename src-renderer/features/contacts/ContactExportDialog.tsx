import { useState, type ReactElement } from 'react';

import { contactsToCsv } from '@shared/domain/contacts/csv';
import { contactsToVCards } from '@shared/domain/contacts/vcard';
import type { Contact } from '@shared/schemas/contacts';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';
import { t } from '../../i18n/messages';

type Format = 'vcard4' | 'vcard3' | 'csv';

/**
 * By default an export holds names only (name, organisation, role, category, languages): what
 * a partner needs to know who is who. Phone numbers, emails, call signs, after-hours details and
 * notes are personal data: they go in only when the operator ticks the box for this one export.
 * Contacts marked "do not share" stay out unless also ticked.
 */
export function ContactExportDialog({ contacts, onClose }: { contacts: readonly Contact[]; onClose: () => void }): ReactElement {
  const { platform } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [format, setFormat] = useState<Format>('vcard4');
  const [includeDetails, setIncludeDetails] = useState(false);
  const [optIn, setOptIn] = useState(false);
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const restricted = contacts.filter((c) => c.doNotShare).length;
  const chosen = contacts.filter((c) => includeRestricted || !c.doNotShare);

  return (
    <Dialog title="Export contacts" onClose={onClose}>
      <fieldset className="fieldset">
        <legend>What goes in the file</legend>
        <label className="checkbox"><input type="radio" name="contact-export-content" checked={!includeDetails} onChange={() => setIncludeDetails(false)} /> Names only: name, organisation, role, category and languages (for sharing with partners)</label>
        <label className="checkbox"><input type="radio" name="contact-export-content" checked={includeDetails} onChange={() => setIncludeDetails(true)} /> Names with phone numbers, emails, call signs, after-hours details and notes (personal data)</label>
      </fieldset>
      {includeDetails ? (
        <p className="warning-text">
          Contact details are personal data. The file will hold names, phone numbers, emails and notes of {chosen.length} {chosen.length === 1 ? 'person' : 'people'}: keep it only where the crisis team can reach it, and delete it when no longer needed.
        </p>
      ) : (
        <p>{t('contacts.exportNamesOnly', { count: chosen.length })}</p>
      )}
      <fieldset className="fieldset">
        <legend>Format</legend>
        <label className="checkbox"><input type="radio" name="contact-export-format" checked={format === 'vcard4'} onChange={() => setFormat('vcard4')} /> vCard 4.0 (.vcf): phones and most address books</label>
        <label className="checkbox"><input type="radio" name="contact-export-format" checked={format === 'vcard3'} onChange={() => setFormat('vcard3')} /> vCard 3.0 (.vcf): older address books</label>
        <label className="checkbox"><input type="radio" name="contact-export-format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> CSV: spreadsheets</label>
      </fieldset>
      {restricted > 0 && (
        <label className="checkbox"><input type="checkbox" checked={includeRestricted} onChange={(e) => setIncludeRestricted(e.target.checked)} /> Also include the {restricted} {restricted === 1 ? 'contact' : 'contacts'} marked “do not share”</label>
      )}
      {includeDetails && <label className="checkbox checkbox--strong"><input type="checkbox" checked={optIn} onChange={(e) => setOptIn(e.target.checked)} /> I understand this export contains personal data, and I include it on purpose</label>}
      <FormError>{failure}</FormError>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>Cancel</button>
        <button type="button" className="button button--primary" disabled={(includeDetails && !optIn) || chosen.length === 0} onClick={() => {
          const vcard = format !== 'csv';
          void platform.saveFile({
            suggestedName: vcard ? 'contacts.vcf' : 'contacts.csv',
            content: format === 'csv' ? contactsToCsv(chosen, { includeDetails }) : contactsToVCards(chosen, format === 'vcard3' ? '3.0' : '4.0', { includeDetails }),
            encoding: 'utf8',
            filters: [vcard ? { name: 'vCard', extensions: ['vcf'] } : { name: 'CSV', extensions: ['csv'] }],
            title: includeDetails ? 'Export contacts (personal data)' : 'Export contact names',
          }).then((r) => {
            if (!r.ok) return setFailure(`The contacts were not exported: ${r.error.message}`);
            if (r.value.savedTo === null) return;
            showNotice('success', `${chosen.length} contacts exported to ${r.value.savedTo}${includeDetails ? ', with their numbers and emails' : ', names only'}`);
            onClose();
          });
        }}>{t('contacts.exportCount', { count: chosen.length })}</button>
      </div>
    </Dialog>
  );
}
