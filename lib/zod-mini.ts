import * as z from 'zod/mini';

// The content script runs on every page, so the schemas it shares (messages, settings) use
// zod/mini, which tree-shakes to a few kilobytes. English messages make rejections readable;
// `jitless` avoids zod's `new Function` probe, which extension CSPs forbid. Both are set when the
// first schema is built, not when the script loads.
let configured = false;

/**
 * A schema built the first time it is asked for. Building zod schemas costs a few milliseconds,
 * and the content script is loaded on every page, most of which never exchange a message.
 */
export function onFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    if (!configured) {
      z.config({ ...z.locales.en(), jitless: true });
      configured = true;
    }
    return (built ??= build());
  };
}

export { z };
