// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isProbablyArticlePage } from '../../lib/page/article-precheck';
import { findArticle } from '../../lib/page/find-article';
import { rangeFromOffsets } from '../../lib/page/text-map';
import type { FoundArticle } from '../../lib/page/types';
import { loadPage, type LoadedPage } from '../fixtures/dom';
import { disqusPage, listingPage, newsPage, seedArticleText, wordpressPage } from '../fixtures/layouts';
import { readSeed } from '../fixtures/seed';

const seed = readSeed();
const layouts = [
  ['WordPress', wordpressPage(seed)],
  ['Disqus blog', disqusPage(seed)],
  ['news site', newsPage(seed)],
] as const;

let open: LoadedPage[] = [];
function load(html: string): Document {
  const page = loadPage(html);
  open.push(page);
  return page.document;
}
afterEach(async () => {
  await Promise.all(open.map((page) => page.close()));
  open = [];
});

function spanText(article: FoundArticle, phrase: string, from = 0): string | undefined {
  const start = article.text.indexOf(phrase, from);
  expect(start, `"${phrase}" in the article text`).toBeGreaterThanOrEqual(0);
  return rangeFromOffsets(article, start, start + phrase.length)?.toString();
}

describe('seed fixture', () => {
  it('reads the title, the paragraphs and the seven comments', () => {
    expect(seed.title).toBe('The Brand-Spanking-New Space Race');
    expect(seed.paragraphs).toHaveLength(16);
    expect(seed.paragraphs[0]).toBe('The brand-new space race is upon us.');
    expect(seed.comments.map((comment) => comment.author)).toEqual(['Assad must stay', 'Ivan Freely', 'Just Me', 'Just Me', 'johnny rotten', '', '']);
    expect(seed.comments[0]?.text).toMatch(/^Whole world needs to work together/);
    expect(seed.comments[6]?.text).toMatch(/^Elon Musk’s projects/);
  });

  it('names the missing file', () => {
    expect(() => readSeed('/nonexistent/space-race.txt')).toThrow('/nonexistent/space-race.txt');
  });
});

describe.each(layouts)('findArticle on the %s layout', (_name, html) => {
  it('returns exactly the seed paragraphs and the seed title', () => {
    const article = findArticle(load(html));
    expect(article?.title).toBe(seed.title);
    expect(article?.text).toBe(seedArticleText(seed));
  });

  it('leaves out navigation, share bars, related links, sign-up boxes, bylines and comments', () => {
    const text = findArticle(load(html))?.text ?? '';
    for (const clutter of ['Share', 'Related:', 'Read more', 'The Launch Window', 'Recent Posts', 'Posted on', 'Guest Contributor', 'Staff Columnist', 'Opinion', 'Whole world needs', 'Leave a Reply', seed.title]) {
      expect(text).not.toContain(clutter);
    }
  });

  it('points at the element that holds the body', () => {
    const article = findArticle(load(html));
    expect(article?.root.textContent).toContain(seed.paragraphs[5]);
    expect(article?.root.textContent).not.toContain('Whole world needs');
  });

  it('maps spans back to the page: a phrase, a phrase across an inline element, the very end', () => {
    const article = findArticle(load(html)) as FoundArticle;
    expect(spanText(article, 'disloyal partner')).toBe('disloyal partner');
    expect(spanText(article, 'American lunar project Deep Space Gateway.')).toBe('American lunar project Deep Space Gateway.');
    expect(spanText(article, 'Roskosmos Chief Dmitry Rogozin has spent')).toBe('Roskosmos Chief Dmitry Rogozin has spent');
    const last = seed.paragraphs[seed.paragraphs.length - 1] as string;
    expect(rangeFromOffsets(article, article.text.length - last.length, article.text.length)?.toString()).toBe(last);
  });

  it('is recognised by the cheap pre-check', () => {
    expect(isProbablyArticlePage(load(html))).toBe(true);
  });

  it('accepts an element as the root to search', () => {
    const doc = load(html);
    expect(findArticle(doc.body)?.text).toBe(seedArticleText(seed));
  });
});

describe('findArticle on pages without an article', () => {
  it('returns null for a section front of teaser cards', () => {
    const doc = load(listingPage());
    expect(findArticle(doc)).toBeNull();
    expect(isProbablyArticlePage(doc)).toBe(false);
  });

  it('returns null when there is too little running prose', () => {
    const doc = load('<!DOCTYPE html><html><head><title>Contact</title></head><body><nav><a href="/">Home</a></nav><main><h1>Contact us</h1><p>Write to us at the address below.</p><p>We answer within a week.</p></main></body></html>');
    expect(findArticle(doc)).toBeNull();
    expect(isProbablyArticlePage(doc)).toBe(false);
  });

  it('returns null for an empty page', () => {
    expect(findArticle(load('<!DOCTYPE html><html><body></body></html>'))).toBeNull();
  });

  it('never takes a long comment thread for a short article', () => {
    const story = seed.paragraphs.slice(0, 3);
    const thread = seed.comments.map((comment) => `<div class="comment"><b>${comment.author || 'Guest'}</b><p>${comment.text}</p></div>`).join('');
    const doc = load(`<!DOCTYPE html><html><body><div class="post">${story.map((text) => `<p>${text}</p>`).join('')}</div><div id="comments">${thread}</div></body></html>`);
    expect(findArticle(doc)?.text).toBe(story.join('\n\n'));
  });

  it('keeps a single long paragraph as an article', () => {
    const paragraph = seed.paragraphs.slice(0, 6).join(' ');
    const article = findArticle(load(`<!DOCTYPE html><html><body><div class="story"><p>${paragraph}</p></div></body></html>`));
    expect(article?.text).toBe(paragraph);
  });
});

describe('findArticle and the page outline', () => {
  const promo = 'Offers, deals, coupons, bundles, gifts, prizes, points, perks and more, every day, for you';
  const story = seed.paragraphs.slice(1, 5);

  it('prefers the schema.org articleBody over a block that scores higher', () => {
    const doc = load(`<!DOCTYPE html><html><body>
      <div class="content main-text">${`<p>${promo}.</p>`.repeat(4)}</div>
      <div itemprop="articleBody">${story.map((text) => `<p>${text}</p>`).join('')}</div></body></html>`);
    expect(findArticle(doc)?.text).toBe(story.join('\n\n'));
  });

  it('prefers the <article> when the block that scored best outside it holds less prose', () => {
    const plain = seed.paragraphs.slice(1, 9).map((text) => text.replace(/,/g, ''));
    const doc = load(`<!DOCTYPE html><html><body>
      <div class="content">${`<p>${promo}.</p>`.repeat(3)}</div>
      <article>${plain.map((text) => `<p>${text}</p>`).join('')}</article></body></html>`);
    expect(findArticle(doc)?.text).toBe(plain.join('\n\n'));
  });
});

describe('isProbablyArticlePage', () => {
  it('trusts an Open Graph or schema.org article declaration', () => {
    expect(isProbablyArticlePage(load('<html><head><meta property="og:type" content="article"></head><body><p>short</p></body></html>'))).toBe(true);
    expect(isProbablyArticlePage(load('<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body></body></html>'))).toBe(true);
  });
});
