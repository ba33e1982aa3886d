import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * The built extension loaded into Debian's Chromium or Firefox ESR, driven by puppeteer-core
 * (see ../shared/docs/browser-testing.md for what works on these machines).
 */
export type BrowserName = 'chromium' | 'firefox';

export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** `runtime.id` as the content script sees it: the host of Chromium's extension URLs, the gecko id in Firefox. */
  extensionId: string;
  /** The popup page as an ordinary tab, about the tab `tabId`. */
  openPopup(tabId: number): Promise<Page>;
  /** URLs the extension's own contexts (worker, popup) requested, where the browser lets us see them. */
  extensionRequests: string[];
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUILDS: Record<BrowserName, string> = {
  chromium: join(ROOT, '.output/chrome-mv3'),
  firefox: join(ROOT, '.output/firefox-mv3'),
};
export const EXECUTABLES: Record<BrowserName, string> = {
  chromium: '/usr/bin/chromium',
  firefox: '/usr/bin/firefox-esr',
};
const GECKO_ID = 'plainsight@plainsight.invalid';
const FIREFOX_UUID = '6f1e8e2a-3c1b-4d1e-9a59-5e7b0c2a9d41';

export async function launchWithExtension(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

async function launchChromium(): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    pipe: true,
    enableExtensions: [BUILDS.chromium],
    userDataDir: mkdtempSync(join(tmpdir(), 'plainsight-chromium-')),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
  const id = new URL(worker.url()).host;
  const extensionRequests: string[] = [];
  const session = await worker.createCDPSession();
  await session.send('Network.enable');
  session.on('Network.requestWillBeSent', (event) => extensionRequests.push(event.request.url));
  return {
    name: 'chromium',
    browser,
    extensionId: id,
    extensionRequests,
    async openPopup(tabId) {
      const page = await browser.newPage();
      page.on('request', (r) => extensionRequests.push(r.url()));
      await page.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
      await page.waitForSelector('main.popup:not([aria-busy])');
      return page;
    },
    close: () => browser.close(),
  };
}

async function launchFirefox(): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }) },
  });
  await browser.installExtension(BUILDS.firefox);
  const extensionRequests: string[] = [];
  return {
    name: 'firefox',
    browser,
    extensionId: GECKO_ID,
    extensionRequests,
    async openPopup(tabId) {
      const page = await browser.newPage();
      page.on('request', (r) => extensionRequests.push(r.url()));
      // With --remote-allow-system-access, `goto` on an extension page never resolves: start it and wait for the page.
      void page.goto(`moz-extension://${FIREFOX_UUID}/popup.html?tab=${tabId}`).catch(() => undefined);
      await untilSelector(page, 'main.popup:not([aria-busy])');
      return page;
    },
    close: () => browser.close(),
  };
}

/** The highlights named `plainsight-*` in a page or frame's registry, as the text of their ranges. */
export async function readHighlights(frame: Pick<Page, 'evaluate'>): Promise<Record<string, string[]>> {
  return frame.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Highlight>) {
      if (!name.startsWith('plainsight-')) continue;
      out[name] = [...(highlight as unknown as Set<AbstractRange>)].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    }
    return out;
  });
}

/**
 * Runs `read` on the shadow root of the first `host` element, closed ones included, and returns its
 * result (JSON-serialisable). A page cannot reach a closed root; a test can, through the browser's
 * own protocol: CDP's DOM domain pierces it in Chromium, and WebDriver BiDi serialises it
 * (`includeShadowTree: 'all'`) in Firefox. Returns null when there is no such host.
 */
export async function inClosedShadow<T>(page: Page, host: string, read: (root: ShadowRoot) => T): Promise<T | null> {
  const call = `function (root) { return JSON.stringify((${read.toString()})(root ?? this)); }`;
  if ((page.browser() as unknown as { protocol: string }).protocol === 'cdp') {
    type Node = { localName?: string; backendNodeId: number; children?: Node[]; shadowRoots?: Node[]; contentDocument?: Node };
    const find = (node: Node): Node | undefined =>
      node.localName === host ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
    const cdp = await page.createCDPSession();
    try {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: Node };
      const shadow = find(root)?.shadowRoots?.[0];
      if (!shadow) return null;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: call, returnByValue: true });
      return JSON.parse(result.value as string) as T;
    } finally {
      await cdp.detach();
    }
  }
  // puppeteer-core keeps the BiDi realm of a frame on `browsingContext.defaultRealm`, whose `callFunction` passes options through.
  type Realm = { callFunction(fn: string, awaitPromise: boolean, options: object): Promise<{ result: { value?: unknown } }> };
  const realm = (page.mainFrame() as unknown as { browsingContext: { defaultRealm: Realm } }).browsingContext.defaultRealm;
  const found = (await realm.callFunction(`() => document.querySelector(${JSON.stringify(host)})`, false, {
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    resultOwnership: 'none',
  })) as unknown as { result: { value?: { shadowRoot?: { sharedId?: string } | null } } };
  const sharedId = found.result.value?.shadowRoot?.sharedId;
  if (!sharedId) return null;
  const { result } = await realm.callFunction(call, false, { arguments: [{ sharedId }], resultOwnership: 'none' });
  return JSON.parse(result.value as string) as T;
}

/** `waitForSelector` over WebDriver BiDi fails while an extension page is still loading; poll instead. */
async function untilSelector(page: Page, selector: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await page.$(selector).catch(() => null);
    if (found) return;
    if (Date.now() > deadline) throw new Error(`no ${selector} in ${page.url()} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The id of the tab showing `url`, asked from an extension page (the popup opened about no tab). */
export async function tabIdOf(popup: Page, url: string): Promise<number> {
  return popup.evaluate(async (u) => {
    type Tab = { id?: number; url?: string };
    type Tabs = { query(q: object): Promise<Tab[]>; getCurrent(): Promise<Tab | undefined> };
    const g = globalThis as unknown as { browser?: { tabs: Tabs }; chrome: { tabs: Tabs } };
    const api = g.browser ?? g.chrome;
    const tabs = await api.tabs.query({});
    const self = await api.tabs.getCurrent();
    const candidates = tabs.filter((t) => t.id !== self?.id && (t.url === undefined || t.url === u));
    return candidates.at(-1)?.id ?? -1;
  }, url);
}

/** Scrolls the `nth` painted range of `highlight` reading `text` into view; a point on it, or null when there is none. */
export async function pointOnHighlight(page: Pick<Page, 'evaluate'>, highlight: string, text: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    (name, wanted, n) => {
      const ranges = CSS.highlights.get(name) as unknown as Set<Range> | undefined;
      const range = [...(ranges ?? [])].filter((r) => r.toString() === wanted)[n];
      if (!range) return null;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 4, y: rect.top + rect.height / 2 };
    },
    highlight,
    text,
    nth,
  );
}

/**
 * Chromium with the extension and nothing attached to its service worker, so the worker can be
 * stopped and started again as Chrome does after 30 idle seconds (a worker restarted under an
 * attached debugger waits for it).
 */
export async function launchChromiumUnwatched(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    pipe: true,
    enableExtensions: [BUILDS.chromium],
    userDataDir: mkdtempSync(join(tmpdir(), 'plainsight-unwatched-')),
    targetFilter: (target) => target.type() !== 'service_worker',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Stops the extension's service worker through the DevTools protocol of a page in the extension's
 * origin (its manifest, which sends the worker nothing), and waits until it has stopped.
 */
export async function stopServiceWorker(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(`chrome-extension://${unpackedExtensionId(BUILDS.chromium)}/manifest.json`);
    const session = await page.createCDPSession();
    const stopped = new Promise<void>((resolve) =>
      session.on('ServiceWorker.workerVersionUpdated', (e) => {
        if (e.versions.some((v) => v.runningStatus === 'stopped')) resolve();
      }),
    );
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 3_000))]);
  } finally {
    await page.close();
  }
}

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits as a–p. */
export function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}
