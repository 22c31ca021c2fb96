import type { BackupPolicy } from '@shared/ipc/contract';

/** What rotation needs of the policy. */
type Rotation = Pick<BackupPolicy, 'keepLast' | 'keepDailyForDays'>;
import { DAY_MS } from '@shared/domain/time';

/**
 * An automatic backup's name carries its moment: auto-YYYYMMDD-HHMMSS-mmm[-reason].json (UTC),
 * and ends `.json.age` when it is encrypted with a passphrase (age armor).
 */
export function backupName(at: number, reason?: string, encrypted = false): string {
  const iso = new Date(at).toISOString(); // 2026-11-24T06:55:01.123Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}-${iso.slice(20, 23)}`;
  return `auto-${stamp}${reason ? `-${reason}` : ''}.json${encrypted ? '.age' : ''}`;
}

/** The moment in a backup's name, or null for a name that is not an automatic backup's. */
export function backupTime(name: string): number | null {
  const m = /^auto-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(?:-[a-z-]+)?\.json(?:\.age)?$/.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as [number, number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/** How far past the clock a name may be and still count as written now (clocks are nudged by time sync). */
export const AHEAD_TOLERANCE_MS = 5 * 60_000;

/** Named for a moment still ahead of the clock: written while the computer's clock ran fast. */
export const isDatedAhead = (at: number, now: number): boolean => at > now + AHEAD_TOLERANCE_MS;

/**
 * Which backups rotation removes, keeping what the policy promises for the real present: the
 * newest `keepLast` written up to now, and the newest of each of the last `keepDailyForDays`
 * days (UTC days). A backup named for a moment ahead of the clock (written while it ran a year
 * fast, say) takes none of those places, or every backup written after the clock was put right
 * would be pruned at once; the newest `keepLast` of those are kept apart, as they may hold the
 * latest work. Never removes the newest backup up to now, nor the newest one dated ahead.
 */
export function backupsToRemove(names: readonly string[], now: number, policy: Rotation): string[] {
  const dated = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((b): b is { name: string; at: number } => b.at !== null)
    .sort((a, b) => b.at - a.at);
  const present = dated.filter((b) => !isDatedAhead(b.at, now));
  const ahead = dated.filter((b) => isDatedAhead(b.at, now));
  const keep = new Set(
    [...present.slice(0, Math.max(1, policy.keepLast)), ...ahead.slice(0, Math.max(1, policy.keepLast))].map(
      (b) => b.name,
    ),
  );
  const seenDays = new Set<number>();
  for (const b of present) {
    if (now - b.at > policy.keepDailyForDays * DAY_MS) continue;
    const day = Math.floor(b.at / DAY_MS);
    if (!seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.name);
    }
  }
  return dated.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/**
 * What may go to make room for `next` on a full disk: what rotation would remove once `next`
 * is written, and never the newest backup already there, which is the last good one until
 * `next` exists.
 */
export function roomFor(names: readonly string[], next: string, now: number, policy: Rotation): string[] {
  const newest = names
    .filter((n) => backupTime(n) !== null && !isDatedAhead(backupTime(n) ?? 0, now))
    .sort((a, b) => (backupTime(b) ?? 0) - (backupTime(a) ?? 0))[0];
  return backupsToRemove([...names, next], now, policy).filter((n) => n !== next && n !== newest);
}
