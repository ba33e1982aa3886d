import './highlights.css';
import { browser } from 'wxt/browser';
import { type ContentBridge, startContent } from '@/lib/page/content-app';
import { followPage } from '@/lib/page/follow-page';

const bridge: ContentBridge = {
  async send(message) {
    const reply = await browser.runtime.sendMessage(message);
    if (reply !== undefined || message.type !== 'annotate') return reply;
    // Nobody answered: in Chrome the engine document is not up yet (just installed, or closed), and the worker starts it.
    await browser.runtime.sendMessage({ type: 'start-engine' });
    return browser.runtime.sendMessage(message);
  },
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
  // The context WXT passes is our silent stand-in (see page-safe-context.ts), and unused.
  main() {
    const isTop = window.top === window;
    followPage(window, () => startContent(document, bridge, isTop), () => !browser.runtime?.id);
  },
});
