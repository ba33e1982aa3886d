import type { Browser, WxtBrowser } from 'wxt/browser';
import { defaultAnnotator } from '../rules/default-packs';
import {
  type AnnotateMessage,
  type ContentMessage,
  type PopupMessage,
  type Reply,
  type StepDirection,
  contentMessageSchema,
  parseMessage,
  popupMessageSchema,
} from '../messages';
import { type Settings, SettingsStore, isSiteEnabled } from '../settings';
import { encodeResult } from '../wire';
import { flaggedCount, summariseFrame } from './summary';
import { STORED_CONTEXT, answerEvery, withinLimits } from './long-text';
import { TabResults } from './tab-results';
import { warmUp } from './warm-up';
import { loadWeightFiles } from './weight-files';
import type { Annotator, PageAnnotations } from '../engine/annotator';

/** The manifest's `commands` (wxt.config.ts) and where each moves. */
export const COMMAND_STEPS: Record<string, StepDirection | undefined> = { 'next-mark': 'next', 'previous-mark': 'previous' };

/** What a page on a switched-off site leaves for the popup: its address, nothing read. */
const NOTHING_READ: PageAnnotations = { article: null, comments: [], language: { code: '', covered: true } };

/** How many tabs' articles the worker keeps in memory as context for their comments. */
const OPEN_ARTICLES = 32;

/**
 * The background worker: holds the rule packs (compiled once per worker life), the settings and
 * the per-tab results; annotates what content scripts send, answers the popup, keeps the badge.
 * Every message is validated where it arrives and its sender checked.
 */
export function startBackground(api: WxtBrowser): void {
  const settings = new SettingsStore(api.storage.local);
  const tabs = new TabResults(api.storage.session);
  const extensionOrigin = api.runtime.getURL('');

  const fromContent = (sender: Browser.runtime.MessageSender) =>
    sender.id === api.runtime.id && sender.tab?.id !== undefined && /^https?:/.test(sender.url ?? '');
  const fromPopup = (sender: Browser.runtime.MessageSender) =>
    sender.id === api.runtime.id && (sender.url ?? '').startsWith(extensionOrigin);

  // The packs compile once per worker life, after their weight files are fetched from the package;
  // a failed fetch is tried again by the next page rather than remembered.
  let engine: Promise<Annotator> | undefined;
  const annotatorReady = () =>
    (engine ??= loadWeightFiles((path) => api.runtime.getURL(path as never))
      .then(() => defaultAnnotator())
      .catch((error: unknown) => {
        engine = undefined;
        throw error;
      }));

  // Settings are read once per worker life and kept current by our own writes and by storage events.
  let cachedSettings: Promise<Settings> | null = null;
  const currentSettings = () => (cachedSettings ??= settings.read().then((r) => r.settings));
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) cachedSettings = null;
  });

  // Results are stored after the page has its answer (a task later, so the answer leaves first),
  // one write after another per tab.
  const pending = new Map<number, Promise<unknown>>();
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  const afterReply = (tabId: number, work: () => Promise<unknown>) => {
    const next = (pending.get(tabId) ?? Promise.resolve()).then(nextTask).then(work).catch((e: unknown) => console.warn('[plainsight]', e));
    pending.set(tabId, next);
  };

  // Each tab's article, the context its comments are read in. The top frame sends the article
  // first and its comments once found, so the article is noted before any await: its comments,
  // or a frame's, may arrive while it is still being annotated. Session storage keeps it for a
  // worker that was stopped in between.
  const articles = new Map<number, string>();
  const noteArticle = (tabId: number, text: string) => {
    articles.delete(tabId);
    articles.set(tabId, text);
    if (articles.size > OPEN_ARTICLES) articles.delete(articles.keys().next().value!);
  };

  async function onContent(message: ContentMessage, sender: Browser.runtime.MessageSender) {
    if (message.type === 'quiet-rule') return quietRule(message.ruleId, true);
    return onAnnotate(message, sender);
  }

  /** "Not useful" on a card, or "Restore" in the popup: every page hears of it at once. */
  async function quietRule(ruleId: string, quiet: boolean) {
    return applied(
      await settings.update((s) => ({
        ...s,
        quietRules: quiet ? [...new Set([...s.quietRules, ruleId])] : s.quietRules.filter((r) => r !== ruleId),
      })),
    );
  }

  async function onAnnotate(raw: AnnotateMessage, sender: Browser.runtime.MessageSender) {
    const tabId = sender.tab!.id!;
    const frameId = sender.frameId ?? 0;
    const message = withinLimits(raw);
    // An article starts a new page in the top frame; a message without one adds to its frame.
    const isNewPage = frameId === 0 && message.article !== null;
    if (isNewPage) {
      noteArticle(tabId, message.article!.text);
      forgetTab(tabId); // the previous page's results never stand for this one, whatever follows
    }
    const current = await currentSettings();
    const host = frameId === 0 ? hostOf(sender.url) : hostOf(sender.tab?.url ?? (await topUrl(tabId)) ?? sender.url);
    if (!isSiteEnabled(current, host)) {
      // Nothing is read here, but the popup still needs the page's address to offer "On this site".
      if (frameId === 0) afterReply(tabId, () => tabs.record(tabId, 0, summariseFrame(NOTHING_READ, sender.url ?? '', 0), false));
      return { ok: true as const, active: false, settings: current, result: null };
    }
    const articleKey = `article:${tabId}`;
    const context =
      message.article?.text ??
      articles.get(tabId) ??
      (((await api.storage.session.get(articleKey))[articleKey] as string | null | undefined) ?? null);
    const annotator = await annotatorReady();
    const result = answerEvery(annotator.annotatePage(message.article, message.comments, context), raw.comments);
    afterReply(tabId, async () => {
      const summary = summariseFrame(result, sender.url ?? '', message.firstComment, message.notes);
      const tab = await tabs.record(tabId, frameId, summary, !isNewPage && (frameId === 0 || message.firstComment > 0));
      await showBadge(tabId, flaggedCount(Object.values(tab.frames), current.marks, current.quietRules));
      if (isNewPage) await api.storage.session.set({ [articleKey]: message.article!.text.slice(0, STORED_CONTEXT) });
    });
    return { ok: true as const, active: true, settings: current, result: encodeResult(result) };
  }

  /** Clears a tab's results, its article and its badge, after the writes queued before. */
  const forgetTab = (tabId: number) => afterReply(tabId, () => clearTab(tabId));
  async function clearTab(tabId: number) {
    await tabs.forget(tabId);
    await api.storage.session.remove(`article:${tabId}`);
    await showBadge(tabId, 0);
  }

  async function topUrl(tabId: number): Promise<string | undefined> {
    return (await tabs.get(tabId))?.frames['0']?.url;
  }

  async function onPopup(message: PopupMessage) {
    switch (message.type) {
      case 'get-tab': {
        await pending.get(message.tabId);
        const tab = await tabs.get(message.tabId);
        const { settings: current, problem } = await settings.read();
        return { ok: true as const, tab, settings: current, host: hostOf(tab?.frames['0']?.url), problem };
      }
      case 'set-enabled':
        return applied(await settings.update((s) => ({ ...s, enabled: message.enabled })));
      case 'set-site':
        return applied(
          await settings.update((s) => ({
            ...s,
            disabledSites: message.enabled ? s.disabledSites.filter((h) => h !== message.host) : [...new Set([...s.disabledSites, message.host])],
          })),
        );
      case 'set-category':
        return applied(
          await settings.update((s) => ({
            ...s,
            disabledCategories: message.enabled
              ? s.disabledCategories.filter((c) => c !== message.category)
              : [...new Set([...s.disabledCategories, message.category])],
          })),
        );
      case 'set-marks':
        return applied(await settings.update((s) => ({ ...s, marks: message.marks })));
      case 'set-rule-quiet':
        return quietRule(message.ruleId, message.quiet);
      case 'dismiss-problem':
        await settings.dismissProblem();
        return { ok: true as const };
      case 'reveal':
        await api.tabs.sendMessage(message.tabId, { type: 'reveal', itemId: message.itemId }, { frameId: message.frameId });
        return { ok: true as const };
    }
  }

  /**
   * Tells every page with results about new settings, so toggles apply at once. The settings store
   * runs changes one after another; the news goes out in the same order, so pages end on the last.
   */
  let told: Promise<unknown> = Promise.resolve();
  async function applied(next: Settings) {
    cachedSettings = Promise.resolve(next);
    const telling = told.then(() => tellTabs(next));
    told = telling.catch(() => undefined);
    await telling;
    return { ok: true as const, settings: next };
  }

  async function tellTabs(next: Settings) {
    await Promise.all(pending.values()); // results still being stored belong to open pages too
    const stored = await api.storage.session.get(null);
    const tabIds = Object.keys(stored).flatMap((k) => (k.startsWith('tab:') ? [Number(k.slice(4))] : []));
    await Promise.all(
      tabIds.map(async (tabId) => {
        const active = isSiteEnabled(next, hostOf(await topUrl(tabId)));
        // The badge counts what the reader sees: showing all marks, or only the sure ones, changes it.
        const tab = await tabs.get(tabId);
        if (tab && active) await showBadge(tabId, flaggedCount(Object.values(tab.frames), next.marks, next.quietRules));
        // A tab without our content script (closed, navigated away) just misses the news.
        await Promise.resolve()
          .then(() => api.tabs.sendMessage(tabId, { type: 'apply-settings', settings: next, active }))
          .catch(() => undefined);
      }),
    );
  }

  async function showBadge(tabId: number, count: number) {
    await api.action.setBadgeBackgroundColor({ tabId, color: '#b45309' }).catch(() => undefined);
    await api.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => undefined);
  }

  api.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<object>> | undefined => {
    const reply = (work: () => Promise<Reply<object>>) =>
      work().catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }));
    if (fromContent(sender)) {
      const parsed = parseMessage(contentMessageSchema(), raw);
      return reply(async () => (parsed.ok ? onContent(parsed.message, sender) : parsed));
    }
    if (fromPopup(sender)) {
      const parsed = parseMessage(popupMessageSchema(), raw);
      return reply(async () => (parsed.ok ? onPopup(parsed.message) : parsed));
    }
    return undefined;
  });
  // The reader's shortcuts (manifest `commands`, changeable in the browser's shortcut settings):
  // the active tab's top frame moves to the next or previous mark it shows.
  api.commands?.onCommand.addListener((command) => void stepMark(command).catch((e: unknown) => console.warn('[plainsight]', e)));
  async function stepMark(command: string) {
    const direction = COMMAND_STEPS[command];
    if (!direction) return;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // A tab without our content script (a browser page, a page not read) has nothing to move through.
    await api.tabs.sendMessage(tab.id, { type: 'step-mark', direction }, { frameId: 0 }).catch(() => undefined);
  }

  api.tabs.onRemoved.addListener((tabId) =>
    afterReply(tabId, async () => {
      await tabs.forget(tabId);
      await api.storage.session.remove(`article:${tabId}`);
      pending.delete(tabId);
    }),
  );
  // A tab that loads a page, or moves to another address, no longer shows what its results describe.
  // A move within the page (#section) keeps them.
  api.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading' && change.url === undefined) return;
    afterReply(tabId, async () => {
      const shown = (await tabs.get(tabId))?.frames['0']?.url;
      if (shown === undefined || (change.url !== undefined && withoutHash(change.url) === withoutHash(shown))) return;
      await clearTab(tabId);
    });
  });
  // Compile the packs while nothing waits on them, then warm the engine, so pages are answered sooner.
  setTimeout(() => void annotatorReady().then((annotator) => warmUp(annotator), (e: unknown) => console.warn('[plainsight]', e)), 0);
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}
