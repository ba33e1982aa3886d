import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { startBackground } from '../../lib/background/worker';
import { annotateReplySchema } from '../../lib/messages';
import { TOGGLE_IDS } from '../../lib/settings';
import { decodeResult } from '../../lib/wire';

/** The background worker driven through the fake browser's events, as the real one would be. */

const api = fakeBrowser as unknown as WxtBrowser;
const CONTENT = { id: fakeBrowser.runtime.id, tab: { id: 7 }, frameId: 0, url: 'https://news.example/op-ed' };
const POPUP = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const ARTICLE = {
  title: 'Space',
  text: 'After all, the first deployment of the US Space Force was to Qatar. Washington has proven itself as a disloyal partner.',
};

/** The extension's own files, as the worker fetches them from its package (the weight files). */
async function packageFetch(url: string | URL): Promise<Response> {
  const { protocol, pathname } = new URL(url);
  if (protocol !== 'chrome-extension:') return new Response(null, { status: 404 });
  return new Response(readFileSync(new URL(`../../public${pathname}`, import.meta.url)));
}

async function send(message: unknown, sender: object): Promise<any> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return replies.find((r: unknown) => r !== undefined);
}

/** An event the fake browser lacks (it throws on `commands.onCommand`), driven as `trigger` drives its own. */
function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener: (listener: (...args: A) => unknown) => void listeners.push(listener),
    removeListener: (listener: (...args: A) => unknown) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: (...args: A) => unknown) => listeners.includes(listener),
    trigger: (...args: A) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

describe('the background worker', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    (fakeBrowser.commands as unknown as { onCommand: ReturnType<typeof fakeEvent<[string]>> }).onCommand = fakeEvent<[string]>();
    fakeBrowser.tabs.sendMessage = vi.fn(async () => undefined) as never;
    vi.stubGlobal('fetch', vi.fn(packageFetch));
    startBackground(api);
  });

  it('annotates what a content script sends and keeps the result for the popup', async () => {
    const reply = await send(
      { type: 'annotate', article: ARTICLE, comments: [{ author: 'Just Me', text: 'The US a$$holes will be losers.' }], firstComment: 0 },
      CONTENT,
    );
    expect(reply.ok).toBe(true);
    expect(reply.active).toBe(true);
    // The answer is checked as the page checks it, carries no text back, and unpacks to the marks.
    const checked = annotateReplySchema().parse(reply);
    expect(JSON.stringify(checked)).not.toContain(ARTICLE.text);
    const result = checked.ok && checked.result ? decodeResult(checked.result) : null;
    expect(result?.article?.map((a) => a.category)).toEqual(['claim', 'name-calling']);
    expect(new Set(result?.comments[0]?.flags.map((f) => f.category))).toEqual(new Set(['insult']));
    const tab = await send({ type: 'get-tab', tabId: 7 }, POPUP);
    expect(tab.host).toBe('news.example');
    expect(tab.tab.frames['0'].claims[0].text).toBe('the first deployment of the US Space Force was to Qatar');
    expect(tab.tab.frames['0'].comments).toEqual([expect.objectContaining({ id: 'c0', author: 'Just Me', flags: ['insult'] })]);
    // The badge counts what the reader sees by default: the flagged comment, not the less certain
    // techniques of a calm two-sentence article and of the comment (listed, as the page marks them,
    // and shown once the reader asks for all marks).
    expect(tab.tab.frames['0'].techniques).toEqual([
      expect.objectContaining({ id: 'a1', category: 'name-calling', confident: false }),
      expect.objectContaining({ id: 'c0', category: 'name-calling', text: 'a$$holes', confident: false }),
      expect.objectContaining({ id: 'c0', category: 'name-calling', text: 'losers', confident: false }),
    ]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
    const all = await send({ type: 'set-marks', marks: 'all' }, POPUP);
    expect(all.settings.marks).toBe('all');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('4');
  });

  it('adds later comment batches and frames to the same tab', async () => {
    await send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT);
    await send({ type: 'annotate', article: null, comments: [{ author: 'A', text: 'You are an idiot.' }], firstComment: 3 }, CONTENT);
    await send({ type: 'annotate', article: null, comments: [{ author: 'B', text: 'What a load of sh1t.' }], firstComment: 0 }, { ...CONTENT, frameId: 5, url: 'https://comments.example/thread' });
    const { tab } = await send({ type: 'get-tab', tabId: 7 }, POPUP);
    expect(tab.frames['0'].comments.map((c: { id: string }) => c.id)).toEqual(['c3']);
    expect(tab.frames['5'].comments.map((c: { author: string }) => c.author)).toEqual(['B']);
  });

  it('reads comments sent while their article is still being annotated in its context, and keeps both for the popup', async () => {
    const article = send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT);
    const comments = send(
      { type: 'annotate', article: null, comments: [{ author: 'Baker', text: 'My sourdough starter finally rose this weekend, best bread I ever baked.' }], firstComment: 0 },
      CONTENT,
    );
    const [, answer] = await Promise.all([article, comments]);
    const result = decodeResult(annotateReplySchema().parse(answer).ok ? answer.result : null);
    expect(result.comments[0]?.flags.map((f) => f.category)).toEqual(['off-topic']);
    const { tab } = await send({ type: 'get-tab', tabId: 7 }, POPUP);
    expect(tab.frames['0'].claims[0].text).toBe('the first deployment of the US Space Force was to Qatar');
    expect(tab.frames['0'].comments).toEqual([expect.objectContaining({ id: 'c0', author: 'Baker', flags: ['off-topic'] })]);
  });

  it('stays off on a site the reader switched off, and tells open pages at once', async () => {
    await send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT);
    const off = await send({ type: 'set-site', host: 'news.example', enabled: false }, POPUP);
    expect(off.settings.disabledSites).toEqual(['news.example']);
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, expect.objectContaining({ type: 'apply-settings', active: false }));
    const reply = await send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT);
    expect(reply).toMatchObject({ ok: true, active: false, result: null });
  });

  it('rejects a malformed message with a reason, and changes nothing', async () => {
    const reply = await send({ type: 'set-category', category: 'memes', enabled: false }, POPUP);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/malformed message: category/) });
    const { settings } = await send({ type: 'get-tab', tabId: 1 }, POPUP);
    expect(settings.disabledCategories).toEqual([]);
  });

  it('ignores messages from other extensions and popup messages from web pages', async () => {
    expect(await send({ type: 'get-tab', tabId: 7 }, { ...POPUP, id: 'someone-else' })).toBeUndefined();
    expect(await send({ type: 'set-enabled', enabled: false }, CONTENT)).toEqual({ ok: false, error: expect.stringMatching(/malformed/) });
    const { settings } = await send({ type: 'get-tab', tabId: 7 }, POPUP);
    expect(settings.enabled).toBe(true);
  });

  it('keeps settings and tab results across a restart of the worker', async () => {
    await send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT);
    await send({ type: 'set-category', category: 'doubt', enabled: false }, POPUP);
    await send({ type: 'get-tab', tabId: 7 }, POPUP); // waits for the results to be stored
    fakeBrowser.runtime.onMessage.removeAllListeners(); // the MV3 worker is stopped…
    startBackground(api); // …and started again by the next message
    const { tab, settings } = await send({ type: 'get-tab', tabId: 7 }, POPUP);
    expect(tab.frames['0'].claims).toHaveLength(1);
    expect(settings.disabledCategories).toEqual(['doubt']);
  });

  it('forgets a tab when it closes', async () => {
    await send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT);
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await new Promise((r) => setTimeout(r, 0));
    expect((await send({ type: 'get-tab', tabId: 7 }, POPUP)).tab).toBeNull();
  });

  it('keeps every switch of quick clicks: twelve categories and two sites at once', async () => {
    const twelve = TOGGLE_IDS.slice(0, 12);
    const replies = await Promise.all([
      ...twelve.map((category) => send({ type: 'set-category', category, enabled: false }, POPUP)),
      send({ type: 'set-site', host: 'a.example', enabled: false }, POPUP),
      send({ type: 'set-site', host: 'b.example', enabled: false }, POPUP),
    ]);
    expect(replies.every((r) => r.ok)).toBe(true);
    const { settings } = await send({ type: 'get-tab', tabId: 1 }, POPUP);
    expect(new Set(settings.disabledCategories)).toEqual(new Set(twelve));
    expect(new Set(settings.disabledSites)).toEqual(new Set(['a.example', 'b.example']));
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(settings);
  });

  it('says the settings were reset until the reader dismisses it', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    await send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT); // the page reads first
    expect((await send({ type: 'get-tab', tabId: 7 }, POPUP)).problem).toMatch(/corrupt settings replaced by the defaults/);
    expect((await send({ type: 'get-tab', tabId: 7 }, POPUP)).problem).toMatch(/defaults/);
    expect(await send({ type: 'dismiss-problem' }, POPUP)).toEqual({ ok: true });
    expect((await send({ type: 'get-tab', tabId: 7 }, POPUP)).problem).toBeNull();
  });

  /** The seed's article again and again: a long page, with hundreds of marks. */
  const longText = (chars: number) => {
    let text = '';
    while (text.length < chars) text += `${ARTICLE.text} Critics called it a shameful betrayal by cowardly politicians, said ${text.length} times.\n`;
    return text;
  };

  it('never leaves the previous page in the popup when the next page is too large to store whole', async () => {
    // Session storage with a quota, as Chrome's (10 MB there, 1 MB here): a write over it fails as a whole.
    const session = fakeBrowser.storage.session;
    const set = session.set.bind(session);
    session.set = (async (items: Record<string, unknown>) => {
      if (JSON.stringify({ ...(await session.get(null)), ...items }).length > 1_000_000) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    }) as never;
    await send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT);
    await send({ type: 'get-tab', tabId: 7 }, POPUP);
    const big = { title: 'Big', text: longText(300_000) };
    const comments = Array.from({ length: 600 }, (_, i) => ({ author: `R${i}`, text: `You are an idiot number ${i}.` }));
    await send({ type: 'annotate', article: big, comments, firstComment: 0 }, { ...CONTENT, url: 'https://news.example/big' });
    const { tab } = await send({ type: 'get-tab', tabId: 7 }, POPUP);
    const top = tab.frames['0'];
    expect(top.url).toBe('https://news.example/big');
    expect(top.title).toBe('Big');
    expect(top.comments.length + (top.unlisted?.comments.all ?? 0)).toBe(600);
    expect(JSON.stringify(tab).length).toBeLessThan(400_000);
    expect(Number(await fakeBrowser.action.getBadgeText({ tabId: 7 }))).toBeGreaterThanOrEqual(600);
  }, 30_000);

  it('clears a tab loaded while its site is off: the popup does not show the page before, and still knows the site', async () => {
    await send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT);
    await send({ type: 'set-site', host: 'news.example', enabled: false }, POPUP);
    const reply = await send({ type: 'annotate', article: { title: 'Other', text: 'Another article.' }, comments: [], firstComment: 0 }, { ...CONTENT, url: 'https://news.example/other' });
    expect(reply).toMatchObject({ ok: true, active: false });
    // What stays is the new page's address, so the popup can offer to switch the site back on.
    const after = await send({ type: 'get-tab', tabId: 7 }, POPUP);
    expect(after.host).toBe('news.example');
    expect(after.tab.frames['0']).toMatchObject({ url: 'https://news.example/other', hasArticle: false, claims: [], techniques: [], comments: [] });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('clears a tab that loads or moves to another address, and keeps it for a move within the page', async () => {
    await send({ type: 'annotate', article: ARTICLE, comments: [{ author: 'A', text: 'You are an idiot.' }], firstComment: 0 }, CONTENT);
    await fakeBrowser.tabs.onUpdated.trigger(7, { url: 'https://news.example/op-ed#comments' }, { id: 7 } as never);
    expect((await send({ type: 'get-tab', tabId: 7 }, POPUP)).tab).not.toBeNull();
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: 'https://elsewhere.example/' }, { id: 7 } as never);
    expect((await send({ type: 'get-tab', tabId: 7 }, POPUP)).tab).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    await send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, { id: 7 } as never); // a reload
    expect((await send({ type: 'get-tab', tabId: 7 }, POPUP)).tab).toBeNull();
  });

  it('annotates the comments and the first part of an article over 5,000,000 characters, and says so', async () => {
    const huge = { title: 'Huge', text: longText(5_200_000) };
    const reply = await send({ type: 'annotate', article: huge, comments: [{ author: 'A', text: 'You are an idiot.' }], firstComment: 0 }, CONTENT);
    expect(reply.ok).toBe(true);
    const result = decodeResult(annotateReplySchema().parse(reply).ok ? reply.result : null);
    expect(result.comments[0]?.flags.map((f) => f.category)).toContain('insult');
    expect(result.article!.length).toBeGreaterThan(100);
    expect(Math.max(...result.article!.map((a) => a.end))).toBeLessThanOrEqual(1_000_000);
    const { tab } = await send({ type: 'get-tab', tabId: 7 }, POPUP);
    expect(tab.frames['0'].notes).toEqual([expect.stringMatching(/^article too long: annotated the first [\d,]+ words of [\d,]+$/)]);
  }, 30_000);

  it('reads a page with an over-long title, author and language tag, and more comments than it reads, rather than refuse it', async () => {
    const comments = Array.from({ length: 50_001 }, (_, i) => ({ author: i === 0 ? 'A'.repeat(600) : `R${i}`, text: i === 0 ? 'You are an idiot.' : 'Nice.' }));
    const article = { ...ARTICLE, title: 'T'.repeat(3_000), lang: 'en-'.padEnd(100, 'x') };
    const reply = await send({ type: 'annotate', article, comments, firstComment: 0 }, CONTENT);
    expect(reply.ok).toBe(true);
    const result = decodeResult(annotateReplySchema().parse(reply).ok ? reply.result : null);
    expect(result.comments).toHaveLength(50_001); // an answer for each comment sent, the last one unread
    expect(result.comments[0]?.flags.map((f) => f.category)).toContain('insult');
    expect(result.article?.map((a) => a.category)).toContain('claim');
    const { tab } = await send({ type: 'get-tab', tabId: 7 }, POPUP);
    expect(tab.frames['0'].title).toHaveLength(2_000);
    expect(tab.frames['0'].comments[0].author).toHaveLength(500);
    expect(tab.frames['0'].notes).toEqual(['too many comments: read the first 50,000 of 50,001']);
  }, 30_000);

  it('sends the shortcut to the top frame of the active tab, as the step its page takes', async () => {
    fakeBrowser.tabs.query = vi.fn(async () => [{ id: 7 }]) as never;
    const command = (fakeBrowser.commands as unknown as { onCommand: ReturnType<typeof fakeEvent<[string]>> }).onCommand;
    await command.trigger('next-mark');
    await command.trigger('previous-mark');
    await command.trigger('something-else');
    await vi.waitFor(() => expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledTimes(2));
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(vi.mocked(fakeBrowser.tabs.sendMessage).mock.calls).toEqual([
      [7, { type: 'step-mark', direction: 'next' }, { frameId: 0 }],
      [7, { type: 'step-mark', direction: 'previous' }, { frameId: 0 }],
    ]);
  });

  it('does nothing on the shortcut when no tab is active, and never throws when the tab has no content script', async () => {
    const command = (fakeBrowser.commands as unknown as { onCommand: ReturnType<typeof fakeEvent<[string]>> }).onCommand;
    fakeBrowser.tabs.query = vi.fn(async () => []) as never;
    await command.trigger('next-mark');
    fakeBrowser.tabs.query = vi.fn(async () => [{ id: 9 }]) as never;
    fakeBrowser.tabs.sendMessage = vi.fn(async () => Promise.reject(new Error('Could not establish connection'))) as never;
    await expect(command.trigger('next-mark')).resolves.toBeDefined();
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledOnce();
  });

  it('remembers a rule found not useful on a card, tells open pages, and restores it from the popup', async () => {
    await send({ type: 'annotate', article: ARTICLE, comments: [], firstComment: 0 }, CONTENT);
    const quieted = await send({ type: 'quiet-rule', ruleId: 'name-calling.labels' }, CONTENT);
    expect(quieted).toEqual(expect.objectContaining({ ok: true, settings: expect.objectContaining({ quietRules: ['name-calling.labels'] }) }));
    const told = () => vi.mocked(fakeBrowser.tabs.sendMessage).mock.calls.filter(([, m]) => (m as { type: string }).type === 'apply-settings');
    await vi.waitFor(() => expect(told().at(-1)?.[1]).toEqual(expect.objectContaining({ settings: expect.objectContaining({ quietRules: ['name-calling.labels'] }) })));
    expect((await send({ type: 'get-tab', tabId: 7 }, POPUP)).settings.quietRules).toEqual(['name-calling.labels']);
    const restored = await send({ type: 'set-rule-quiet', ruleId: 'name-calling.labels', quiet: false }, POPUP);
    expect(restored.settings.quietRules).toEqual([]);
    // A web page cannot quiet rules through the popup's door, nor send a malformed one.
    expect(await send({ type: 'quiet-rule', ruleId: '' }, CONTENT)).toEqual(expect.objectContaining({ ok: false }));
    expect(await send({ type: 'set-rule-quiet', ruleId: 'x', quiet: true }, CONTENT)).toEqual(expect.objectContaining({ ok: false }));
  });
});
