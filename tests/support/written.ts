import type { Result } from '@shared/domain/result';

/**
 * The value of a use-case's change that the test expects to be stored; when the desk answers
 * with an error instead, the test fails naming it.
 */
export async function written<T, E>(change: Promise<Result<T, E>>): Promise<T> {
  const r = await change;
  if (!r.ok) throw new Error(`The change was not stored: ${JSON.stringify(r.error)}`);
  return r.value;
}
