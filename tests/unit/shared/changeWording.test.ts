import { describe, expect, it } from 'vitest';

import { describeFieldChange, fieldLabel, fieldList, humaniseField } from '@shared/domain/changeWording';

const ZONE = 'Europe/Oslo';
const at = (h: number, m: number, day = 14) => Date.UTC(2026, 2, day, h - 1, m);

describe('audit lines in words', () => {
  it('says "Start time: 10:14 → 10:17" for a moved start, with dates only across days', () => {
    expect(describeFieldChange({ field: 'startAt', before: at(10, 14), after: at(10, 17) }, ZONE)).toEqual({
      label: 'Start time',
      before: '10:14',
      after: '10:17',
    });
    expect(describeFieldChange({ field: 'startAt', before: at(23, 50), after: at(0, 10, 15) }, ZONE)).toEqual({
      label: 'Start time',
      before: 'Sat 14 Mar 2026, 23:50',
      after: 'Sun 15 Mar 2026, 00:10',
    });
  });

  it('names values as the screens do, never as stored', () => {
    expect(describeFieldChange({ field: 'kind', before: 'hate-incident', after: 'attack' }, ZONE)).toEqual({
      label: 'Kind',
      before: 'Hate incident',
      after: 'Attack',
    });
    expect(describeFieldChange({ field: 'status', before: 'todo', after: 'not-applicable' }, ZONE)).toEqual({
      label: 'Status',
      before: 'To do',
      after: 'Not applicable',
    });
    expect(describeFieldChange({ field: 'doNotShare', before: false, after: true }, ZONE)).toEqual({
      label: 'Do not share',
      before: 'no',
      after: 'yes',
    });
    expect(describeFieldChange({ field: 'location', before: '', after: 'Markens gate' }, ZONE)).toEqual({
      label: 'Location',
      before: 'not set',
      after: 'Markens gate',
    });
    expect(describeFieldChange({ field: 'nodes', before: [{}], after: [{}, {}] }, ZONE)).toEqual({
      label: 'Who calls whom',
      before: '1 person',
      after: '2 people',
    });
    expect(describeFieldChange({ field: 'nodes.n1.state', before: 'calling', after: 'message-left' }, ZONE)).toEqual({
      label: 'Call status',
      before: 'calling',
      after: 'message left',
    });
  });

  it('turns any field name it does not know into words', () => {
    expect(humaniseField('backupKeepDailyForDays')).toBe('Backup keep daily for days');
    expect(fieldLabel('someNewField')).toBe('Some new field');
    expect(fieldList([{ field: 'startAt' }, { field: 'title' }])).toBe('start time and title');
  });
});
