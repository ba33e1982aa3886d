import { startContent } from '@/lib/page/content-app';
import { extensionBridge } from '@/lib/page/extension-bridge';
import type { PageApp } from '@/lib/page/start-when-needed';

// The app the content script loads only on pages with something to do (lib/page/start-when-needed.ts);
// built as an ES module (wxt.config.ts) whose default export is what main returns.
export default defineUnlistedScript({
  globalName: false,
  main: (): PageApp => ({ start: (doc, isTopFrame, precheckMs) => startContent(doc, extensionBridge, isTopFrame, precheckMs) }),
});
