/** Folds text for search: case- and accent-insensitive ("José" and "jose" meet), digits kept as typed. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
