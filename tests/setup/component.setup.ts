import 'fake-indexeddb/auto';

import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has the <dialog> element but not its modal methods; the desk's dialogs open with them.
if (
  typeof HTMLDialogElement !== 'undefined' &&
  !('showModal' in HTMLDialogElement.prototype && typeof HTMLDialogElement.prototype.showModal === 'function')
) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

// Each test starts from an empty document and an empty session.
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
