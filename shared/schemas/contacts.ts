import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { epochMs, id, operator, stamps } from './fields';

/**
 * FORMAT: the contacts directory, call trees and their activations during an incident.
 * Contact details are personal data: they leave the desk only through an export the operator
 * opts into (see the export dialogs), and never through logs.
 */

/**
 * FORMAT (data version 3): a number as typed, with what the desk read from it. Before version 3
 * a number was { label, number } only; the upgrade (contacts/legacy.ts) reads each one.
 */
export const ContactPhoneSchema = z.object({
  /** "mobile", "work", "After hours"…, as the person or the address book named it. */
  label: z.string().max(40),
  /** As typed or as the file wrote it, extension included: "+1 312 555 0170 ext. 12". */
  number: z.string().min(1).max(60),
  /** The number in E.164 ("+13125550170"); null when the desk could not read it: kept as typed, flagged. */
  e164: z.string().regex(/^\+[1-9]\d{1,14}$/).nullable(),
  /** The extension's digits, dialled once the line answers; '' when none. */
  extension: z.string().regex(/^\d{0,10}$/),
});
export type ContactPhone = z.infer<typeof ContactPhoneSchema>;

export const ContactSchema = z.object({
  id,
  name: z.string().trim().min(1).max(200),
  organisation: z.string().max(200),
  role: z.string().max(200),
  /** A stakeholder category id (stakeholderCategories.ts) or 'other'. */
  category: z.string().min(1).max(60),
  phones: z.array(ContactPhoneSchema).max(10),
  /** The numbers' E.164 keys (phoneKeyOf()), indexed so a duplicate is found by number. */
  phoneKeys: z.array(z.string().max(40)).max(10),
  email: z.string().max(254),
  radioCallSign: z.string().max(60),
  languages: z.array(z.string().min(1).max(40)).max(20),
  afterHours: z.string().max(300),
  notes: z.string().max(5000),
  /** Never give these details to anyone outside the crisis team. */
  doNotShare: z.boolean(),
  /** The person agreed to the desk keeping their details. */
  consentOnFile: z.boolean(),
  /** The contact through whom this one is best reached (a community is often reached through someone it trusts). */
  intermediaryId: id.nullable(),
  /** When someone last checked these details were right; null when never. */
  lastVerifiedAt: epochMs.nullable(),
  ...stamps,
});
export type Contact = z.infer<typeof ContactSchema>;

/**
 * FORMAT: a tree is stored as its outline: nodes in reading order (depth first), each with its
 * depth. A node's caller is the nearest node above it with a smaller depth; its callees are the
 * nodes below it one level deeper, in order. The outline can express only a hierarchy.
 */
export const TreeNodeSchema = z.object({
  id,
  contactId: id,
  depth: z.number().int().min(0).max(30),
  /** Who to call when this contact cannot be reached. */
  fallbackContactId: id.nullable(),
});
export type TreeNode = z.infer<typeof TreeNodeSchema>;

export const ContactTreeSchema = z.object({
  id,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000),
  nodes: z.array(TreeNodeSchema).max(2000),
  ...stamps,
});
export type ContactTree = z.infer<typeof ContactTreeSchema>;

export const CALL_STATES = ['waiting', 'calling', 'reached', 'message-left', 'unreachable', 'declined'] as const;
export const CallStateSchema = z.enum(CALL_STATES);
export type CallState = z.infer<typeof CallStateSchema>;

/** A node of an activated tree: the tree as it stood when activated, and where each call is. */
export const ActivationNodeSchema = z.object({
  nodeId: id,
  contactId: id,
  depth: z.number().int().min(0).max(30),
  fallbackContactId: id.nullable(),
  /** Name and role when activated, so the record reads the same after the directory changes. */
  contactName: z.string().max(200),
  contactRole: z.string().max(200),
  fallbackName: z.string().max(200).nullable(),
  state: CallStateSchema,
  /** True once the call passed to the fallback contact. */
  onFallback: z.boolean(),
  updatedAt: epochMs,
});
export type ActivationNode = z.infer<typeof ActivationNodeSchema>;

/** An activation called off before everyone was reached: when, by whom, and why. */
export const StandDownSchema = z.object({
  at: epochMs,
  by: operator,
  reason: z.string().trim().min(1).max(2000),
});
export type StandDown = z.infer<typeof StandDownSchema>;

export const TreeActivationSchema = z.object({
  id,
  incidentId: id,
  treeId: id,
  treeName: z.string().max(120),
  nodes: z.array(ActivationNodeSchema).max(2000),
  startedAt: epochMs,
  startedBy: operator,
  updatedAt: epochMs,
  /** Absent while the activation runs (and in activations stored before stand-downs existed). */
  standDown: StandDownSchema.optional(),
});
export type TreeActivation = z.infer<typeof TreeActivationSchema>;

/** The longest note a call's log keeps. */
export const CALL_NOTE_MAX = 2000;

/** One line of an activation's call log: append-only. */
export const CallAttemptSchema = z.object({
  id,
  activationId: id,
  incidentId: id,
  nodeId: id,
  /** The person called (the fallback once escalated). */
  contactId: id,
  at: epochMs,
  by: operator,
  from: CallStateSchema,
  to: CallStateSchema,
  /** True for the line that passed the call to the fallback contact. */
  escalated: z.boolean(),
  note: z.string().max(CALL_NOTE_MAX),
});
export type CallAttempt = z.infer<typeof CallAttemptSchema>;
