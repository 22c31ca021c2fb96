import type { ReactElement } from 'react';

import { OTHER_CATEGORY, STAKEHOLDER_CATEGORIES } from '@shared/domain/contacts/stakeholderCategories';

/** The stakeholder categories as a select's options, in the guide's order, then "other" in the caller's words. */
export function CategoryOptions({ otherLabel }: { otherLabel: string }): ReactElement {
  return (
    <>
      {STAKEHOLDER_CATEGORIES.map((c) => (
        <option key={c.id} value={c.id}>
          {c.title}
        </option>
      ))}
      <option value={OTHER_CATEGORY}>{otherLabel}</option>
    </>
  );
}
