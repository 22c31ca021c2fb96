import { describe, expect, it, vi } from 'vitest';

import { hardenWebContents } from '@main/security/navigation';

import { FakeWebContents } from './fakeWebContents';

describe('hardenWebContents', () => {
  it('denies every window.open, whatever the URL', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://desk/index.html' })).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect'] as const)('prevents %s to another site', (event) => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    expect(contents.navigate(event, 'https://example.com/').prevented).toBe(true);
    expect(contents.navigate(event, 'file:///etc/passwd').prevented).toBe(true);
    expect(contents.navigate(event, 'app://evil/').prevented).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect'] as const)('allows %s within the desk', (event) => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    expect(contents.navigate(event, 'app://desk/').prevented).toBe(false);
    expect(contents.navigate(event, 'app://desk/index.html#/settings').prevented).toBe(false);
  });

  it('reads the URL from the legacy argument when the event carries none', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    const preventDefault = vi.fn();
    contents.emit('will-navigate', { preventDefault }, 'https://example.com/');
    expect(preventDefault).toHaveBeenCalled();
  });

  it('prevents a navigation whose URL it cannot read', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    const preventDefault = vi.fn();
    contents.emit('will-navigate', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('never lets a <webview> attach, even one pointing at the desk', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, { src: 'app://desk/' });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('logs refusals without the URL, which may carry incident text', () => {
    const contents = new FakeWebContents();
    const log = { warn: vi.fn() };
    hardenWebContents(contents, log);
    contents.navigate('will-navigate', 'https://example.com/?q=victim-name');
    expect(log.warn).toHaveBeenCalledWith('refused to navigate', { scheme: 'https:' });
  });

  it('installs its listeners once, however often it is called', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    hardenWebContents(contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });
});
