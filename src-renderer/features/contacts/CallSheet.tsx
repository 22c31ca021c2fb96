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

/**
 * The paper fallback: one page per tree with names, roles, numbers and who calls whom. The
 * print stylesheet hides everything else (`body.print-call-sheet`); power and laptops fail in
 * a crisis, paper does not.
 */
export function CallSheet({ tree, contacts, onClose }: { tree: ContactTree; contacts: ReadonlyMap<string, Contact>; onClose: () => void }): ReactElement {
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
  const name = (id: string | null) => (id === null ? '' : (contacts.get(id)?.name ?? 'Unknown contact'));
  return (
    <div className="call-sheet-view" role="dialog" aria-modal="true" aria-label={`Call sheet: ${tree.name}`}>
      <div className="print-view__toolbar">
        <span>{savePdf ? 'Call sheet. Save it as a PDF, or print it.' : 'Call sheet. Print it, and keep a copy by the phone.'}</span>
        {savePdf && (
          <button type="button" className="button button--primary" onClick={() => void savePdf({ suggestedName: `call-sheet-${slug(tree.name)}.pdf`, title: 'Save the call sheet as PDF' }).then((r) => {
            if (!r.ok) showNotice('error', `The PDF was not saved: ${r.error.message}`);
            else if (r.value.savedTo) showNotice('success', `PDF saved: ${r.value.savedTo}`);
          })}>Save as PDF…</button>
        )}
        <button type="button" className={savePdf ? 'button' : 'button button--primary'} onClick={() => window.print()}>Print…</button>
        <button type="button" className="button" onClick={onClose}>Close call sheet</button>
      </div>
      <article className="call-sheet" aria-labelledby="call-sheet-title">
        <header className="call-sheet__head">
          <h2 id="call-sheet-title">Call sheet: {tree.name}</h2>
          <p>Printed {new Date(now).toISOString().slice(0, 10)}. Call the people listed under you, in order. If nobody answers, call the fallback; if they cannot be reached either, call the people they would have called. Note the time of every call.</p>
        </header>
        <table className="call-sheet__table">
          <thead>
            <tr><th scope="col">Who</th><th scope="col">Role</th><th scope="col">Numbers</th><th scope="col">Called by</th><th scope="col">Fallback</th><th scope="col">Time reached</th></tr>
          </thead>
          <tbody>
            {tree.nodes.map((n, i) => {
              const c = contacts.get(n.contactId);
              const p = parentIndex(tree.nodes, i);
              const fb = n.fallbackContactId === null ? undefined : contacts.get(n.fallbackContactId);
              return (
                <tr key={n.id}>
                  <td className={`call-sheet__who call-sheet__who--d${Math.min(n.depth, 6)}`}>
                    <strong>{c?.name ?? 'Unknown contact'}</strong>{c?.doNotShare ? ' (do not share)' : ''}{c && isStale(c, now, staleDays) ? ' (stale: check)' : ''}
                  </td>
                  <td>{[c?.role, c?.organisation].filter(Boolean).join(', ')}</td>
                  <td>{c?.phones.map((ph) => <div key={`${ph.label}${ph.number}`}><PhoneNumber phone={ph} country={country} link={false} /></div>)}{c?.radioCallSign ? <div>Radio: {c.radioCallSign}</div> : null}</td>
                  <td>{p === null ? 'Crisis desk' : name(tree.nodes[p]?.contactId ?? null)}</td>
                  <td>{fb ? <>{fb.name}<br />{fb.phones[0] ? <PhoneNumber phone={fb.phones[0]} country={country} link={false} /> : fb.email}</> : '—'}</td>
                  <td className="call-sheet__blank" aria-label="to fill in by hand" />
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="call-sheet__foot">Personal data: keep this sheet with the crisis team and destroy it after use.</p>
      </article>
    </div>
  );
}
