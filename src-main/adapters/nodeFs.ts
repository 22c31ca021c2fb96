import { readFile, stat, statfs } from 'node:fs/promises';

/**
 * The Node file-system calls main's services receive, in one place: services never import
 * `node:fs` themselves, so tests hand them fakes.
 */
export const nodeFs = {
  /** Whole file as bytes. */
  readFile: (path: string): Promise<Uint8Array> => readFile(path),
  stat: (path: string) => stat(path),
  statfs: (path: string) => statfs(path),
};
