import type { CharsetDecoder } from '@shared/domain/contacts/vcardLines';

/** Bytes in the character set a vCard 2.1 value names (CHARSET=ISO-8859-1…), or null when they are not in it. */
export const decodeCharset: CharsetDecoder = (bytes, charset) => {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};
