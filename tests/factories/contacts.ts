import type { ContactFields, PhoneEntry } from '@shared/domain/contacts/contact';
import { phoneKeyOf, structurePhone, unreadPhone } from '@shared/domain/contacts/phone';
import type { Contact, ContactPhone, ContactTree, TreeNode } from '@shared/schemas/contacts';

import { T0 } from './incident';

let seq = 0;

/** Valid contact form fields: a community leader with a mobile number, checked at T0. */
export function makeContactFields(overrides: Partial<ContactFields> = {}): ContactFields {
  seq += 1;
  return {
    name: `Contact ${seq}`,
    organisation: 'Kristiansand kommune',
    role: 'Liaison',
    category: 'civil-society-and-communities',
    phones: [
      {
        label: 'mobile',
        number: `+47 900 ${String(10_000 + seq).slice(-5, -3)} ${String(seq % 1000).padStart(3, '0')}`,
      },
    ],
    email: `contact${seq}@example.org`,
    radioCallSign: '',
    languages: ['Norwegian'],
    afterHours: '',
    notes: '',
    doNotShare: false,
    consentOnFile: true,
    intermediaryId: null,
    lastVerifiedAt: T0,
    ...overrides,
  };
}

/** A number as a Norwegian desk stores it (read in Norway; kept as typed, flagged, when unreadable). */
export function storedPhone(p: PhoneEntry): ContactPhone {
  const read = structurePhone(p.label, p.number, 'NO');
  return read.ok ? read.value : unreadPhone(p.label, p.number);
}

/** A stored contact with a deterministic id; numbers given as typed are stored as a Norwegian desk reads them. */
export function makeContact(overrides: Partial<Omit<Contact, 'phones'>> & { phones?: PhoneEntry[] } = {}): Contact {
  const fields = makeContactFields();
  const id = overrides.id ?? `con_${seq}`;
  const phones = (overrides.phones ?? fields.phones).map(storedPhone);
  return {
    id,
    ...fields,
    createdAt: T0,
    createdBy: 'Ingrid Berg',
    updatedAt: T0,
    updatedBy: 'Ingrid Berg',
    ...overrides,
    phones,
    phoneKeys: [...new Set(phones.map(phoneKeyOf))],
  };
}

/** Outline nodes from [contactId, depth] pairs: ids n1, n2… */
export function makeNodes(spec: readonly (readonly [string, number, string?])[]): TreeNode[] {
  return spec.map(([contactId, depth, fallback], i) => ({
    id: `n${i + 1}`,
    contactId,
    depth,
    fallbackContactId: fallback ?? null,
  }));
}

export function makeTree(overrides: Partial<ContactTree> = {}): ContactTree {
  seq += 1;
  return {
    id: `ctr_${seq}`,
    name: 'Faith and community leaders',
    description: '',
    nodes: [],
    createdAt: T0,
    createdBy: 'Ingrid Berg',
    updatedAt: T0,
    updatedBy: 'Ingrid Berg',
    ...overrides,
  };
}
