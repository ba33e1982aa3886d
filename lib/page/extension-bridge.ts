import { browser } from 'wxt/browser';
import type { ContentBridge } from './content-app';

/**
 * The content app's line to the extension: messages to the engine and the worker, and theirs back.
 * An `annotate` nobody answers means Chrome's engine document is not up yet (just installed, or
 * closed): the worker is asked to start it and the message is sent again.
 */
export const extensionBridge: ContentBridge = {
  async send(message) {
    const reply = await browser.runtime.sendMessage(message);
    if (reply !== undefined || message.type !== 'annotate') return reply;
    await browser.runtime.sendMessage({ type: 'start-engine' });
    return browser.runtime.sendMessage(message);
  },
  listen(listener) {
    const handler = (message: unknown) => void listener(message);
    browser.runtime.onMessage.addListener(handler);
    return () => browser.runtime.onMessage.removeListener(handler);
  },
};
