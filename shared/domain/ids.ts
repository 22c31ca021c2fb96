/** Identifiers are opaque strings with a readable prefix, so a stray id in a log says what it is. */
export type IncidentId = string;
export type AuditEventId = string;

/** Source of randomness, injected so domain code and tests stay deterministic. */
export type IdGenerator = () => string;

export const newId = (prefix: string, gen: IdGenerator): string => `${prefix}_${gen()}`;
