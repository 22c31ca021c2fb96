import { format } from '../../i18n/format';

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** "812 bytes", "3.4 MB", "256 MB": binary units, at most one decimal. The one way the desk says a size, in both processes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return format('text.bytes', { bytes });
  let value = bytes;
  let unit: (typeof UNITS)[number] = UNITS[0];
  for (const next of UNITS) {
    value /= 1024;
    unit = next;
    if (value < 1024) break;
  }
  const rounded = Math.round(value * 10) / 10;
  return format('text.size', { amount: Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1), unit });
}
