import type { AnnotateMessage } from '../messages';
import type { Settings } from '../settings';
import { EngineHost, type EngineAnswer } from './engine-host';
import type { Origin } from './senders';

/**
 * The dedicated worker of Chrome's engine document: holds the engine (engine-host.ts) for as long as
 * the document stays up. Its document hands it validated `annotate` messages and the settings.
 */

export type EngineRequest =
  | { type: 'settings'; settings: Settings }
  | { type: 'annotate'; id: number; message: AnnotateMessage; at: Origin };
export type EngineResponse = { id: number; answer: EngineAnswer } | { id: number; error: string };

let settingsNow: Settings | undefined;
let settingsArrived: (settings: Settings) => void;
const firstSettings = new Promise<Settings>((resolve) => (settingsArrived = resolve));

const host = new EngineHost({
  // A worker of an extension page has no extension APIs; its origin is the package's.
  getURL: (path) => new URL(path, self.location.origin).href,
  settings: async () => settingsNow ?? firstSettings,
});

self.addEventListener('message', (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  if (request.type === 'settings') {
    settingsNow = request.settings;
    settingsArrived(request.settings);
    return;
  }
  host.annotate(request.message, request.at).then(
    (answer) => self.postMessage({ id: request.id, answer } satisfies EngineResponse),
    (error: unknown) => self.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies EngineResponse),
  );
});

host.warm();
