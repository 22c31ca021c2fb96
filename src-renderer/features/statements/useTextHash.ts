import { useEffect, useState } from 'react';

import { sha256Hex } from '../../lib/sha256';

/** The SHA-256 of a text, as the approval will record it; null while computing. */
export function useTextHash(text: string): string | null {
  const [hash, setHash] = useState<{ text: string; hash: string } | null>(null);
  useEffect(() => {
    let live = true;
    void sha256Hex(text).then((h) => live && setHash({ text, hash: h }));
    return () => {
      live = false;
    };
  }, [text]);
  return hash?.text === text ? hash.hash : null;
}
