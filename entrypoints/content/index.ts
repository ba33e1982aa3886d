import './highlights.css';
import { browser } from 'wxt/browser';
import { whenSettled } from '@/lib/page/after-navigation';
import { type ContentBridge, startContent } from '@/lib/page/content-app';

const bridge: ContentBridge = {
  send: (message) => browser.runtime.sendMessage(message),
  listen(listener) {
    const handler = (message: unknown) => void listener(message);
    browser.runtime.onMessage.addListener(handler);
    return () => browser.runtime.onMessage.removeListener(handler);
  },
};

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main(ctx) {
    const isTop = window.top === window;
    let app = startContent(document, bridge, isTop);
    let pending: (() => void) | undefined;
    // A single-page site moved to another article: the old marks go, the new article is read once it has rendered.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      app.destroy();
      pending?.();
      pending = whenSettled(document, () => (app = startContent(document, bridge, isTop)));
    });
    ctx.onInvalidated(() => {
      pending?.();
      app.destroy();
    });
  },
});
