const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Paths of fields present in the file but not in what its schema reads: the schema strips them,
 * so the file as given is compared with the file as understood. `__proto__` counts like any other.
 */
export function unknownFields(raw: unknown, parsed: unknown, path: readonly string[] = [], out: string[] = []): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    raw.forEach((item, i) => unknownFields(item, parsed[i], [...path, String(i)], out));
  } else if (isObject(raw) && isObject(parsed)) {
    for (const key of Object.keys(raw)) {
      if (!own(parsed, key)) out.push([...path, key].join('.'));
      else unknownFields(raw[key], parsed[key], [...path, key], out);
    }
  }
  return out;
}
