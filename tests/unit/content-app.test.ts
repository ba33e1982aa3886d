import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultAnnotator } from '../../lib/rules/default-packs';
import type { AnnotateMessage, ContentMessage } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { startContent } from '../../lib/page/content-app';
import { encodeResult } from '../../lib/wire';
import { type LoadedPage, loadPage } from '../fixtures/dom';
import { largePage, listingPage, newsPage, wordpressPage } from '../fixtures/layouts';
import { readSeed } from '../fixtures/seed';

/**
 * The content script on happy-dom pages, with a bridge that answers as the background worker
 * does. happy-dom has no layout and no highlight registry, so painting itself is tested in real
 * browsers (tests/e2e); here: what is sent, what is added to the page, and that it all goes.
 */

const seed = readSeed();
const annotator = defaultAnnotator();
let loaded: LoadedPage | undefined;

afterEach(async () => {
  await loaded?.close();
  loaded = undefined;
});

function fakeWorker(active = true) {
  const sent: AnnotateMessage[] = [];
  const other: ContentMessage[] = [];
  let listener: ((message: unknown) => void) | undefined;
  let article: string | null = null; // the context of later comments, as the worker keeps it
  return {
    sent,
    other,
    push: (message: unknown) => listener?.(message),
    bridge: {
      async send(message: ContentMessage) {
        if (message.type !== 'annotate') return void other.push(message);
        sent.push(message);
        article = message.article?.text ?? article;
        const result = annotator.annotatePage(message.article, message.comments, article);
        return { ok: true, active, settings: DEFAULT_SETTINGS, result: active ? encodeResult(result) : null };
      },
      listen(l: (message: unknown) => void) {
        listener = l;
        return () => (listener = undefined);
      },
    },
  };
}

const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

describe('the content script', () => {
  it('sends the article and its comments once, and adds only plainsight-* elements', async () => {
    loaded = loadPage(wordpressPage(seed));
    const doc = loaded.document;
    const before = doc.body.innerHTML;
    const worker = fakeWorker();
    const app = startContent(doc, worker.bridge, true);
    await vi.waitFor(() => expect(doc.querySelectorAll('plainsight-markers')).toHaveLength(1), { timeout: 5_000 });
    await settle();
    expect(worker.sent).toHaveLength(1);
    expect(worker.sent[0]!.article?.text).toBe(seed.paragraphs.join('\n\n'));
    expect(worker.sent[0]!.comments.map((c) => c.author)).toEqual(seed.comments.map((c) => c.author));
    expect(doc.body.innerHTML).toBe(before);
    const added = [...doc.documentElement.children].filter((e) => e.localName.startsWith('plainsight-')).map((e) => e.localName);
    expect(added).toEqual(['plainsight-markers']);
    app.destroy();
    expect(doc.querySelectorAll('plainsight-markers, plainsight-card')).toHaveLength(0);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('stays quiet on a page with no article: nothing sent, nothing added', async () => {
    loaded = loadPage(listingPage());
    const worker = fakeWorker();
    const app = startContent(loaded.document, worker.bridge, true);
    await settle();
    expect(worker.sent).toEqual([]);
    expect(loaded.document.querySelectorAll('[class^="plainsight"], plainsight-markers')).toHaveLength(0);
    app.destroy();
  });

  it('sends comments that arrive later in one batch, numbered after the first ones', async () => {
    loaded = loadPage(newsPage(seed));
    const doc = loaded.document;
    const worker = fakeWorker();
    const app = startContent(doc, worker.bridge, true);
    await vi.waitFor(() => expect(worker.sent).toHaveLength(1), { timeout: 5_000 });
    await settle(300);
    const list = doc.querySelector('.comments__list')!;
    for (const text of ['The US a$$holes again.', 'Mars is far away, and the budget is small.']) {
      const comment = doc.createElement('div');
      comment.className = 'comment';
      comment.innerHTML = `<div class="comment__header"><span class="comment__author">Late</span></div><div class="comment__body"><p>${text}</p></div>`;
      list.append(comment);
    }
    await settle(400);
    expect(worker.sent).toHaveLength(2);
    expect(worker.sent[1]).toMatchObject({ article: null, firstComment: seed.comments.length });
    expect(worker.sent[1]!.comments.map((c) => c.text)).toEqual(['The US a$$holes again.', 'Mars is far away, and the budget is small.']);
    app.destroy();
  });

  it('on a long page, gives the page its turn before looking for the article, however quick the pre-check', async () => {
    loaded = loadPage(largePage(seed));
    const worker = fakeWorker();
    const sentAtTurns: number[] = [];
    (loaded.document.defaultView as unknown as { scheduler: unknown }).scheduler = {
      yield: () => {
        sentAtTurns.push(worker.sent.length);
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
    // A clock that stands still: the pre-check looks instant (as an <article> makes it), and no slice runs long.
    const now = vi.spyOn(performance, 'now').mockReturnValue(0);
    try {
      const app = startContent(loaded.document, worker.bridge, true);
      await vi.waitFor(() => expect(worker.sent).toHaveLength(1), { timeout: 15_000 });
      app.destroy();
    } finally {
      now.mockRestore();
    }
    expect(sentAtTurns[0]).toBe(0);
  }, 20_000);

  it('reads a long thread in slices, giving the page its turn, and sends a comment added meanwhile', async () => {
    loaded = loadPage(largePage(seed));
    const doc = loaded.document;
    const list = doc.querySelector('.comments__list')!;
    const worker = fakeWorker();
    performance.clearMarks('plainsight-found');
    let turns = 0;
    let addedDuringSearch = false;
    // The page's turns: by the fifth, the comments are being read (a turn before the article search, one after it, one after the areas are found).
    (doc.defaultView as unknown as { scheduler: unknown }).scheduler = {
      yield: () => {
        turns += 1;
        if (turns >= 5 && !addedDuringSearch && performance.getEntriesByName('plainsight-found').length === 0) {
          const comment = doc.createElement('div');
          comment.className = 'comment';
          comment.innerHTML = '<div class="comment__header"><span class="comment__author">Late</span></div><div class="comment__body"><p>Added while the comments were read.</p></div>';
          list.append(comment);
          addedDuringSearch = true;
        }
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
    const app = startContent(doc, worker.bridge, true);
    await vi.waitFor(() => expect(worker.sent.flatMap((m) => m.comments)).toHaveLength(2_001), { timeout: 15_000 });
    await settle(300);
    expect(addedDuringSearch).toBe(true);
    const texts = worker.sent.flatMap((m) => m.comments.map((c) => c.text));
    expect(texts.filter((text) => text === 'Added while the comments were read.')).toHaveLength(1);
    expect(new Set(texts).size).toBe(2_001);
    app.destroy();
  }, 20_000);

  it('in a frame, sends only the comments', async () => {
    loaded = loadPage(wordpressPage(seed));
    const worker = fakeWorker();
    const app = startContent(loaded.document, worker.bridge, false);
    await vi.waitFor(() => expect(worker.sent).toHaveLength(1), { timeout: 5_000 });
    expect(worker.sent[0]).toMatchObject({ article: null });
    expect(worker.sent[0]!.comments).toHaveLength(seed.comments.length);
    app.destroy();
  });

  it('removes its markers when the site is switched off, and ignores malformed messages', async () => {
    loaded = loadPage(wordpressPage(seed));
    const doc = loaded.document;
    const worker = fakeWorker();
    const app = startContent(doc, worker.bridge, true);
    await vi.waitFor(() => expect(doc.querySelectorAll('plainsight-markers')).toHaveLength(1), { timeout: 5_000 });
    worker.push({ type: 'apply-settings', settings: { nonsense: true }, active: false });
    expect(doc.querySelectorAll('plainsight-markers')).toHaveLength(1);
    worker.push({ type: 'apply-settings', settings: DEFAULT_SETTINGS, active: false });
    expect(doc.querySelectorAll('plainsight-markers')).toHaveLength(0);
    worker.push({ type: 'apply-settings', settings: DEFAULT_SETTINGS, active: true });
    await vi.waitFor(() => expect(doc.querySelectorAll('plainsight-markers')).toHaveLength(1), { timeout: 5_000 });
    app.destroy();
  });

  it('never sends a re-rendered comment again, and reads everything afresh when switched back on', async () => {
    loaded = loadPage(newsPage(seed));
    const doc = loaded.document;
    const worker = fakeWorker();
    const app = startContent(doc, worker.bridge, true);
    await vi.waitFor(() => expect(worker.sent).toHaveLength(1), { timeout: 5_000 });
    await settle(300);
    const list = doc.querySelector('.comments__list')!;
    list.innerHTML = list.innerHTML;
    await settle(400);
    expect(worker.sent).toHaveLength(1);
    worker.push({ type: 'apply-settings', settings: DEFAULT_SETTINGS, active: false });
    worker.push({ type: 'apply-settings', settings: DEFAULT_SETTINGS, active: true });
    await vi.waitFor(() => expect(worker.sent).toHaveLength(2), { timeout: 5_000 });
    expect(worker.sent[1]).toMatchObject({ firstComment: 0, article: { text: worker.sent[0]!.article!.text } });
    expect(worker.sent[1]!.comments).toEqual(worker.sent[0]!.comments);
    app.destroy();
  });

  it('steps to the next and previous mark on the shortcut, lists every mark there, says it, and quiets a rule found not useful', async () => {
    loaded = loadPage(wordpressPage(seed));
    const doc = loaded.document;
    const view = doc.defaultView!;
    // The card's shadow root is closed to the page: the test keeps the ones it attaches.
    const roots = new Map<string, ShadowRoot>();
    const attach = view.HTMLElement.prototype.attachShadow;
    view.HTMLElement.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      roots.set(this.localName, root);
      return root;
    };
    const worker = fakeWorker();
    const app = startContent(doc, worker.bridge, true);
    await vi.waitFor(() => expect(doc.querySelectorAll('plainsight-markers')).toHaveLength(1), { timeout: 5_000 });
    const card = () => roots.get('plainsight-card')!;
    const live = () => card().querySelector('[aria-live]')?.textContent ?? '';
    const labels = () => [...card().querySelectorAll('.entry .label')].map((l) => l.textContent);

    worker.push({ type: 'step-mark', direction: 'next' });
    await vi.waitFor(() => expect(live()).toMatch(/^Mark 1 of \d+: /));
    const total = Number(/of (\d+)/.exec(live())![1]);
    expect(card().querySelector<HTMLElement>('.card')!.hidden).toBe(false);
    expect(card().querySelector('.card')!.getAttribute('role')).toBe('dialog');
    const first = labels();
    worker.push({ type: 'step-mark', direction: 'previous' });
    await vi.waitFor(() => expect(live()).toMatch(new RegExp(`^Mark ${total} of ${total}: `)));
    worker.push({ type: 'step-mark', direction: 'next' });
    await vi.waitFor(() => expect(live()).toMatch(/^Mark 1 of /));
    expect(labels()).toEqual(first);

    // Every entry says how sure Plainsight is; a claim says what to look for.
    expect(card().querySelector('.confidence')?.textContent).toMatch(/^Plainsight is (sure|fairly sure|less sure)$/);
    const button = card().querySelector<HTMLButtonElement>('button.quiet')!;
    button.click();
    expect(worker.other).toEqual([{ type: 'quiet-rule', ruleId: expect.any(String) }]);
    const quieted = (worker.other[0] as { ruleId: string }).ruleId;
    // The rule's marks are gone at once: stepping never lands on them again.
    for (let i = 0; i < total; i++) {
      worker.push({ type: 'step-mark', direction: 'next' });
      await settle(70);
      expect(card().textContent).not.toContain(quieted);
    }
    expect(Number(/of (\d+)/.exec(live())?.[1])).toBeLessThan(total);
    app.destroy();
    view.HTMLElement.prototype.attachShadow = attach;
    expect(doc.querySelectorAll('plainsight-card')).toHaveLength(0);
  });
});
