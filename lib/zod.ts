import { z } from 'zod';

// zod 4 probes `new Function('')` at start-up to pick its fast path; an extension page's CSP
// forbids that and `web-ext lint` reports it as DANGEROUS_EVAL. Every module imports z from here.
z.config({ jitless: true });

export { z };
