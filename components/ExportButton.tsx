import { browser } from 'wxt/browser';
import type { TabSummary } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { annotationFile, tabToAnnotations } from '@/lib/web-annotation';

/**
 * "Export marks (JSON)": the tab's marks the reader sees, as a W3C Web Annotation collection,
 * saved through a Blob URL and an `<a download>` (no `downloads` permission needed).
 */
export function ExportButton({ tab, settings }: { tab: TabSummary | null; settings: Settings }) {
  const url = tab?.frames['0']?.url;
  if (!tab || !url) return null;
  const save = () => {
    const file = annotationFile(tabToAnnotations(tab, { settings, version: browser.runtime.getManifest?.().version }), url);
    const href = URL.createObjectURL(new Blob([file.json], { type: 'application/ld+json' }));
    const link = Object.assign(document.createElement('a'), { href, download: file.name });
    document.body.append(link);
    link.click();
    link.remove();
    // Firefox starts the download after the click returns: free the URL a little later.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };
  return (
    <p class="export">
      <button type="button" name="export" onClick={save}>
        Export marks (JSON)
      </button>
    </p>
  );
}
