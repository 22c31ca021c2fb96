import { Fragment, type ReactElement, type ReactNode } from 'react';

import type { RecordFile } from '@shared/domain/record/recordFile';
import { reportModel, type Block, type ReportOptions } from '@shared/domain/record/reportModel';
import { t } from '../../i18n/messages';

/** Text with its line breaks, as typed. */
function Lines({ text }: { text: string }): ReactElement {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((l, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {l}
        </Fragment>
      ))}
    </>
  );
}

function BlockView({ block }: { block: Block }): ReactElement {
  switch (block.type) {
    case 'eyebrow':
      return <p className="eyebrow">{block.text}</p>;
    case 'title':
      return <h1>{block.text}</h1>;
    case 'heading':
      return <h2>{block.text}</h2>;
    case 'subheading':
      return <h3>{block.text}</h3>;
    case 'paragraph':
      return (
        <p className={block.tone === 'muted' ? 'muted' : block.tone === 'strong' ? 'report__strong' : 'report__text'}>
          <Lines text={block.text} />
        </p>
      );
    case 'quote':
      return (
        <blockquote className="report__quote" dir={block.rtl ? 'rtl' : 'auto'}>
          {block.text}
        </blockquote>
      );
    case 'list':
      return (
        <ul className="report__list">
          {block.items.map((item, i) => (
            <li key={i} dir="auto">
              <Lines text={item} />
            </li>
          ))}
        </ul>
      );
    case 'facts':
      return (
        <dl className="facts">
          {block.rows.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd className={/^[0-9a-f]{64}$|SHA-256 [0-9a-f]{64}/.test(value) ? 'mono break' : undefined}>{value}</dd>
            </Fragment>
          ))}
        </dl>
      );
    case 'table':
      return (
        <table className="table table--compact report__table">
          <colgroup>
            {block.columns.map((c) => (
              <col key={c.title} style={{ width: `${Math.round(c.width * 100)}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.columns.map((c) => (
                <th key={c.title} scope="col">
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r} className={block.struck?.[r] ? 'report__retracted' : undefined}>
                {row.map((cell, c) => (
                  <td key={c} className={block.columns[c]?.nowrap ? 'nowrap' : undefined} dir="auto">
                    <Lines text={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/** Blocks grouped under their headings, so each heading and what follows stay one section. */
function sections(blocks: readonly Block[]): { header: Block[]; groups: { title: string; blocks: Block[] }[] } {
  const header: Block[] = [];
  const groups: { title: string; blocks: Block[] }[] = [];
  for (const b of blocks) {
    if (b.type === 'heading') groups.push({ title: b.text, blocks: [] });
    else (groups.at(-1)?.blocks ?? header).push(b);
  }
  return { header, groups };
}

function Section({ title, children }: { title: string; children: ReactNode }): ReactElement {
  return (
    <section className="report__section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** The after-action record as a readable report: the preview and the print view, block for block the DOCX and the PDF. */
export function RecordReport({ record, options }: { record: RecordFile; options?: ReportOptions }): ReactElement {
  const model = reportModel(record, options);
  const { header, groups } = sections(model.blocks);
  return (
    <article className="report" aria-label={t('record.export.title')}>
      <header className="report__header">
        {header.map((b, i) => (
          <BlockView key={i} block={b} />
        ))}
      </header>
      {groups.map((g) => (
        <Section key={g.title} title={g.title}>
          {g.blocks.map((b, i) => (
            <BlockView key={i} block={b} />
          ))}
        </Section>
      ))}
      <p className="report__running" aria-hidden="true">
        {model.running}
      </p>
    </article>
  );
}
