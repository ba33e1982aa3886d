import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { EngineHost } from '../../lib/background/engine-host';
import { startEnginePage } from '../../lib/background/engine-page';
import type { EngineRequest, EngineResponse } from '../../lib/background/engine-worker';
import { startBackground } from '../../lib/background/worker';
import { annotateReplySchema } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';

/**
 * Chrome's engine document answers pages itself and reports to the worker, which keeps the popup's
 * lists; the worker leaves pages' `annotate` to it. Driven through the fake browser's events, with
 * the document's dedicated worker played by an EngineHost in this thread.
 */

const api = fakeBrowser as unknown as WxtBrowser;
const CONTENT = { id: fakeBrowser.runtime.id, tab: { id: 7 }, frameId: 0, url: 'https://news.example/op-ed' };
const WORKER = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') };
const ENGINE = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/engine.html') };
const ARTICLE = {
  title: 'Space',
  text: 'After all, the first deployment of the US Space Force was to Qatar. Washington has proven itself as a disloyal partner.',
};
const annotate = { type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 };

async function packageFetch(url: string | URL): Promise<Response> {
  const { pathname } = new URL(url);
  return new Response(readFileSync(new URL(`../../public${pathname}`, import.meta.url)));
}

/** The document's dedicated worker, in this thread: requests in, responses out, as postMessage carries them. */
class FakeEngineWorker extends EventTarget {
  readonly requests: EngineRequest[] = [];
  private settings = DEFAULT_SETTINGS;
  private readonly host = new EngineHost({ getURL: (path) => `chrome-extension://plainsight${path}`, settings: async () => this.settings });
  postMessage(request: EngineRequest): void {
    this.requests.push(request);
    if (request.type === 'settings') this.settings = request.settings;
    else
      void this.host.annotate(request.message, request.at).then((answer) =>
        this.dispatchEvent(new MessageEvent('message', { data: { id: request.id, answer } satisfies EngineResponse })),
      );
  }
}

async function send(message: unknown, sender: object): Promise<any> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return replies.find((r: unknown) => r !== undefined);
}

describe('the engine document', () => {
  let engine: FakeEngineWorker;
  let sent: unknown[];

  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('fetch', vi.fn(packageFetch));
    sent = [];
    fakeBrowser.runtime.sendMessage = vi.fn(async (message: unknown) => {
      sent.push(message);
      return (message as { type: string }).type === 'engine-hello' ? { ok: true, settings: { ...DEFAULT_SETTINGS, marks: 'all' } } : { ok: true };
    }) as never;
    engine = new FakeEngineWorker();
    startEnginePage(api, engine as unknown as Worker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks the worker for the settings and hands them to its engine', async () => {
    await vi.waitFor(() => expect(engine.requests.find((r) => r.type === 'settings')).toMatchObject({ settings: { marks: 'all' } }));
    expect(sent).toContainEqual({ type: 'engine-hello' });
  });

  it('answers a page, then reports the frame to the worker', async () => {
    const reply = annotateReplySchema().parse(await send(annotate, CONTENT));
    expect(reply).toMatchObject({ ok: true, active: true });
    await vi.waitFor(() => expect(sent.some((m) => (m as { type: string }).type === 'engine-record')).toBe(true));
    const record = (sent.find((m) => (m as { type: string }).type === 'engine-record') as { record: { tabId: number; isNewPage: boolean; summary: { claims: unknown[] } } }).record;
    expect(record).toMatchObject({ tabId: 7, isNewPage: true });
    expect(record.summary.claims.length).toBeGreaterThan(0);
  });

  it('refuses a malformed page message with the reason, and leaves other messages to the worker', async () => {
    expect(await send({ type: 'annotate', article: null, comments: 'none', firstComment: 0 }, CONTENT)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/malformed message: comments/),
    });
    expect(await send({ type: 'quiet-rule', ruleId: 'x' }, CONTENT)).toBeUndefined();
    expect(await send(annotate, { id: 'someone-else', tab: { id: 7 }, frameId: 0, url: 'https://news.example/' })).toBeUndefined();
    expect(await send({ type: 'get-tab', tabId: 7 }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') })).toBeUndefined();
  });

  it('takes new settings from the worker only, and only well-formed ones', async () => {
    await send({ type: 'engine-settings', settings: { ...DEFAULT_SETTINGS, enabled: false } }, CONTENT);
    await send({ type: 'engine-settings', settings: { enabled: 'yes' } }, WORKER);
    expect(engine.requests.filter((r) => r.type === 'settings' && !r.settings.enabled)).toEqual([]);
    await send({ type: 'engine-settings', settings: { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] } }, WORKER);
    expect(await send(annotate, CONTENT)).toMatchObject({ ok: true, active: false, result: null });
  });
});

describe('the worker, where an engine document answers pages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('fetch', vi.fn(packageFetch));
    fakeBrowser.tabs.sendMessage = vi.fn(async () => undefined) as never;
    const created: object[] = [];
    (fakeBrowser as unknown as { offscreen: object }).offscreen = { createDocument: vi.fn(async (options: object) => void created.push(options)) };
    (fakeBrowser.runtime as unknown as { getContexts: () => Promise<object[]> }).getContexts = vi.fn(async () => created);
    (fakeBrowser.commands as unknown as { onCommand: object }).onCommand = { addListener: () => undefined };
    startBackground(api);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('creates the document once, leaves pages’ annotate to it, and keeps what it reports for the popup', async () => {
    const offscreen = (fakeBrowser as unknown as { offscreen: { createDocument: ReturnType<typeof vi.fn> } }).offscreen;
    await vi.waitFor(() => expect(offscreen.createDocument).toHaveBeenCalledTimes(1));
    expect(await send({ type: 'start-engine' }, CONTENT)).toEqual({ ok: true });
    expect(offscreen.createDocument).toHaveBeenCalledTimes(1);
    expect(await send(annotate, CONTENT)).toBeUndefined();

    expect(await send({ type: 'engine-hello' }, ENGINE)).toMatchObject({ ok: true, settings: { enabled: true } });
    const host = new EngineHost({ getURL: (path) => `chrome-extension://plainsight${path}`, settings: async () => DEFAULT_SETTINGS });
    const { record } = await host.annotate({ ...annotate, type: 'annotate' } as never, { tabId: 7, frameId: 0, url: CONTENT.url });
    expect(await send({ type: 'engine-record', record }, ENGINE)).toEqual({ ok: true });
    await vi.waitFor(async () => {
      const tab = await send({ type: 'get-tab', tabId: 7 }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
      expect(tab.tab.frames['0'].claims.length).toBeGreaterThan(0);
    });
    // A report that is not well-formed is refused with the reason; a page cannot pose as the document.
    expect(await send({ type: 'engine-record', record: { tabId: 7 } }, ENGINE)).toMatchObject({ ok: false, error: expect.stringMatching(/malformed/) });
    expect(await send({ type: 'engine-record', record }, CONTENT)).toMatchObject({ ok: false });
  });
});
