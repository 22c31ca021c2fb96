import { describe, expect, it } from 'vitest';

import { describeQuickEntryError, parseQuickEntry } from '@shared/domain/timeline/quickEntry';

const OSLO = 'Europe/Oslo';
// 24 Nov 2026, 14:30 in Oslo (UTC+1).
const NOW = Date.UTC(2026, 10, 24, 13, 30);
const live = { now: NOW, timeZone: OSLO, mode: { kind: 'live' } as const };

describe('quick entry', () => {
  it('logs "14:05 … #traffic" at 14:05 today on the incident clock, with the tag', () => {
    const r = parseQuickEntry('14:05 Police confirm road closures on Main St #traffic', live);
    expect(r).toEqual({
      ok: true,
      value: {
        occurredAt: Date.UTC(2026, 10, 24, 13, 5),
        occurredPrecision: 'exact',
        category: 'event',
        title: 'Police confirm road closures on Main St',
        tags: ['traffic'],
        source: '',
        day: 'today',
        timeGiven: true,
      },
    });
  });

  it('takes now when no time is given', () => {
    const r = parseQuickEntry('Mayor arrives at the scene', live);
    expect(r.ok && [r.value.occurredAt, r.value.timeGiven]).toEqual([NOW, false]);
  });

  it('reads a category word, an @source, several tags and an approximate time', () => {
    const r = parseQuickEntry('~13:50 rumour: second attacker at the station #station #Rumours @social_media', live);
    expect(r.ok && r.value).toMatchObject({
      occurredAt: Date.UTC(2026, 10, 24, 12, 50),
      occurredPrecision: 'approximate',
      category: 'rumour',
      title: 'second attacker at the station',
      tags: ['station', 'rumours'],
      source: 'social media',
    });
  });

  it('reads "decision: 12:30 …" as a decision at 12:30, with the time left out of the title', () => {
    const r = parseQuickEntry('decision: 12:30 Mayor cancels the fireworks', live);
    expect(r.ok && r.value).toEqual({
      occurredAt: Date.UTC(2026, 10, 24, 11, 30),
      occurredPrecision: 'exact',
      category: 'decision',
      title: 'Mayor cancels the fireworks',
      tags: [],
      source: '',
      day: 'today',
      timeGiven: true,
    });
  });

  it.each([
    ['12:30 decision: Mayor cancels the fireworks'],
    ['decision: 12:30 Mayor cancels the fireworks'],
    ['Decision:12:30 Mayor cancels the fireworks'],
  ])('reads the category and the time in either order: %s', (line) => {
    const r = parseQuickEntry(line, live);
    expect(r.ok && [r.value.category, r.value.occurredAt, r.value.title]).toEqual([
      'decision',
      Date.UTC(2026, 10, 24, 11, 30),
      'Mayor cancels the fireworks',
    ]);
  });

  it('reads "rumour: yesterday ~23:50 …" with the category first, approximate, on yesterday', () => {
    const r = parseQuickEntry('rumour: yesterday ~23:50 Shots heard near the mosque', live);
    expect(r.ok && r.value).toMatchObject({
      category: 'rumour',
      occurredAt: Date.UTC(2026, 10, 23, 22, 50),
      occurredPrecision: 'approximate',
      day: 'yesterday',
      title: 'Shots heard near the mosque',
    });
  });

  it('refuses an impossible time after the category word instead of logging it as words', () => {
    expect(parseQuickEntry('decision: 25:30 Mayor cancels the fireworks', live)).toEqual({
      ok: false,
      error: { code: 'bad-time', input: '25:30' },
    });
  });

  it('keeps a second category-looking word in the title', () => {
    const r = parseQuickEntry('decision: 12:30 info: the fireworks are off', live);
    expect(r.ok && [r.value.category, r.value.title]).toEqual(['decision', 'info: the fireworks are off']);
  });

  it('puts a time logged after midnight that is still to come today on yesterday', () => {
    // 00:20 on 25 Nov in Oslo; "23:50" can only mean last night.
    const r = parseQuickEntry('23:50 First call to the police', { ...live, now: Date.UTC(2026, 10, 24, 23, 20) });
    expect(r.ok && [r.value.occurredAt, r.value.day]).toEqual([Date.UTC(2026, 10, 24, 22, 50), 'yesterday']);
  });

  it('accepts "yesterday HH:MM" explicitly', () => {
    const r = parseQuickEntry('yesterday 09:00 Threat received by email', live);
    expect(r.ok && r.value.occurredAt).toBe(Date.UTC(2026, 10, 23, 8, 0));
  });

  it('refuses a time skipped by the spring clock change, naming it', () => {
    // 29 Mar 2026, 03:30 in Oslo (UTC+2, just after the jump from 02:00 to 03:00).
    const r = parseQuickEntry('02:30 Explosion heard', { ...live, now: Date.UTC(2026, 2, 29, 1, 30) });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(describeQuickEntryError(r.error)).toBe(
        '02:30 did not exist on 2026-03-29 in Europe/Oslo: the clocks skipped that hour. Check the time on the source.',
      );
  });

  it('takes the later 02:30 when the autumn clock change repeats it and both have passed', () => {
    // 25 Oct 2026, 02:45 in Oslo for the second time (01:45 UTC).
    const r = parseQuickEntry('02:30 Crowd gathering', { ...live, now: Date.UTC(2026, 9, 25, 1, 45) });
    expect(r.ok && r.value.occurredAt).toBe(Date.UTC(2026, 9, 25, 1, 30));
    // At the first 02:45 (00:45 UTC) only the first 02:30 has happened.
    const first = parseQuickEntry('02:30 Crowd gathering', { ...live, now: Date.UTC(2026, 9, 25, 0, 45) });
    expect(first.ok && first.value.occurredAt).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it('in backfill mode puts every time on the paper log’s day', () => {
    const r = parseQuickEntry('16:40 Generator started at city hall', {
      ...live,
      mode: { kind: 'backfill', date: '2026-11-20' },
    });
    expect(r.ok && [r.value.occurredAt, r.value.day]).toEqual([Date.UTC(2026, 10, 20, 15, 40), '2026-11-20']);
  });

  it.each([
    ['25:99 Something', 'bad-time', '“25:99” is not a time of day'],
    ['14:5 Something', 'bad-time', '“14:5”'],
    ['123:45 Something', 'bad-time', '“123:45”'],
    ['   ', 'empty', 'Type what happened'],
    ['14:05 #traffic', 'no-title', 'Add a few words'],
  ])('refuses "%s" with a message', (text, code, words) => {
    const r = parseQuickEntry(text, live);
    expect(r.ok ? null : r.error.code).toBe(code);
    if (!r.ok) expect(describeQuickEntryError(r.error)).toContain(words);
  });
});
