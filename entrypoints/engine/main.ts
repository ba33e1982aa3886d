import { browser } from 'wxt/browser';
import { startEnginePage } from '@/lib/background/engine-page';
import EngineWorker from '@/lib/background/engine-worker?worker';

// The engine runs in a dedicated worker, so that compiling the packs and annotating never block this document's messaging.
startEnginePage(browser, new EngineWorker());
