/**
 * Stands in for WXT's `ContentScriptContext`: wxt.config.ts points `wxt/utils/content-script-context`
 * here. WXT's context (wxt 0.21, node_modules/wxt/dist/utils/content-script-context.mjs) announces
 * every content script to the page with `window.postMessage` and a `document` event named
 * `<extension id>:content:wxt:content-script-started`, telling any page the extension's id, and it
 * tears the script down when the page dispatches that event itself. This one says nothing to the
 * page and listens to nothing in it; our lifecycle lives in lib/page/follow-page.ts.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }
}
