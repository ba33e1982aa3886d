// The background worker will hold rule packs, settings and per-tab results (issue #3); until then
// the content script annotates on its own and the worker only has to exist for the manifest.
export default defineBackground(() => {});
