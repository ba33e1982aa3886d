/**
 * The headline of a page, without the " | Site name" that titles carry: the annotator shows it
 * apart from the body, and the body finder drops the heading that repeats it.
 */

const SEPARATOR = / [|\-–—\\/>»·:] /g;
const HIERARCHICAL_SEPARATOR = / [\\/>»] /;
const TITLE_META = ['og:title', 'twitter:title', 'dc.title'];
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
/** A permalink mark that documentation generators put at the end of a heading ("Title¶", "Title #"). */
const PERMALINK_MARK = /\s*[¶§#🔗]$/u;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function normalize(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Share of `b`'s words (by length) that also occur in `a`: 1 when `b` says nothing new. */
export function textSimilarity(a: string, b: string): number {
  const wordsA = new Set(a.toLowerCase().split(WORD_SPLIT).filter(Boolean));
  const wordsB = b.toLowerCase().split(WORD_SPLIT).filter(Boolean);
  if (wordsA.size === 0 || wordsB.length === 0) return 0;
  const unique = wordsB.filter((word) => !wordsA.has(word));
  return 1 - unique.join(' ').length / wordsB.join(' ').length;
}

/** Drops a site name after (or before) the last separator, as Readability's title cleanup does. */
function stripSiteName(title: string): string {
  const separators = [...title.matchAll(SEPARATOR)].filter((match) => match[0] !== ' : ');
  const last = separators[separators.length - 1];
  if (last?.index === undefined) return title;
  let cleaned = title.slice(0, last.index);
  if (wordCount(cleaned) < 3) {
    const first = separators[0] as RegExpMatchArray;
    cleaned = title.slice((first.index as number) + first[0].length);
  }
  const hierarchical = HIERARCHICAL_SEPARATOR.test(title);
  if (wordCount(cleaned) <= 4 && (!hierarchical || wordCount(cleaned) !== wordCount(title.replace(/[|\-–—\\/>»·]+/g, '')) - 1)) {
    return title;
  }
  return cleaned.trim();
}

/** The content of the first `<meta>` in the head whose `property` or `name` is one of `keys`. */
function metaContent(doc: Document, keys: readonly string[]): string {
  const metas = doc.head?.getElementsByTagName('meta') ?? [];
  for (const key of keys) {
    for (const meta of metas) {
      const name = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
      if (name === key) return normalize(meta.getAttribute('content'));
    }
  }
  return '';
}

/**
 * The article's title: one of `headings` (the page's h1s) when it repeats the declared title
 * (og:title or `<title>`), else the declared title without its site name.
 */
export function findArticleTitle(doc: Document, headings: readonly Element[]): string {
  const declared = metaContent(doc, TITLE_META) || normalize(doc.title);
  for (const heading of headings) {
    const text = normalize(heading.textContent).replace(PERMALINK_MARK, '');
    if (text && declared && textSimilarity(declared, text) > 0.75 && textSimilarity(text, declared) > 0.5) return text;
  }
  if (declared) return stripSiteName(declared);
  return normalize(headings[0]?.textContent);
}
