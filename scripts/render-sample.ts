import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { wordpressPage } from '../tests/fixtures/layouts';
import { readSeed } from '../tests/fixtures/seed';

/**
 * Writes the sample page `npm start` annotates: the seed article and its reader comments
 * (`../shared/seed/space-race.txt`) laid out as a WordPress post with native comments.
 */
const out = process.argv[2] ?? '.output/samples/space-race.html';
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, wordpressPage(readSeed()));
console.error(`sample page written to ${out}`);
