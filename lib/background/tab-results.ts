import type { StorageArea } from '../settings';
import { type FrameSummary, type TabSummary, tabSummarySchema } from '../messages';
import { appendComments, compactFrame, countsOnly } from './summary';

/**
 * Results per tab, kept in session storage so they outlive the MV3 worker being stopped (they go
 * with the browser session, as a tab does). A value that fails validation is dropped, not trusted.
 */
export class TabResults {
  constructor(private readonly area: StorageArea) {}

  async get(tabId: number): Promise<TabSummary | null> {
    const key = keyOf(tabId);
    const raw = (await this.area.get(key))[key];
    if (raw === undefined) return null;
    const parsed = tabSummarySchema().safeParse(raw);
    if (parsed.success) return parsed.data;
    console.warn(`[plainsight] dropped corrupt results of tab ${tabId}`);
    await this.area.remove(key);
    return null;
  }

  /**
   * Records a frame's result, kept small (see compactFrame); a new page in the top frame starts the
   * tab afresh. Returns what was stored.
   */
  async record(tabId: number, frameId: number, summary: FrameSummary, append: boolean): Promise<TabSummary> {
    const current = frameId === 0 && !append ? null : await this.get(tabId);
    const frames = { ...(current?.frames ?? {}) };
    const previous = frames[String(frameId)];
    frames[String(frameId)] = compactFrame(append && previous ? appendComments(previous, summary) : summary);
    return this.store(tabId, { frames });
  }

  /**
   * A write that fails (over the storage quota) must not leave the previous page's results in
   * place: they are cleared, and the results' numbers alone stored instead, if those fit.
   */
  private async store(tabId: number, tab: TabSummary): Promise<TabSummary> {
    const key = keyOf(tabId);
    try {
      await this.area.set({ [key]: tab });
      return tab;
    } catch (error) {
      console.warn(`[plainsight] results of tab ${tabId} not stored in full:`, error);
      await this.area.remove(key);
      const small = { frames: Object.fromEntries(Object.entries(tab.frames).map(([id, f]) => [id, countsOnly(f)])) };
      try {
        await this.area.set({ [key]: small });
        return small;
      } catch {
        return { frames: {} };
      }
    }
  }

  async forget(tabId: number): Promise<void> {
    await this.area.remove(keyOf(tabId));
  }
}

function keyOf(tabId: number): string {
  return `tab:${tabId}`;
}
