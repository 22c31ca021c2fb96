import { useId, useMemo, useState, type ReactElement, type Ref } from 'react';

import { foldForSearch } from '@shared/domain/text/foldForSearch';
import { t } from '../i18n/messages';

export type PickablePerson = { id: string; name: string; detail: string; unavailable?: string | undefined };

const SHOWN = 30;

/**
 * A searchable list of people for a city's hundreds of contacts: type part of a name, role or
 * organisation (accents and case do not matter), then Enter or a click picks. People who cannot
 * be picked stay listed with the reason, so nobody wonders where they went.
 */
export function PersonPicker({
  label,
  people,
  onPick,
  placeholder,
  inputRef,
}: {
  label: string;
  people: readonly PickablePerson[];
  onPick: (id: string) => void;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
}): ReactElement {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const folded = useMemo(
    () => people.map((p) => ({ person: p, key: foldForSearch(`${p.name} ${p.detail}`) })),
    [people],
  );
  const words = foldForSearch(text).split(/\s+/).filter(Boolean);
  const matches = folded.filter((f) => words.every((w) => f.key.includes(w))).map((f) => f.person);
  const shown = matches.slice(0, SHOWN);
  const optionId = (i: number) => `${id}-option-${i}`;
  const pick = (p: PickablePerson | undefined) => {
    if (!p || p.unavailable) return;
    onPick(p.id);
    setText('');
    setActive(0);
  };

  return (
    <div className="picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        autoComplete="off"
        placeholder={placeholder ?? t('ui.personPicker.typeANameRoleOr')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.max(0, Math.min(shown.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(shown[active]);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      {open && (
        <ul id={`${id}-list`} role="listbox" className="picker__list" aria-label={label}>
          {shown.length === 0 && (
            <li className="picker__none" role="presentation">
              {t('ui.personPicker.nobodyMatches', { text })}
            </li>
          )}
          {shown.map((p, i) => (
            <li
              key={p.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              aria-disabled={p.unavailable ? true : undefined}
              className={`picker__option${i === active ? ' picker__option--active' : ''}${p.unavailable ? ' picker__option--unavailable' : ''}`}
              // Picked on mouse down, before the input loses focus and the list closes.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              <span className="picker__name">{p.name}</span> <span className="muted">{p.unavailable ?? p.detail}</span>
            </li>
          ))}
          {matches.length > SHOWN && (
            <li className="picker__none" role="presentation">
              {t('ui.personPicker.andMoreTypeMoreOf', { matches: matches.length - SHOWN })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
