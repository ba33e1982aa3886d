import './popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import type { PopupMessage } from '@/lib/messages';
import { loadTabState, popupTabId } from '@/lib/popup-client';

async function main() {
  const tabId = await popupTabId(browser, location.search);
  const send = (message: PopupMessage): Promise<unknown> => browser.runtime.sendMessage(message);
  render(<Popup tabId={tabId} send={send} load={() => loadTabState(send, tabId)} />, document.getElementById('app')!);
}

void main();
