import type { ReactElement } from 'react';

const UPCOMING: Record<string, { title: string; what: string }> = {
  timeline: { title: 'Timeline', what: 'the time-stamped log of events, decisions, communications and rumours, with sources and verification' },
  checklists: { title: 'Checklists', what: "the guide's checklists for each phase, due on this incident's clock" },
  contacts: { title: 'Contacts and call trees', what: 'activating a call tree and tracking who was reached, and when' },
  statements: { title: 'Statements', what: 'drafting, approving and releasing public statements, with every version kept' },
  export: { title: 'After-action record', what: 'the record of this incident for the council or an inquiry' },
};

/** The place a workspace section will occupy, saying plainly that it is not in this version. */
export function UpcomingPanel({ section }: { section: keyof typeof UPCOMING }): ReactElement {
  const info = UPCOMING[section] ?? { title: section, what: section };
  return (
    <section className="panel panel--upcoming" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">{info.title}</h2>
      <p>This section will hold {info.what}. It is not available in this version of the desk.</p>
      <p className="muted">Until then, keep these records on paper or in your usual tools, and enter them here when the section arrives.</p>
    </section>
  );
}
