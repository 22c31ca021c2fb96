import { describe, expect, it } from 'vitest';

import { draftsWrittenApart } from '@shared/domain/statements/branches';
import type { StatementVersion } from '@shared/schemas/statements';

const version = (id: string, number: number, createdAt: number): StatementVersion => ({
  id,
  statementId: 'stm_1',
  incidentId: 'inc_1',
  number,
  title: 'Holding statement',
  language: 'en',
  body: 'We are aware of an incident.',
  values: {},
  autoFilled: [],
  text: `We are aware of an incident (${id}).`,
  translatesVersionId: null,
  note: '',
  createdAt,
  createdBy: 'Sara Lund',
});

describe('drafts of a statement written apart', () => {
  const v1 = version('v1', 1, 1);
  const onComms = version('v2-comms', 2, 20);
  const onHall = version('v2-hall', 2, 10);

  it('are the versions at the head number, the one shown first', () => {
    expect(
      draftsWrittenApart({ headVersionId: 'v2-comms', headVersionNumber: 2 }, [v1, onHall, onComms])?.map((v) => v.id),
    ).toEqual(['v2-comms', 'v2-hall']);
  });

  it('are none when the head number has one version: never branched, or settled by a later version', () => {
    expect(draftsWrittenApart({ headVersionId: 'v1', headVersionNumber: 1 }, [v1])).toBeNull();
    const settled = version('v3', 3, 30);
    expect(
      draftsWrittenApart({ headVersionId: 'v3', headVersionNumber: 3 }, [v1, onHall, onComms, settled]),
    ).toBeNull();
  });
});
