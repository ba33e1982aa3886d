import { MissingDataError, DATA_DIR } from './quality/data';
import { writeRule } from './quality/pack-file';
import { trainClaims } from './quality/train-claims';
import { trainComments } from './quality/train-comments';
import { trainTagger } from './quality/train-ptc';
import { trainLexicon } from './quality/train-lexicon';

/**
 * `npm run train`: learns the weights that ship in the rule packs from the training splits of the
 * public data in `../shared/data` (never from the held-out slices the benchmark scores), and
 * writes them into lib/rules/packs. Deterministic: fixed seeds, fixed passes. `npm run train --
 * ptc` (or `claims`, `comments`) retrains one family.
 */

const log = (line: string) => console.log(line);
const only = new Set(process.argv.slice(2));
const wanted = (name: string) => only.size === 0 || only.has(name);

function ptc(): void {
  const t = trainTagger(log);
  const bytes = writeRule('techniques', {
    id: 'learned.technique-tagger',
    category: 'loaded-language',
    kind: 'tagger',
    scope: 'article',
    // Its marks' precision on PTC train, labels counted, runs from 0.07 to 0.51 by technique: shown on request only.
    confidence: 0.3,
    explanation:
      '{cue} reads as {technique}: wording such as {words} is typical of writing that pushes a view rather than reports it.',
    ...t.decoding,
    tokenBias: t.tokenBias,
    tokens: t.tokens,
    labels: t.labels,
    ...(t.reject && { reject: t.reject }),
    examples: {
      fire: ['Is it really a coincidence that the report came out today?', 'The invaders will destroy everything we hold dear.'],
      quiet: ['The committee met on Tuesday to review the budget.', 'The temperature remained constant overnight.'],
    },
  });
  log(`  wrote lib/rules/packs/techniques.json (${(bytes / 1024).toFixed(0)} kB)`);
}

function lexicon(): void {
  const t = trainLexicon(log);
  const bytes = writeRule('techniques', {
    id: 'loaded-language.learned-lexicon',
    category: 'loaded-language',
    kind: 'lexicon',
    scope: 'both',
    explanation: '{cue} is emotionally loaded wording: it tells the reader how to feel about what it describes, instead of showing it.',
    minimum: 0.35,
    calibration: t.calibration,
    words: t.words,
    names: t.names,
    tone: t.tone,
    examples: {
      fire: ['This ridiculous charade of a hearing was a disgrace from start to finish.'],
      quiet: ['The committee met on Tuesday to review the budget.'],
    },
  });
  log(`  wrote lib/rules/packs/techniques.json (${(bytes / 1024).toFixed(0)} kB)`);
}

function claims(): void {
  const rule = trainClaims(log) as Parameters<typeof writeRule>[1];
  rule.examples = {
    fire: ['He voted against the tax cut twice.', 'The senator opposed the bill.', 'The minister resigned after the report was published.'],
    quiet: [
      'I think we should all work together.',
      'What are we going to do about it?',
      'Thank you very much for having me tonight.',
      'While spreading the loudest claims of its adversaries militarizing space, the United States is attempting to do specifically that.',
      'The space race is yet another field in which Washington’s sanctions, accusations and antagonism have forced its competitors into partnership and closer relations.',
    ],
  };
  const bytes = writeRule('claims', rule);
  log(`  wrote lib/rules/packs/claims.json (${(bytes / 1024).toFixed(0)} kB)`);
}

function comments(): void {
  const bytes = writeRule('comments', {
    id: 'insult.learned-offensive',
    category: 'insult',
    kind: 'classifier',
    explanation:
      '{cue} is abusive wording: the comment attacks a person or a group instead of arguing.',
    // Ordinary words that share their letters with slurs, which the model reads by word pieces.
    unless: '\\b(?:fire|flame)[- ]retardants?\\b',
    ...(trainComments(log) as Record<string, never>),
    examples: {
      fire: ['you suck', 'liberals are trash', 'Go to hell'],
      quiet: [
        'Whole world needs to work together and share their knowledge and expertise',
        'The class assessment of the Scunthorpe space budget is done.',
        'The lunar station is a great idea.',
      ],
    },
  });
  log(`  wrote lib/rules/packs/comments.json (${(bytes / 1024).toFixed(0)} kB)`);
}

try {
  if (wanted('ptc')) ptc();
  if (wanted('lexicon')) lexicon();
  if (wanted('claims')) claims();
  if (wanted('comments')) comments();
} catch (error) {
  if (!(error instanceof MissingDataError)) throw error;
  console.error(`train: the training data is absent (${error.message}); put the shared data at ${DATA_DIR}.`);
  process.exit(1);
}
