/**
 * A file-name-safe slug of a title: "Vehicle attack, Markens gate" → "vehicle-attack-markens-gate".
 * Accents are folded first so "Café" gives "cafe"; a title with no Latin letters left falls back,
 * so a saved file never has an empty name.
 */
export function fileSlug(title: string, fallback: string, maxLength = 40): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, maxLength)
      .replace(/-$/, '') || fallback
  );
}
