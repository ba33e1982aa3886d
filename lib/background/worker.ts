import type { Browser, WxtBrowser } from 'wxt/browser';
import {
  type AnnotateMessage,
  type ContentMessage,
  type EngineMessage,
  type PopupMessage,
  type Reply,
  type StepDirection,
  contentMessageSchema,
  engineMessageSchema,
  parseMessage,
  popupMessageSchema,
} from '../messages';
import { type Settings, SettingsStore, isSiteEnabled } from '../settings';
import { flaggedCount } from './summary';
import { STORED_CONTEXT } from './long-text';
import { TabResults } from './tab-results';
import { EngineHost, type FrameRecord, hostOf } from './engine-host';
import { isFromContent, originOf } from './senders';
import { ENGINE_DOCUMENT, EngineDocument } from './engine-document';

/** The manifest's `commands` (wxt.config.ts) and where each moves. */
export const COMMAND_STEPS: Record<string, StepDirection | undefined> = { 'next-mark': 'next', 'previous-mark': 'previous' };

/**
 * The background worker: holds the settings and the per-tab results; has pages annotated, answers
 * the popup, keeps the badge. Every message is validated where it arrives and its sender checked.
 *
 * Where the engine lives: Chrome stops an idle worker after 30 seconds, and a worker started again
 * must compile the packs and run the engine unoptimised before it can answer. Where the browser has
 * offscreen documents (Chrome), the engine lives in one (entrypoints/engine), which stays up while
 * the worker sleeps and answers pages' `annotate` itself; the worker keeps what it reports. Elsewhere
 * (Firefox, whose event page holds the worker) the worker annotates.
 */
export function startBackground(api: WxtBrowser): void {
  const settings = new SettingsStore(api.storage.local);
  const tabs = new TabResults(api.storage.session);
  const extensionOrigin = api.runtime.getURL('');
  const engineDocument = api.offscreen ? new EngineDocument(api) : null;

  const fromContent = (sender: Browser.runtime.MessageSender) => isFromContent(sender, api.runtime.id);
  const fromEngine = (sender: Browser.runtime.MessageSender) => sender.id === api.runtime.id && sender.url === api.runtime.getURL(ENGINE_DOCUMENT);
  const fromPopup = (sender: Browser.runtime.MessageSender) =>
    sender.id === api.runtime.id && (sender.url ?? '').startsWith(extensionOrigin) && !fromEngine(sender);

  // Settings are read once per worker life and kept current by our own writes and by storage events.
  let cachedSettings: Promise<Settings> | null = null;
  const currentSettings = () => (cachedSettings ??= settings.read().then((r) => r.settings));
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !('settings' in changes)) return;
    cachedSettings = null;
    if (engineDocument) void currentSettings().then((next) => engineDocument.tell(next));
  });

  const host = engineDocument
    ? null
    : new EngineHost({
        getURL: (path) => api.runtime.getURL(path as never),
        settings: currentSettings,
        // Session storage keeps a tab's article and address for a worker that was stopped in between.
        storedArticle: async (tabId) => ((await api.storage.session.get(`article:${tabId}`))[`article:${tabId}`] as string | null | undefined) ?? null,
        storedTopUrl: topUrl,
      });

  // Results are stored after the page has its answer (a task later, so the answer leaves first),
  // one write after another per tab.
  const pending = new Map<number, Promise<unknown>>();
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  const afterReply = (tabId: number, work: () => Promise<unknown>) => {
    const next = (pending.get(tabId) ?? Promise.resolve()).then(nextTask).then(work).catch((e: unknown) => console.warn('[plainsight]', e));
    pending.set(tabId, next);
  };

  async function onContent(message: ContentMessage, sender: Browser.runtime.MessageSender) {
    switch (message.type) {
      case 'quiet-rule':
        return quietRule(message.ruleId, true);
      case 'start-engine':
        await engineDocument?.ensure();
        return { ok: true as const };
      case 'annotate':
        return onAnnotate(message, sender);
    }
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

  async function onAnnotate(message: AnnotateMessage, sender: Browser.runtime.MessageSender) {
    const at = originOf(sender);
    // The previous page's results never stand for this one, whatever follows.
    if (at.frameId === 0 && message.article !== null) forgetTab(at.tabId);
    const { reply, record } = await host!.annotate(message, at);
    if (record) afterReply(at.tabId, () => keep(record));
    return reply;
  }

  /** Stores what a frame's answer holds for the popup, updates the badge, and keeps a new page's article. */
  async function keep(record: FrameRecord) {
    const { tabId } = record;
    if (record.isNewPage && engineDocument) await clearTab(tabId);
    const current = await currentSettings();
    const tab = await tabs.record(tabId, record.frameId, record.summary, record.append);
    await showBadge(tabId, flaggedCount(Object.values(tab.frames), current.marks, current.quietRules));
    if (record.article !== undefined) await api.storage.session.set({ [`article:${tabId}`]: record.article.slice(0, STORED_CONTEXT) });
  }

  async function onEngine(message: EngineMessage) {
    if (message.type === 'engine-hello') return { ok: true as const, settings: await currentSettings() };
    afterReply(message.record.tabId, () => keep(message.record));
    return { ok: true as const };
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
    engineDocument?.tell(next);
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
      // Chrome's engine document answers pages' `annotate`.
      if (engineDocument && (raw as { type?: unknown } | null)?.type === 'annotate') return undefined;
      const parsed = parseMessage(contentMessageSchema(), raw);
      return reply(async () => (parsed.ok ? onContent(parsed.message, sender) : parsed));
    }
    if (engineDocument && fromEngine(sender)) {
      const parsed = parseMessage(engineMessageSchema(), raw);
      return reply(async () => (parsed.ok ? onEngine(parsed.message) : parsed));
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
      host?.forget(tabId);
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
  if (engineDocument) void engineDocument.ensure().catch((e: unknown) => console.warn('[plainsight]', e));
  else setTimeout(() => host!.warm(), 0);
}

function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}
