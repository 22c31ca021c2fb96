// IndexedDB for repository and migration tests, in Node.
import 'fake-indexeddb/auto';
