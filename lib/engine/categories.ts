/**
 * The fixed vocabulary of what Plainsight marks: ids, labels and the reader-facing description of
 * each category. Rule packs, the popup and the highlight names (`plainsight-<id>`) all use these ids.
 */

export const TECHNIQUE_IDS = [
  'loaded-language',
  'name-calling',
  'repetition',
  'exaggeration',
  'doubt',
  'appeal-to-fear',
  'flag-waving',
  'causal-oversimplification',
  'slogans',
  'appeal-to-authority',
  'black-and-white',
  'thought-terminating-cliche',
  'whataboutism',
  'bandwagon',
] as const;

export const COMMENT_FLAG_IDS = [
  'insult',
  'dehumanizing',
  'conspiracy',
  'unsourced-figure',
  'off-topic',
  'spam',
] as const;

export const SOURCING_IDS = ['attributed', 'vague', 'none'] as const;

export type TechniqueId = (typeof TECHNIQUE_IDS)[number];
export type CommentFlagId = (typeof COMMENT_FLAG_IDS)[number];
export type Sourcing = (typeof SOURCING_IDS)[number];
export type CategoryId = 'claim' | TechniqueId | CommentFlagId;

export interface CategoryInfo {
  label: string;
  /** One or two sentences a reader sees on the hover card and in the popup. */
  description: string;
}

export const TECHNIQUES: Record<TechniqueId, CategoryInfo> = {
  'loaded-language': {
    label: 'Loaded language',
    description: 'Words with a strong emotional charge, or sarcastic scare quotes, chosen to sway rather than inform.',
  },
  'name-calling': {
    label: 'Name calling',
    description: 'A label for the target that the audience is meant to fear, hate or mock, in place of an argument.',
  },
  repetition: {
    label: 'Repetition',
    description: 'The same message said again and again so that it sticks, not because new evidence is added.',
  },
  exaggeration: {
    label: 'Exaggeration or minimisation',
    description: 'Hyperbole or belittling: things made larger, more constant or more total than the facts show.',
  },
  doubt: {
    label: 'Doubt',
    description: 'Questioning the credibility of someone or something without evidence, often by a rhetorical question.',
  },
  'appeal-to-fear': {
    label: 'Appeal to fear',
    description: 'Building support on anxiety or prejudice: a threat is invoked instead of shown.',
  },
  'flag-waving': {
    label: 'Flag waving',
    description: 'An appeal to national or group pride to justify a position.',
  },
  'causal-oversimplification': {
    label: 'Causal oversimplification',
    description: 'One cause given for an outcome that has many.',
  },
  slogans: {
    label: 'Slogan',
    description: 'A brief, striking phrase that works as a label or a call, not as an argument.',
  },
  'appeal-to-authority': {
    label: 'Appeal to authority',
    description: 'A claim presented as true because an authority or unnamed experts say so, without the evidence.',
  },
  'black-and-white': {
    label: 'Black-and-white fallacy',
    description: 'Two alternatives presented as the only ones, when more exist.',
  },
  'thought-terminating-cliche': {
    label: 'Thought-terminating cliché',
    description: 'A stock phrase that ends discussion instead of answering it.',
  },
  whataboutism: {
    label: 'Whataboutism, straw man, red herring',
    description: 'Discrediting an opponent by charging hypocrisy, distorting their position or changing the subject.',
  },
  bandwagon: {
    label: 'Bandwagon, reductio ad Hitlerum',
    description: 'Everyone is said to be doing it, or an idea is rejected because a hated group holds it.',
  },
};

export const COMMENT_FLAGS: Record<CommentFlagId, CategoryInfo> = {
  insult: {
    label: 'Insult',
    description: 'Insults, profanity or slurs aimed at people or groups, including disguised spellings.',
  },
  dehumanizing: {
    label: 'Dehumanizing',
    description: 'People compared to animals, vermin, carcasses or disease, or harm to them wished or relished.',
  },
  conspiracy: {
    label: 'Conspiracy',
    description: 'Secret plots, hidden takeovers or puppet masters asserted without evidence.',
  },
  'unsourced-figure': {
    label: 'Unsourced figure',
    description: 'A specific statistic or amount stated with no source.',
  },
  'off-topic': {
    label: 'Off-topic',
    description: 'Nothing to do with the article it sits under.',
  },
  spam: {
    label: 'Spam',
    description: 'Promotion, links to sell something, copy-pasted repeats or gibberish.',
  },
};

export const CLAIM_INFO: CategoryInfo = {
  label: 'Claim',
  description: 'A check-worthy factual statement: something a fact-checker could confirm or refute with public records.',
};

export const SOURCING_LABELS: Record<Sourcing, string> = {
  attributed: 'named source',
  vague: 'vague source',
  none: 'no source',
};

export function isTechniqueId(id: string): id is TechniqueId {
  return (TECHNIQUE_IDS as readonly string[]).includes(id);
}

export function isCommentFlagId(id: string): id is CommentFlagId {
  return (COMMENT_FLAG_IDS as readonly string[]).includes(id);
}
