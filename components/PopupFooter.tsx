import './PopupFooter.css';
import { browser } from 'wxt/browser';
import type { TabSummary } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { ExportButton } from './ExportButton';

/** The popup's last line: the export of the page's marks, and the way to every setting. */
export function PopupFooter({ tab, settings }: { tab: TabSummary | null; settings: Settings }) {
  const openOptions = (event: Event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage().then(() => window.close());
  };
  return (
    <footer class="popup-footer">
      <ExportButton tab={tab} settings={settings} />
      <a href="/options.html" target="_blank" onClick={openOptions}>
        All settings…
      </a>
    </footer>
  );
}
