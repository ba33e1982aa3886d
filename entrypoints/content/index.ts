import './highlights.css';
import { browser } from 'wxt/browser';
import { startContent } from '@/lib/page/content-app';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main(ctx) {
    const app = startContent(
      document,
      {
        send: (message) => browser.runtime.sendMessage(message),
        listen(listener) {
          const handler = (message: unknown) => void listener(message);
          browser.runtime.onMessage.addListener(handler);
          return () => browser.runtime.onMessage.removeListener(handler);
        },
      },
      window.top === window,
    );
    ctx.onInvalidated(() => app.destroy());
  },
});
