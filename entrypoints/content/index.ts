import './highlights.css';
import { annotateInPage } from '@/lib/page/annotate-in-page';
import { defaultAnnotator } from '@/lib/rules/default-packs';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const cleanup = annotateInPage(document, defaultAnnotator());
    ctx.onInvalidated(cleanup);
  },
});
