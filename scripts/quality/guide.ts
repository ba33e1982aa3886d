import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Annotator } from '../../lib/engine/annotator';

/**
 * The examples the annotation guide gives for the seed article and its comments
 * (`../shared/docs/annotation-guide.md`), as checks the benchmark counts: each must be found.
 */

export const SEED_PATH = fileURLToPath(new URL('../../../shared/seed/space-race.txt', import.meta.url));

type Check = { what: string; found: (r: SeedResult) => boolean };

interface SeedResult {
  text: string;
  annotations: ReturnType<Annotator['annotateArticle']>;
  comments: ReturnType<Annotator['annotateComments']>;
}

/** A span of `category` covering `cue` (both ends inside the cue's sentence neighbourhood). */
const marks = (category: string, cue: string): Check => ({
  what: `${category}: ${cue}`,
  found: ({ text, annotations }) => {
    const at = text.indexOf(cue.split(' … ')[0]!);
    const last = cue.split(' … ').at(-1)!;
    const end = text.indexOf(last, at) + last.length;
    return at >= 0 && annotations.some((a) => a.category === category && a.start < end && a.end > at);
  },
});

const claim = (cue: string, sourcing?: string): Check => ({
  what: `claim${sourcing ? ` (${sourcing})` : ''}: ${cue}`,
  found: ({ text, annotations }) => {
    const at = text.indexOf(cue);
    return at >= 0 && annotations.some((a) => a.kind === 'claim' && a.start <= at + cue.length && a.end >= at && (!sourcing || a.sourcing === sourcing));
  },
});

const notClaim = (cue: string): Check => ({
  what: `no claim: ${cue}`,
  found: ({ text, annotations }) => {
    const at = text.indexOf(cue);
    return at >= 0 && !annotations.some((a) => a.kind === 'claim' && a.start < at + cue.length && a.end > at);
  },
});

const flag = (opening: string, flags: string[]): Check => ({
  what: `comment ${flags.length ? flags.join('+') : 'no flag'}: ${opening}`,
  found: ({ comments }) => {
    const c = comments.find((x) => x.text.startsWith(opening));
    if (!c) return false;
    const got = new Set(c.flags.map((f) => f.category));
    return flags.length === 0 ? got.size === 0 : flags.every((f) => got.has(f as never));
  },
});

export const GUIDE_CHECKS: Check[] = [
  claim('Russia withdrew from the American lunar project Deep Space Gateway'),
  claim('the most reliable way of reaching space are Russian launch vehicles'),
  claim('Roskosmos Chief Dmitry Rogozin', 'attributed'),
  claim('Russia and Beijing are working rapidly', 'vague'),
  notClaim('Washington has proven itself as a disloyal partner'),
  marks('loaded-language', 'sitting idly'),
  marks('loaded-language', '‘civil’'),
  marks('loaded-language', '“democratic will”'),
  marks('name-calling', 'disloyal partner'),
  marks('exaggeration', 'constant accusations'),
  marks('exaggeration', 'the loudest claims'),
  marks('doubt', 'Even if the US statements … were true'),
  marks('doubt', 'how can it even be considered that'),
  marks('appeal-to-fear', 'every nation’s space infrastructure is under threat'),
  marks('causal-oversimplification', 'as a result of the constant accusations … Russia withdrew'),
  marks('whataboutism', 'While spreading the loudest claims … specifically that'),
  flag('The US a$$holes', ['insult']),
  flag('Hyperinflation will kill the Yankees', ['dehumanizing']),
  flag('Elon Musk’s projects are either cancelled', ['conspiracy']),
  flag('As of end 2019 the cost', ['unsourced-figure']),
  flag('Whole world needs to work together', []),
];

/** Splits the seed file into the article text and the comments (author line, then the comment). */
export function readSeedFile(): { text: string; comments: { author: string; text: string }[] } {
  const raw = readFileSync(SEED_PATH, 'utf8');
  const [articlePart = '', ...commentParts] = raw.split(/\n[ \t]*\n[ \t]*\n/);
  const blocks = (s: string) => s.split(/\n[ \t]*\n/).map((b) => b.trim()).filter(Boolean);
  const text = blocks(articlePart).slice(1).join('\n\n');
  const comments: { author: string; text: string }[] = [];
  let author = '';
  for (const block of blocks(commentParts.join('\n\n'))) {
    if (block.split(/\s+/).length <= 4 && !/[.!?:;,…"”’)]$/.test(block)) author = block;
    else {
      comments.push({ author, text: block });
      author = '';
    }
  }
  return { text, comments };
}

export function runGuide(annotator: Annotator): { what: string; ok: boolean }[] {
  const { text, comments } = readSeedFile();
  const result: SeedResult = { text, annotations: annotator.annotateArticle(text), comments: annotator.annotateComments(comments, text) };
  return GUIDE_CHECKS.map((c) => ({ what: c.what, ok: c.found(result) }));
}
