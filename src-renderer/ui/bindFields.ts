/** What a form's check says of its draft: at most one message a field. */
export type DraftErrors<D> = { readonly [K in keyof D]?: string | undefined };

/** The props that tie one control to one field of a draft, as every field control takes them. */
export type BoundField<D, K extends keyof D> = {
  name: K;
  value: D[K];
  error: string | undefined;
  onChange: (value: D[K]) => void;
};

/**
 * Ties a form's controls to its draft: `field('title')` gives a control the field's name, its text,
 * the error the form's check found in it, and what writes a change back through `set`.
 */
export function bindFields<D>(
  draft: D,
  errors: DraftErrors<D>,
  set: (patch: Partial<D>) => void,
): <K extends keyof D & string>(name: K) => BoundField<D, K> {
  return (name) => ({
    name,
    value: draft[name],
    error: errors[name],
    onChange: (value) => {
      const patch: Partial<D> = {};
      patch[name] = value;
      set(patch);
    },
  });
}
