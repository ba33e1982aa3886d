import type { Browser } from 'wxt/browser';

/** Who sent a message, for the worker and for Chrome's engine document alike. */

/** Where a message came from: its tab and frame, the frame's address and, when the browser says, the tab's. */
export interface Origin {
  tabId: number;
  frameId: number;
  url: string;
  tabUrl?: string;
}

/** A message from our content script in a web page (not from another extension, nor from a page of ours). */
export function isFromContent(sender: Browser.runtime.MessageSender, runtimeId: string): boolean {
  return sender.id === runtimeId && sender.tab?.id !== undefined && /^https?:/.test(sender.url ?? '');
}

/** Where a content script's message came from (`isFromContent` holds). */
export function originOf(sender: Browser.runtime.MessageSender): Origin {
  return { tabId: sender.tab!.id!, frameId: sender.frameId ?? 0, url: sender.url ?? '', ...(sender.tab?.url && { tabUrl: sender.tab.url }) };
}
