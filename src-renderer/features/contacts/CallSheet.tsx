import { useEffect, type ReactElement } from 'react';

import { isStale } from '@shared/domain/contacts/contact';
import { parentIndex } from '@shared/domain/contacts/tree';
import type { Contact, ContactTree } from '@shared/schemas/contacts';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { slug } from './format';
import { useStaleDays } from './useStaleDays';
import { PhoneNumber } from './PhoneNumber';
import { usePhoneCountry } from './usePhoneCountry';
import { t } from '../../i18n/messages';
import { headings, TableHead } from '../../ui/TableHead';

/**
 * The paper fallback: one page per tree with names, roles, numbers and who calls whom. The
 * print stylesheet hides everything else (`body.print-call-sheet`); power and laptops fail in
 * a crisis, paper does not.
 */
export function CallSheet({
  tree,
  contacts,
  onClose,
}: {
  tree: ContactTree;
  contacts: ReadonlyMap<string, Contact>;
  onClose: () => void;
}): ReactElement {
  const { platform, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const savePdf = platform.savePdf;
  const now = clock();
  const staleDays = useStaleDays();
  const country = usePhoneCountry();
  useEffect(() => {
    document.body.classList.add('print-call-sheet');
    return () => document.body.classList.remove('print-call-sheet');
  }, []);
  const name = (id: string | null) =>
    id === null ? '' : (contacts.get(id)?.name ?? t('contacts.callSheet.unknownContact'));
  return (
    <div
      className="call-sheet-view"
      role="dialog"
      aria-modal="true"
      aria-label={t('contacts.callSheet.title', { name: tree.name })}
    >
      <div className="print-view__toolbar">
        <span>{savePdf ? t('contacts.callSheet.hintPdf') : t('contacts.callSheet.hintPrint')}</span>
        {savePdf && (
          <button
            type="button"
            className="button button--primary"
            onClick={() =>
              void savePdf({
                suggestedName: `call-sheet-${slug(tree.name)}.pdf`,
                title: t('contacts.callSheet.savePdfTitle'),
              }).then((r) => {
                if (!r.ok) showNotice('error', t('contacts.callSheet.pdfNotSaved', { reason: r.error.message }));
                else if (r.value.savedTo)
                  showNotice('success', t('contacts.callSheet.pdfSaved', { path: r.value.savedTo }));
              })
            }
          >
            {t('contacts.callSheet.savePdf')}
          </button>
        )}
        <button type="button" className={savePdf ? 'button' : 'button button--primary'} onClick={() => window.print()}>
          {t('contacts.callSheet.print')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('contacts.callSheet.close')}
        </button>
      </div>
      <article className="call-sheet" aria-labelledby="call-sheet-title">
        <header className="call-sheet__head">
          <h2 id="call-sheet-title">{t('contacts.callSheet.title', { name: tree.name })}</h2>
          <p>{t('contacts.callSheet.instructions', { date: new Date(now).toISOString().slice(0, 10) })}</p>
        </header>
        <table className="call-sheet__table">
          <TableHead
            columns={headings('contacts.callSheet', [
              'colWho',
              'colRole',
              'colNumbers',
              'colCalledBy',
              'colFallback',
              'colTimeReached',
            ])}
          />
          <tbody>
            {tree.nodes.map((n, i) => {
              const c = contacts.get(n.contactId);
              const p = parentIndex(tree.nodes, i);
              const fb = n.fallbackContactId === null ? undefined : contacts.get(n.fallbackContactId);
              return (
                <tr key={n.id}>
                  <td className={`call-sheet__who call-sheet__who--d${Math.min(n.depth, 6)}`}>
                    <strong>{c?.name ?? t('contacts.callSheet.unknownContact')}</strong>
                    {c?.doNotShare ? t('contacts.callSheet.doNotShare') : ''}
                    {c && isStale(c, now, staleDays) ? t('contacts.callSheet.staleCheck') : ''}
                  </td>
                  <td>{[c?.role, c?.organisation].filter(Boolean).join(', ')}</td>
                  <td>
                    {c?.phones.map((ph) => (
                      <div key={`${ph.label}${ph.number}`}>
                        <PhoneNumber phone={ph} country={country} link={false} />
                      </div>
                    ))}
                    {c?.radioCallSign ? (
                      <div>{t('contacts.callSheet.radio', { callSign: c.radioCallSign })}</div>
                    ) : null}
                  </td>
                  <td>{p === null ? t('contacts.callSheet.crisisDesk') : name(tree.nodes[p]?.contactId ?? null)}</td>
                  <td>
                    {fb ? (
                      <>
                        {fb.name}
                        <br />
                        {fb.phones[0] ? <PhoneNumber phone={fb.phones[0]} country={country} link={false} /> : fb.email}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="call-sheet__blank" aria-label={t('contacts.callSheet.fillByHand')} />
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="call-sheet__foot">{t('contacts.callSheet.personalData')}</p>
      </article>
    </div>
  );
}
