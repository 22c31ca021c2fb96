import { afterEach, describe, expect, it } from 'vitest';

import { strFromU8, unzipSync } from 'fflate';

import { recordDocxBase64 } from '@shared/domain/record/recordDocx';
import { reportModel, type Block } from '@shared/domain/record/reportModel';
import { verifyRecordText } from '@shared/domain/record/verifyRecord';
import { canonicalJson } from '@shared/domain/integrity/canonical';
import { setDomainLanguage } from '@shared/i18n/format';

import { makeRecord } from '../../factories/record';
import { sha256 } from '../../factories/timeline';

afterEach(() => setDomainLanguage('en', {}));

const headings = (blocks: Block[]) => blocks.filter((b) => b.type === 'heading').map((b) => b.text);
const paragraphs = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));

describe('the words of the exported record', () => {
  it('heads the English report with its sections, in order', async () => {
    const report = reportModel(await makeRecord('internal'));
    expect(report.edition).toBe('Internal edition');
    expect(report.running).toBe('Kristiansand · After-action record · Internal edition');
    expect(headings(report.blocks)).toEqual([
      'Who this edition is for',
      'What this record leaves out',
      'Summary',
      'Decisions',
      'Timeline',
      'Statements',
      'Call-tree activations',
      'Recovery checklists',
      'Lessons learned',
      'Audit trail',
      'Integrity',
    ]);
  });

  it.each([
    [1, 'Preview: the first entry. The saved record holds them all.'],
    [2, 'Preview: the first 2 entries. The saved record holds them all.'],
    [1500, 'Preview: the first 1,500 entries. The saved record holds them all.'],
  ])('says a preview of %i entries as “%s”', async (truncatedTo, line) => {
    expect(paragraphs(reportModel(await makeRecord('council'), { truncatedTo }).blocks)).toContain(line);
  });

  it('prints the report in the desk’s language, while the record and its checksum stay as exported', async () => {
    const record = await makeRecord('council');
    const text = canonicalJson(record);
    setDomainLanguage('nb', {
      'record.report.edition': '{profile}-utgave',
      'choice.audienceProfile.council': 'Bystyre',
      'record.report.summary': 'Sammendrag',
      'record.report.integrity': 'Integritet',
      'record.report.column.when': 'Når',
    });
    const report = reportModel(record);
    expect(report.edition).toBe('Bystyre-utgave');
    expect(headings(report.blocks)).toEqual(expect.arrayContaining(['Sammendrag', 'Integritet', 'Decisions']));
    const decisions = report.blocks.find((b) => b.type === 'table');
    expect(decisions?.type === 'table' && decisions.columns[0]?.title).toBe('Når');
    // The headings are the report's, not the record's: the same file verifies in any language.
    expect(canonicalJson(record)).toBe(text);
    expect((await verifyRecordText(text, sha256)).ok).toBe(true);
  });

  it('writes an edition’s rules and what it leaves out into the record in the language of the export, and that record verifies', async () => {
    setDomainLanguage('nb', {
      'record.audience.public.withholds.1': 'Tidslinjeoppføringer merket kun internt.',
      'record.withheld.auditTrail.what': 'Loggen over arbeidet',
    });
    const record = await makeRecord('public');
    expect(record.audience.withholds[0]).toBe('Tidslinjeoppføringer merket kun internt.');
    expect(record.audience.withholds[1]).toMatch(/^Statements never released/);
    expect(record.redactions.map((r) => r.what)).toContain('Loggen over arbeidet');
    expect((await verifyRecordText(canonicalJson(record), sha256)).ok).toBe(true);
  });

  it.each([
    [{}, /Council edition · Vehicle attack, Markens gate · Page .*PAGE.* of .*NUMPAGES/],
    [{ 'record.report.docxFooter': '{edition} · {title} · Side {page} av {pages}' }, /Side .*PAGE.* av .*NUMPAGES/],
  ])('numbers the Word document’s pages inside the footer’s sentence (%j)', async (translation, footer) => {
    setDomainLanguage('nb', translation);
    const files = unzipSync(Buffer.from(await recordDocxBase64(await makeRecord('council')), 'base64'));
    const xml = Object.entries(files)
      .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
      .map(([, bytes]) => strFromU8(bytes))
      .join('');
    const text = xml.replace(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g, '$1').replace(/<[^>]+>/g, '');
    expect(text).toMatch(footer);
  });
});
