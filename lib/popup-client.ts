import type { WxtBrowser } from 'wxt/browser';
import type { TabState } from '@/components/Popup';
import { tabSummarySchema, type PopupMessage } from './messages';
import { settingsSchema } from './settings';
import { onFirstUse, z } from './zod-mini';

/**
 * The popup's side of the protocol: which tab it is about (the active one, or `?tab=<id>` when the
 * popup is opened as a page) and the checked reply to `get-tab`.
 */

const tabReplySchema = onFirstUse(() =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), tab: z.nullable(tabSummarySchema()), settings: settingsSchema(), host: z.string(), problem: z.nullable(z.string()) }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]),
);

export async function popupTabId(api: WxtBrowser, search: string): Promise<number> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? -1;
}

export async function loadTabState(send: (message: PopupMessage) => Promise<unknown>, tabId: number): Promise<TabState> {
  const parsed = tabReplySchema().safeParse(await send({ type: 'get-tab', tabId }));
  if (!parsed.success) throw new Error(`unexpected reply from the background worker: ${parsed.error.issues[0]?.message}`);
  if (!parsed.data.ok) throw new Error(parsed.data.error);
  const { tab, settings, host, problem } = parsed.data;
  return { tab, settings, host, problem };
}
