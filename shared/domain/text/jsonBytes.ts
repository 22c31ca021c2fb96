import { err, ok, type Result } from '../result';
import { format, type DomainMessageId } from '../../i18n/format';

/**
 * A JSON value received as bytes from another desk, refused unread when larger than `maxBytes`
 * and refused when it is not strict UTF-8 JSON. The reader words both refusals: `tooLarge` is
 * given the size as `bytes`.
 */
export function parseJsonBytes(
  bytes: Uint8Array,
  maxBytes: number,
  words: { tooLarge: DomainMessageId; notJson: DomainMessageId },
): Result<unknown, string> {
  if (bytes.byteLength > maxBytes) return err(format(words.tooLarge, { bytes: bytes.byteLength }));
  try {
    return ok(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown);
  } catch {
    return err(format(words.notJson));
  }
}
