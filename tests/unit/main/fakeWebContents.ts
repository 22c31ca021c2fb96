import { EventEmitter } from 'node:events';

/** A stand-in for Electron's WebContents: an EventEmitter that remembers its window-open handler. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Emits a navigation event the way Electron 45 does: details object first, legacy url second. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): { prevented: boolean } {
    const outcome = { prevented: false };
    this.emit(event, { url, preventDefault: () => (outcome.prevented = true) }, url);
    return outcome;
  }
}
