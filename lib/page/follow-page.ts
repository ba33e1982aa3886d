import { whenSettled } from './after-navigation';
import type { ContentApp } from './content-app';

/**
 * The content script's lifecycle, built on nothing the page can forge. WXT's context signals it
 * with events in the page's own DOM (`<id>:content:wxt:content-script-started`,
 * `wxt:locationchange`), which any page script can dispatch to tear the script down or keep its
 * marks off. Here the address is compared every `everyMs` instead (a string comparison), and the
 * app is stopped when the extension is gone (`isCutOff`: Chromium leaves the old script running,
 * cut off from the extension, after an update or reload).
 */
export function followPage(view: Window, start: () => ContentApp, isCutOff: () => boolean, everyMs = 500): () => void {
  const doc = view.document;
  let app = start();
  let url = view.location.href;
  let pending: (() => void) | undefined;
  const stop = () => {
    view.clearInterval(timer);
    pending?.();
    app.destroy();
  };
  const timer = view.setInterval(() => {
    try {
      if (isCutOff()) return stop();
      if (view.location.href === url) return;
      url = view.location.href;
      // A single-page site moved to another article: the old marks go, the new article is read once it has rendered.
      app.destroy();
      pending?.();
      pending = whenSettled(doc, () => (app = start()));
    } catch (error) {
      console.warn('[plainsight]', error instanceof Error ? error.message : error);
    }
  }, everyMs);
  return stop;
}
