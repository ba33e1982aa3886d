import type { WxtBrowser } from 'wxt/browser';
import type { Settings } from '../settings';

/** The engine document's page in the package (entrypoints/engine, built for Chrome only). */
export const ENGINE_DOCUMENT = '/engine.html';

/**
 * The worker's handle on Chrome's engine document: an offscreen document, which Chrome keeps while
 * the worker sleeps, whose dedicated worker holds the compiled engine (see engine-host.ts). The
 * worker makes sure it exists when it starts and when a page found nobody to answer, and tells it
 * each new version of the settings.
 */
export class EngineDocument {
  private creating: Promise<void> | undefined;

  constructor(private readonly api: WxtBrowser) {}

  /** Creates the document unless it is up; two callers at once share one creation. */
  ensure(): Promise<void> {
    return (this.creating ??= this.create().finally(() => (this.creating = undefined)));
  }

  private async create(): Promise<void> {
    const url = this.api.runtime.getURL(ENGINE_DOCUMENT as never);
    const open = await this.api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    if (open.length > 0) return;
    await this.api.offscreen.createDocument({
      url,
      reasons: ['WORKERS'],
      justification: 'Runs the annotation engine in a worker that stays compiled while the service worker sleeps, so pages are annotated without waiting for a restart.',
    });
  }

  /** Sends new settings; a document not up yet asks for them when it starts. */
  tell(settings: Settings): void {
    void Promise.resolve()
      .then(() => this.api.runtime.sendMessage({ type: 'engine-settings', settings }))
      .catch(() => undefined);
  }
}
