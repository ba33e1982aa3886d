import { observeAdditions } from './comment-observer';

/**
 * A single-page site changes article through `history.pushState` and renders the new one a
 * moment later. Waits until the page has been quiet for `quietMs` (or `maxMs` have passed), so
 * the finders read the new article rather than the old one half-replaced.
 */
export function whenSettled(doc: Document, run: () => void, quietMs = 300, maxMs = 3_000): () => void {
  const view = doc.defaultView!;
  let quiet = view.setTimeout(finish, quietMs);
  const cap = view.setTimeout(finish, maxMs);
  const watcher = observeAdditions(doc.body ?? doc.documentElement, () => {
    view.clearTimeout(quiet);
    quiet = view.setTimeout(finish, quietMs);
  }, 0);
  let done = false;
  function finish() {
    if (done) return;
    cancel();
    run();
  }
  function cancel() {
    done = true;
    view.clearTimeout(quiet);
    view.clearTimeout(cap);
    watcher.disconnect();
  }
  return cancel;
}
