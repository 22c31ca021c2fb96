import { useEffect, useState } from 'react';

import type { DraftEdit } from '@shared/domain/statements/workflow';

/**
 * Keeps unsaved edits of a statement in the session, so switching statements or tabs (or a
 * reload) never loses what was typed. The buffer belongs to one version: once a newer version is
 * saved, an older buffer no longer applies and is dropped.
 */
export function useEditBuffer(
  key: string,
  initial: DraftEdit,
): { edit: DraftEdit; setEdit: (f: (e: DraftEdit) => DraftEdit) => void; restored: boolean; clear: () => void } {
  const [state, setState] = useState<{ edit: DraftEdit; restored: boolean }>(() => {
    const stored = read(key);
    return stored ? { edit: stored, restored: true } : { edit: initial, restored: false };
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(state.edit));
    } catch {
      // A full or unavailable session store only loses the safety net, never the edit on screen.
    }
  }, [key, state.edit]);
  return {
    edit: state.edit,
    restored: state.restored,
    setEdit: (f) => setState((s) => ({ ...s, edit: f(s.edit) })),
    clear: () => {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // See above.
      }
    },
  };
}

function read(key: string): DraftEdit | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (raw === null) return null;
    const v = JSON.parse(raw) as Partial<DraftEdit>;
    if (typeof v.title !== 'string' || typeof v.body !== 'string' || typeof v.values !== 'object') return null;
    return {
      title: v.title,
      body: v.body,
      values: Object.fromEntries(
        Object.entries(v.values).filter((e): e is [string, string] => typeof e[1] === 'string'),
      ),
    };
  } catch {
    return null;
  }
}
