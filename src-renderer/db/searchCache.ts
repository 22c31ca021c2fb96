import Dexie, { type Table } from 'dexie';

/**
 * FORMAT: bump when what is stored changes meaning (the folding, or what text an entry is
 * searched in): every cache written before is then ignored and rebuilt.
 */
export const SEARCH_CACHE_FORMAT = 1;
const CHUNK = 5000;

/** The folded search text of an incident's entries, as of a position in its hash chain. */
export type CachedIndex = { syncedSeq: number; headHash: string; ids: string[]; texts: string[] };

/** The kept search index of a desk database lives in a database of its own, named after it. */
export const searchCacheName = (deskDbName: string): string => `${deskDbName}-search`;

type Meta = { incidentId: string; format: number; syncedSeq: number; headHash: string; chunks: number };
/**
 * FORMAT: a chunk holds its ids and texts each as one string with the lengths of the parts:
 * IndexedDB copies one long string far faster than thousands of short ones.
 */
type Chunk = {
  incidentId: string;
  n: number;
  ids: string;
  idLengths: Uint32Array;
  texts: string;
  textLengths: Uint32Array;
};

const pack = (parts: readonly string[]): { joined: string; lengths: Uint32Array } => ({
  joined: parts.join(''),
  lengths: Uint32Array.from(parts, (p) => p.length),
});

function unpack(joined: string, lengths: Uint32Array, into: string[]): void {
  let at = 0;
  for (const length of lengths) {
    into.push(joined.slice(at, at + length));
    at += length;
  }
}

class SearchCacheDatabase extends Dexie {
  meta!: Table<Meta, string>;
  chunks!: Table<Chunk, [string, number]>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ meta: 'incidentId', chunks: '[incidentId+n]' });
    this.on('versionchange', () => {
      this.close();
      return false;
    });
  }
}

/**
 * The search index kept between sessions, in a database of its own beside the desk's: derived
 * data, never backed up, dropped whole after a restore. Reading 20 chunks of 5,000 texts takes a
 * fraction of the time of reading 100,000 entries, so an incident opened again is searchable
 * almost at once. The caller checks `headHash` against the chain before trusting it.
 */
export function createSearchCache(name: string) {
  const db = new SearchCacheDatabase(name);
  return {
    async load(incidentId: string): Promise<CachedIndex | null> {
      return db.transaction('r', db.meta, db.chunks, async () => {
        const meta = await db.meta.get(incidentId);
        if (!meta || meta.format !== SEARCH_CACHE_FORMAT) return null;
        const chunks = await db.chunks
          .where('[incidentId+n]')
          .between([incidentId, 0], [incidentId, meta.chunks], true, false)
          .toArray();
        if (chunks.length !== meta.chunks) return null;
        const ids: string[] = [];
        const texts: string[] = [];
        for (const c of chunks) {
          unpack(c.ids, c.idLengths, ids);
          unpack(c.texts, c.textLengths, texts);
        }
        return ids.length === texts.length ? { syncedSeq: meta.syncedSeq, headHash: meta.headHash, ids, texts } : null;
      });
    },

    /** Writes the chunks holding the positions in `dirty` (all of them for 'all'), and the chain position. */
    async save(incidentId: string, index: CachedIndex, dirty: ReadonlySet<number> | 'all'): Promise<void> {
      const count = Math.ceil(index.ids.length / CHUNK);
      const chunkNumbers =
        dirty === 'all'
          ? Array.from({ length: count }, (_, n) => n)
          : [...new Set([...dirty].map((p) => Math.floor(p / CHUNK)))];
      const chunks = chunkNumbers.map((n): Chunk => {
        const ids = pack(index.ids.slice(n * CHUNK, (n + 1) * CHUNK));
        const texts = pack(index.texts.slice(n * CHUNK, (n + 1) * CHUNK));
        return {
          incidentId,
          n,
          ids: ids.joined,
          idLengths: ids.lengths,
          texts: texts.joined,
          textLengths: texts.lengths,
        };
      });
      await db.transaction('rw', db.meta, db.chunks, async () => {
        if (dirty === 'all')
          await db.chunks.where('[incidentId+n]').between([incidentId, 0], [incidentId, Infinity]).delete();
        await db.chunks.bulkPut(chunks);
        await db.meta.put({
          incidentId,
          format: SEARCH_CACHE_FORMAT,
          syncedSeq: index.syncedSeq,
          headHash: index.headHash,
          chunks: count,
        });
      });
    },

    /** Forgets everything (after a restore replaced the desk's data). */
    clear: () =>
      db.transaction('rw', db.meta, db.chunks, async () => {
        await db.meta.clear();
        await db.chunks.clear();
      }),
  };
}
export type SearchCache = ReturnType<typeof createSearchCache>;
