import { err, ok, type Result } from '@shared/domain/result';
import { decodeUtf8Strictly } from '@shared/domain/text/encoding';

import { t } from '../i18n/messages';
import type { DeskPlatform, OpenedTextFile, PlatformError } from './platform';

/**
 * Builds `openTextFile` on top of a platform's `openFile`: the bytes are read as UTF-8 (a
 * byte-order mark dropped), and anything that is not valid UTF-8 is refused rather than read
 * with replacement characters.
 */
export function openTextFileWith(openFile: DeskPlatform['openFile']): DeskPlatform['openTextFile'] {
  return async (request): Promise<Result<OpenedTextFile | null, PlatformError>> => {
    const opened = await openFile(request);
    if (!opened.ok || opened.value === null) return opened.ok ? ok(null) : opened;
    const { name, bytes, size } = opened.value;
    const text = decodeUtf8Strictly(bytes);
    if (!text.ok) return err({ code: 'not-utf8', message: t('app.platform.notUtf8', { name }) });
    return ok({ name, text: text.value, size });
  };
}
