import { browser } from 'wxt/browser';
import { startBackground } from '@/lib/background/worker';

export default defineBackground(() => startBackground(browser));
