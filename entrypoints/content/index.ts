import './highlights.css';
import { followPage } from '@/lib/page/follow-page';
import { type PageApp, startWhenNeeded } from '@/lib/page/start-when-needed';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  // The context WXT passes is our silent stand-in (see page-safe-context.ts), and unused.
  main() {
    const isTop = window.top === window;
    let app: Promise<PageApp> | undefined;
    // Loaded once, and only where a page needs it; a module imported here runs in the content script's
    // world. `chrome.runtime` rather than `wxt/browser`: webextension-polyfill would make this script
    // 16 kB instead of 6, and both browsers give content scripts a synchronous `chrome.runtime`. The
    // import's argument is spelt out, as Mozilla's linter wants it (`import(chrome.runtime.getURL(…))`).
    const loadApp = () => (app ??= import(/* @vite-ignore */ chrome.runtime!.getURL('/page-app.js')).then((m: { default: PageApp }) => m.default));
    followPage(window, () => startWhenNeeded(document, isTop, loadApp), () => !chrome.runtime?.id);
  },
});

/** What this script uses of the extension API, which both browsers give content scripts as `chrome`. */
declare const chrome: { runtime?: { id?: string; getURL(path: string): string } };
