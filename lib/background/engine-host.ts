import type { Annotator, PageAnnotations } from '../engine/annotator';
import type { AnnotateMessage, FrameSummary } from '../messages';
import { defaultAnnotator } from '../rules/default-packs';
import { type Settings, isSiteEnabled } from '../settings';
import { type WireResult, encodeResult } from '../wire';
import { answerEvery, withinLimits } from './long-text';
import { summariseFrame } from './summary';
import { warmUp } from './warm-up';
import type { Origin } from './senders';
import { loadWeightFiles } from './weight-files';

/**
 * Where pages are annotated: the rule packs compiled once, the settings that decide whether a site
 * is read, and each tab's article, the context its comments are read in. The worker holds one in
 * Firefox; in Chrome it lives in a dedicated worker of the engine document (entrypoints/engine), which
 * outlives the service worker, so a page opened after the service worker was stopped is answered by
 * an engine that is compiled and optimised already.
 */

/** What the worker keeps of an answered frame for the popup and the badge. */
export interface FrameRecord {
  tabId: number;
  frameId: number;
  /** The top frame sent an article: a new page, whose results replace the tab's. */
  isNewPage: boolean;
  /** The frame's results add to what it sent before (comments that appeared later). */
  append: boolean;
  summary: FrameSummary;
  /** A new page's article, for the worker to keep as its comments' context. */
  article?: string;
}

export interface EngineAnswer {
  reply: { ok: true; active: boolean; settings: Settings; result: WireResult | null };
  /** Null for a frame below the top on a switched-off site: there is nothing to list. */
  record: FrameRecord | null;
}

/** What a page on a switched-off site leaves for the popup: its address, nothing read. */
const NOTHING_READ: PageAnnotations = { article: null, comments: [], language: { code: '', covered: true } };

/** How many tabs' articles are kept in memory as context for their comments. */
const OPEN_ARTICLES = 32;

export interface EngineHostOptions {
  /** The URL of a file of the extension's package (the weight files). */
  getURL: (path: string) => string;
  settings: () => Promise<Settings>;
  /** A tab's article kept elsewhere (session storage) when this host has none, e.g. after a restart. */
  storedArticle?: (tabId: number) => Promise<string | null>;
  /** A tab's top frame address kept elsewhere, likewise. */
  storedTopUrl?: (tabId: number) => Promise<string | undefined>;
}

export class EngineHost {
  private engine: Promise<Annotator> | undefined;
  private readonly articles = new Map<number, string>();
  /** The top frame's address per tab, for frames whose sender does not carry the tab's. */
  private readonly topUrls = new Map<number, string>();

  constructor(private readonly options: EngineHostOptions) {}

  /**
   * The packs, compiled once after their weight files are fetched from the package; a failed fetch
   * is tried again by the next page rather than remembered.
   */
  ready(): Promise<Annotator> {
    return (this.engine ??= loadWeightFiles(this.options.getURL)
      .then(() => defaultAnnotator())
      .catch((error: unknown) => {
        this.engine = undefined;
        throw error;
      }));
  }

  /** Compiles the packs while nothing waits on them, then runs the engine until V8 has optimised it. */
  warm(): void {
    void this.ready().then(
      (annotator) => warmUp(annotator),
      (e: unknown) => console.warn('[plainsight]', e),
    );
  }

  async annotate(raw: AnnotateMessage, at: Origin): Promise<EngineAnswer> {
    const message = withinLimits(raw);
    // An article starts a new page in the top frame; a message without one adds to its frame.
    const isNewPage = at.frameId === 0 && message.article !== null;
    if (isNewPage) remember(this.articles, at.tabId, message.article!.text);
    if (at.frameId === 0) remember(this.topUrls, at.tabId, at.url);
    const settings = await this.options.settings();
    const top = at.frameId === 0 ? at.url : (at.tabUrl ?? this.topUrls.get(at.tabId) ?? (await this.options.storedTopUrl?.(at.tabId)) ?? at.url);
    if (!isSiteEnabled(settings, hostOf(top))) {
      // Nothing is read here, but the popup still needs the page's address to offer "On this site".
      const record =
        at.frameId === 0 ? { tabId: at.tabId, frameId: 0, isNewPage, append: false, summary: summariseFrame(NOTHING_READ, at.url, 0) } : null;
      return { reply: { ok: true, active: false, settings, result: null }, record };
    }
    const context = message.article?.text ?? this.articles.get(at.tabId) ?? (await this.options.storedArticle?.(at.tabId)) ?? null;
    const annotator = await this.ready();
    const result = answerEvery(annotator.annotatePage(message.article, message.comments, context), raw.comments);
    const record: FrameRecord = {
      tabId: at.tabId,
      frameId: at.frameId,
      isNewPage,
      append: !isNewPage && (at.frameId === 0 || message.firstComment > 0),
      summary: summariseFrame(result, at.url, message.firstComment, message.notes),
      ...(isNewPage && { article: message.article!.text }),
    };
    return { reply: { ok: true, active: true, settings, result: encodeResult(result) }, record };
  }

  /** A closed tab's article and address are dropped. */
  forget(tabId: number): void {
    this.articles.delete(tabId);
    this.topUrls.delete(tabId);
  }

}

/** Sets a tab's entry as the newest, dropping the oldest past `OPEN_ARTICLES` tabs. */
function remember<V>(map: Map<number, V>, tabId: number, value: V): void {
  map.delete(tabId);
  map.set(tabId, value);
  if (map.size > OPEN_ARTICLES) map.delete(map.keys().next().value!);
}

export function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}
