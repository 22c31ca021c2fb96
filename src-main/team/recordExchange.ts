// The desk's side of the record exchange with the engine: which of its records each of its cores
// already holds, appending the next ones, and reading other desks' cores for the window to check.
// The window owns the records (in its database); the engine carries them between desks.
import { err, ok, type Result } from '@shared/domain/result';
import { DESK_IDENTITY_FORMAT } from '@shared/domain/signed/identity';
import { recordPlaceOf, type PublishedTip } from '@shared/domain/team/teamEntry';
import { format } from '@shared/i18n/format';
import type { TeamHeads } from '@shared/ipc/teamContract';

import { parseScope } from './scope';
import type { CoreInfo, TeamEngine } from './types';

/** Entries looked back from a core's end to find its newest record (an identity precedes records). */
const LOOK_BACK = 4;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

async function lastRecordOf(engine: TeamEngine, core: CoreInfo): Promise<PublishedTip> {
  if (core.length === 0) return null;
  const start = Math.max(0, core.length - LOOK_BACK);
  const read = await engine.read(core.coreKey, { start, end: core.length });
  if (!read.ok) return null;
  for (const entry of [...read.value].reverse()) {
    if (!('bytes' in entry)) continue;
    const place = recordPlaceOf(decoder.decode(entry.bytes));
    if (place) return place;
  }
  return null;
}

/** Where each of this desk's cores ends, and the other desks' cores it holds (rosters are the membership's). */
export async function teamHeadsOf(engine: TeamEngine): Promise<TeamHeads> {
  const heads: TeamHeads = { own: [], cores: [] };
  for (const core of await engine.listCores()) {
    if (core.scope === 'roster') continue;
    if (!core.own) {
      heads.cores.push({
        coreKey: core.coreKey,
        teamDesk: core.deskKey,
        scope: core.scope,
        length: core.length,
        revokedFrom: core.afterRevocation > 0 ? core.length - core.afterRevocation : null,
      });
      continue;
    }
    const last = await lastRecordOf(engine, core);
    if (last) heads.own.push({ scope: core.scope, ...last });
  }
  return heads;
}

const isIdentity = (text: string): boolean => {
  try {
    return (JSON.parse(text) as { format?: unknown }).format === DESK_IDENTITY_FORMAT;
  } catch {
    return false;
  }
};

/**
 * Appends the window's entries to this desk's core of `scope`, leaving out what the core holds
 * already (a publish repeated after a crash or by a second window adds nothing). Only identities
 * and records are carried: anything else is refused whole.
 */
export async function publishEntries(
  engine: TeamEngine,
  scopeText: string,
  entries: readonly string[],
): Promise<Result<{ appended: number }, string>> {
  const scope = parseScope(scopeText);
  if (!scope.ok) return err(scope.error);
  if (scope.value.kind === 'roster') return err(format('team.exchange.rosterScope'));
  const places = entries.map((text) => ({ text, place: recordPlaceOf(text) }));
  const foreign = places.findIndex(({ text, place }) => place === null && !isIdentity(text));
  if (foreign >= 0) return err(format('team.exchange.notAnEntry', { index: foreign + 1 }));

  const core = (await engine.listCores()).find((c) => c.own && c.scope === scopeText);
  const last = core ? await lastRecordOf(engine, core) : null;
  const fresh: string[] = [];
  for (const [i, { text, place }] of places.entries()) {
    if (place === null) {
      // An identity goes in only before a record of its desk that goes in too.
      const next = places.slice(i + 1).find((p) => p.place !== null)?.place;
      if (next && !(last && next.deskId === last.deskId && next.seq <= last.seq)) fresh.push(text);
      continue;
    }
    if (last && place.deskId === last.deskId && place.seq <= last.seq) continue;
    fresh.push(text);
  }
  if (fresh.length === 0) return ok({ appended: 0 });
  const appended = await engine.append(
    scope.value,
    fresh.map((text) => encoder.encode(text)),
  );
  return appended.ok ? ok({ appended: fresh.length }) : err(appended.error.message);
}

/** Entries `[start, start + max)` of another desk's core, as text; null for one too large to carry. */
export async function readEntries(
  engine: TeamEngine,
  request: { coreKey: string; start: number; max: number },
): Promise<Result<{ entries: (string | null)[] }, string>> {
  const read = await engine.read(request.coreKey, {
    start: request.start,
    end: request.start + request.max,
    maxRecords: request.max,
  });
  if (!read.ok) return err(read.error.message);
  return ok({ entries: read.value.map((entry) => ('bytes' in entry ? decoder.decode(entry.bytes) : null)) });
}
