import '../popup/popup.css';
import './options.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '@/components/OptionsPage';
import type { PopupMessage } from '@/lib/messages';
import { loadTabState } from '@/lib/popup-client';

function main() {
  const send = (message: PopupMessage): Promise<unknown> => browser.runtime.sendMessage(message);
  // The settings come with `get-tab` about no tab; a change made in the popup meanwhile shows here too.
  const load = () => loadTabState(send, -1).then(({ settings, problem }) => ({ settings, problem }));
  const subscribe = (changed: () => void) => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'settings' in changes) changed();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  };
  render(<OptionsPage send={send} load={load} subscribe={subscribe} />, document.getElementById('app')!);
}

main();
