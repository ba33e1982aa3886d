import * as z from 'zod/mini';

// The content script runs on every page, so the schemas it shares (messages, settings) use
// zod/mini, which tree-shakes to a few kilobytes. English messages make rejections readable;
// `jitless` avoids zod's `new Function` probe, which extension CSPs forbid.
z.config({ ...z.locales.en(), jitless: true });

export { z };
