import type { Browser, WxtBrowser } from 'wxt/browser';
import { type AnnotateReply, contentMessageSchema, engineSettingsSchema, parseMessage } from '../messages';
import type { Settings } from '../settings';
import { isFromContent, originOf } from './senders';
import type { EngineRequest, EngineResponse } from './engine-worker';

/**
 * Chrome's engine document (an offscreen document the worker creates, see engine-document.ts):
 * answers pages' `annotate` messages with its dedicated worker's engine, and reports each answered
 * frame to the service worker, which keeps the popup's lists and the badge. Every message is
 * validated here and its sender checked, as the worker does.
 */
export function startEnginePage(api: WxtBrowser, engine: Worker): void {
  const waiting = new Map<number, (response: EngineResponse) => void>();
  let nextId = 0;
  engine.addEventListener('message', (event: MessageEvent<EngineResponse>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  });
  const post = (request: EngineRequest) => engine.postMessage(request);
  const useSettings = (settings: Settings) => post({ type: 'settings', settings });

  const fromContent = (sender: Browser.runtime.MessageSender) => isFromContent(sender, api.runtime.id);
  // The service worker's messages come from the package, about no tab.
  const fromWorker = (sender: Browser.runtime.MessageSender) =>
    sender.id === api.runtime.id && sender.tab === undefined && (sender.url ?? '').startsWith(api.runtime.getURL('' as never));

  api.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender): Promise<AnnotateReply> | undefined => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (fromWorker(sender) && type === 'engine-settings') {
      const parsed = parseMessage(engineSettingsSchema(), raw);
      if (parsed.ok) useSettings(parsed.message.settings);
      else console.warn('[plainsight]', parsed.error);
      return undefined;
    }
    // Pages' other messages (settings, "Not useful") are the worker's to answer.
    if (!fromContent(sender) || type !== 'annotate') return undefined;
    const parsed = parseMessage(contentMessageSchema(), raw);
    if (!parsed.ok) return Promise.resolve(parsed);
    if (parsed.message.type !== 'annotate') return undefined;
    const at = originOf(sender);
    const id = nextId++;
    const answered = new Promise<EngineResponse>((resolve) => waiting.set(id, resolve));
    post({ type: 'annotate', id, message: parsed.message, at });
    return answered.then((response) => {
      if ('error' in response) return { ok: false as const, error: response.error };
      const { reply, record } = response.answer;
      // The page has its answer first; the worker then keeps what the popup and the badge show.
      if (record) setTimeout(() => void api.runtime.sendMessage({ type: 'engine-record', record }).catch((e: unknown) => console.warn('[plainsight]', e)), 0);
      return reply;
    });
  });

  // The settings, from the worker that created this document (asked again until it answers: pages
  // wait for them); later versions come as they change.
  const hello = (delay: number) =>
    void api.runtime
      .sendMessage({ type: 'engine-hello' })
      .then((answer: { settings?: unknown } | undefined) => {
        const parsed = parseMessage(engineSettingsSchema(), { type: 'engine-settings', settings: answer?.settings });
        if (!parsed.ok) throw new Error(`the worker sent no usable settings: ${parsed.error}`);
        useSettings(parsed.message.settings);
      })
      .catch((e: unknown) => {
        console.warn('[plainsight]', e);
        setTimeout(() => hello(Math.min(delay * 2, 30_000)), delay);
      });
  hello(500);
}
