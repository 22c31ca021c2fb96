import { describe, expect, it } from 'vitest';

import type { Result } from '@shared/domain/result';
import { translationState } from '@shared/domain/statements/translations';
import {
  approveStatement,
  retargetTranslation,
  reviseApproved,
  submitForReview,
  type StatementError,
} from '@shared/domain/statements/workflow';
import type { Statement, StatementVersion } from '@shared/schemas/statements';

import { T0, actor } from '../../factories/incident';
import { makeDraft, seedTemplate } from '../../factories/statements';

const must = <T>(r: Result<T, StatementError>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const approve = (s: Statement, v: StatementVersion, minute: number): Statement => {
  const inReview = must(
    submitForReview(s, v, { warnings: [], overrideReason: null, ticked: [] }, actor({ now: T0 + minute * 60_000 })),
  );
  return must(
    approveStatement(
      inReview,
      v,
      { approverName: 'Anna Hansen', approverRole: 'Mayor', comment: '', textHash: 'cd'.repeat(32) },
      `apr_${minute}`,
      actor({ now: T0 + minute * 60_000 }),
    ),
  ).statement;
};

describe('translation staleness', () => {
  it('walks from "source not approved" to "up to date", then to "out of date" when the source gets a new approved version', () => {
    const source = makeDraft();
    const arabic = makeDraft({
      template: seedTemplate('initial-holding-statement', 'ar'),
      translation: { sourceStatementId: source.statement.id, translatesVersionId: source.version.id },
    });
    expect(translationState(arabic.statement, source.statement)).toBe('source-not-approved');

    const sourceApproved = approve(source.statement, source.version, 1);
    expect(translationState(arabic.statement, sourceApproved)).toBe('needs-approval');

    const arabicApproved = approve(arabic.statement, arabic.version, 2);
    expect(translationState(arabicApproved, sourceApproved)).toBe('current');

    // The source is edited: while its new version is only a draft, the translation still matches the approved text.
    const revised = must(
      reviseApproved(
        sourceApproved,
        source.version,
        { title: 'Holding statement', body: 'New wording', values: {} },
        'stv_src_2',
        actor({ now: T0 + 3 * 60_000 }),
      ),
    );
    expect(translationState(arabicApproved, revised.statement)).toBe('current');

    // Once the new source version is approved, the translation is flagged.
    const sourceV2 = approve(revised.statement, revised.version!, 4);
    expect(sourceV2.approvedVersionId).toBe('stv_src_2');
    expect(translationState(arabicApproved, sourceV2)).toBe('out-of-date');

    // Updated to translate version 2: no longer out of date, but it needs approval again.
    const updated = must(
      retargetTranslation(
        arabicApproved,
        arabic.version,
        { title: arabic.version.title, body: 'صياغة جديدة', values: {} },
        { versionId: 'stv_src_2', versionNumber: 2 },
        'stv_ar_2',
        actor({ now: T0 + 5 * 60_000 }),
      ),
    );
    expect(updated.statement).toMatchObject({ status: 'draft', translatesVersionId: 'stv_src_2' });
    expect(updated.version?.note).toBe('Updated to translate version 2 of the source');
    expect(translationState(updated.statement, sourceV2, arabic.version.translatesVersionId)).toBe('needs-approval');

    const reapproved = approve(updated.statement, updated.version!, 6);
    expect(translationState(reapproved, sourceV2, updated.version!.translatesVersionId)).toBe('current');
  });

  it('links each translation version to the source version it translates', () => {
    const source = makeDraft();
    const arabic = makeDraft({
      template: seedTemplate('initial-holding-statement', 'ar'),
      translation: { sourceStatementId: source.statement.id, translatesVersionId: source.version.id },
    });
    expect(arabic.version.translatesVersionId).toBe(source.version.id);
    expect(arabic.statement).toMatchObject({ sourceStatementId: source.statement.id, language: 'ar' });
  });
});
