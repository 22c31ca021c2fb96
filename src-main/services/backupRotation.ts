import type { BackupPolicy } from '@shared/ipc/contract';

/** An automatic backup's name carries its moment: auto-YYYYMMDD-HHMMSS-mmm[-reason].json (UTC). */
export function backupName(at: number, reason?: string): string {
  const iso = new Date(at).toISOString(); // 2026-11-24T06:55:01.123Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}-${iso.slice(20, 23)}`;
  return `auto-${stamp}${reason ? `-${reason}` : ''}.json`;
}

/** The moment in a backup's name, or null for a name that is not an automatic backup's. */
export function backupTime(name: string): number | null {
  const m = /^auto-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(?:-[a-z-]+)?\.json$/.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as [number, number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/**
 * Which backups rotation removes: it keeps the newest `keepLast`, and the newest backup of each
 * of the last `keepDailyForDays` days (UTC days); everything else goes. Never removes the newest.
 */
export function backupsToRemove(names: readonly string[], now: number, policy: BackupPolicy): string[] {
  const dated = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((b): b is { name: string; at: number } => b.at !== null)
    .sort((a, b) => b.at - a.at);
  const keep = new Set(dated.slice(0, Math.max(1, policy.keepLast)).map((b) => b.name));
  const dayMs = 86_400_000;
  const seenDays = new Set<number>();
  for (const b of dated) {
    const day = Math.floor(b.at / dayMs);
    if (now - b.at > policy.keepDailyForDays * dayMs) continue;
    if (!seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.name);
    }
  }
  return dated.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
