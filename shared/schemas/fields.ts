import { z } from 'zod';

/** The fields every stored row is made of, defined once so that every table reads them alike. */

/** An instant, in milliseconds since the epoch (UTC). */
export const epochMs = z.number().int().nonnegative();

/** A row's id. */
export const id = z.string().min(1).max(100);

/** The name of the person at the desk who made or changed something. */
export const operator = z.string().min(1).max(120);

/** A SHA-256 hash, in lowercase hex. */
export const hash = z.string().regex(/^[0-9a-f]{64}$/);

/** Who made a row and who changed it last, and when: spread into every row that people edit. */
export const stamps = { createdAt: epochMs, createdBy: operator, updatedAt: epochMs, updatedBy: operator };
