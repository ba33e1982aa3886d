// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findArticle } from '../../lib/page/find-article';
import { findComments } from '../../lib/page/find-comments';
import { rangeFromOffsets } from '../../lib/page/text-map';
import type { FoundComment, TextSegment } from '../../lib/page/types';
import { loadPage, type LoadedPage } from '../fixtures/dom';
import { disqusPage, listingPage, newsPage, wordpressPage } from '../fixtures/layouts';
import { readSeed } from '../fixtures/seed';

const seed = readSeed();
const layouts = [
  ['WordPress', wordpressPage(seed)],
  ['Disqus', disqusPage(seed)],
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

function commentsOf(html: string): FoundComment[] {
  const doc = load(html);
  return findComments(doc, findArticle(doc));
}

/** Page chrome that must never be read as a comment's words. */
const CHROME = ['Reply', 'Load more comments', 'Post comment', 'Post Comment', 'Upvote', 'Share', 'Like', 'says:', 'Type your thoughts here', 'Join the', '2021', 'years ago'];

describe.each(layouts)('findComments on the %s layout', (_name, html) => {
  it('finds the seven seed comments, author and text, in document order', () => {
    const comments = commentsOf(html);
    expect(comments.map(({ author, text }) => ({ author, text }))).toEqual(seed.comments);
  });

  it('reads a reply as a comment of its own, not as part of its parent', () => {
    const comments = commentsOf(html);
    const replies = comments.filter((comment) => comments.some((other) => other !== comment && other.root.contains(comment.root)));
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      const parent = comments.find((other) => other !== reply && other.root.contains(reply.root)) as FoundComment;
      expect(parent.text).not.toContain(reply.text);
    }
  });

  it('never takes forms, buttons, actions or timestamps as comment text', () => {
    for (const comment of commentsOf(html)) {
      for (const chrome of CHROME) expect(comment.text).not.toContain(chrome);
    }
  });

  it('never takes the article text as a comment', () => {
    const texts = commentsOf(html).map((comment) => comment.text).join('\n');
    for (const paragraph of seed.paragraphs) expect(texts).not.toContain(paragraph);
  });

  it('points at the author element, or null for an anonymous comment', () => {
    for (const comment of commentsOf(html)) {
      if (comment.author) expect(comment.authorElement?.textContent).toContain(comment.author);
      else expect(comment.authorElement).toBeNull();
    }
  });

  it('maps comment text back to the page', () => {
    const comments = commentsOf(html);
    for (const comment of comments) {
      const segments: TextSegment[] = comment.segments;
      for (const segment of segments) {
        expect(comment.text.slice(segment.start, segment.start + segment.length)).toBe(segment.node.data.slice(segment.nodeOffset, segment.nodeOffset + segment.length));
      }
      expect(rangeFromOffsets(comment, 0, comment.text.length)?.toString()).toBe(comment.text);
    }
    const lol = comments[3] as FoundComment;
    const start = lol.text.indexOf('losers');
    expect(rangeFromOffsets(lol, start, start + 'losers in space'.length)?.toString()).toBe('losers in space');
  });
});

describe('findComments elsewhere', () => {
  it('finds nothing on a section front', () => {
    const doc = load(listingPage());
    expect(findComments(doc, findArticle(doc))).toEqual([]);
  });

  it('finds nothing on a page without comments', () => {
    const doc = load(`<!DOCTYPE html><html><body><article><p>${seed.paragraphs.join('</p><p>')}</p></article></body></html>`);
    expect(findComments(doc, findArticle(doc))).toEqual([]);
  });

  it("reads an older theme's comment list, known only by its id and its items' ids", () => {
    const doc = load(`<!DOCTYPE html><html><body>
      <div class="post"><h2>Pseudonyms online</h2><p>${'Whether a platform may insist on real names is a question for the courts. '.repeat(6)}</p></div>
      <ol id="commentlist">
        <li id="comment-9295"><p>The terms say real names, but nobody checks them at sign-up.</p></li>
        <li id="comment-9296"><p>A pseudonym protects people who would otherwise say nothing at all.</p></li>
      </ol></body></html>`);
    expect(findComments(doc, findArticle(doc)).map((c) => c.text)).toEqual([
      'The terms say real names, but nobody checks them at sign-up.',
      'A pseudonym protects people who would otherwise say nothing at all.',
    ]);
  });

  it('reads a single comment whose date is named in camel case (commentDate)', () => {
    const doc = load(`<!DOCTYPE html><html><body>
      <div class="conComments"><div id="comments" class="comments">
        <div class="comment"><span class="commentAuthor">Critica</span> <span class="commentDate">vor 11 Wochen</span>
          <p class="commentText">Dealers were the last to learn that the discount ended in spring.</p></div>
      </div></div></body></html>`);
    expect(findComments(doc).map(({ author, text }) => ({ author, text }))).toEqual([
      { author: 'Critica', text: 'Dealers were the last to learn that the discount ended in spring.' },
    ]);
  });

  it('reads a generic thread whose author is a bold first line', () => {
    const doc = load(`<!DOCTYPE html><html><body>
      <div id="discussion">
        <div class="entry"><b>Mira</b><p>I read this twice and still disagree with the conclusion.</p><a href="#r1">reply</a></div>
        <div class="entry"><b>Tom K.</b><p>The launch figures are from last year, not this one.</p><a href="#r2">reply</a></div>
      </div></body></html>`);
    expect(findComments(doc).map(({ author, text }) => ({ author, text }))).toEqual([
      { author: 'Mira', text: 'I read this twice and still disagree with the conclusion.' },
      { author: 'Tom K.', text: 'The launch figures are from last year, not this one.' },
    ]);
  });

  it('reads blocks with an author, a time and a text outside any comment-named area', () => {
    const doc = load(`<!DOCTYPE html><html><body><main>
      <div class="story"><p>${seed.paragraphs.join('</p><p>')}</p></div>
      <div class="feedback">
        <div class="note"><a class="note__user" href="/u/1">Mira</a><time datetime="2026-01-01">1 Jan</time><div class="note__body">The launch figures are from last year.</div><button>Reply</button></div>
        <div class="note"><a class="note__user" href="/u/2">Tom K.</a><time datetime="2026-01-02">2 Jan</time><div class="note__body">I read this twice and still disagree.</div><button>Reply</button></div>
      </div></main></body></html>`);
    expect(findComments(doc, findArticle(doc)).map(({ author, text }) => ({ author, text }))).toEqual([
      { author: 'Mira', text: 'The launch figures are from last year.' },
      { author: 'Tom K.', text: 'I read this twice and still disagree.' },
    ]);
  });

  it('does not take teaser cards with a byline and a time for comments', () => {
    const card = (n: number) => `<li class="card"><a href="/story-${n}"><h3>Headline number ${n} about the budget</h3></a>
      <p class="card__dek">A short summary of the story that the headline links to, in one sentence.</p>
      <span class="card__author">Writer ${n}</span> <time datetime="2026-01-0${n}">Jan ${n}</time></li>`;
    const doc = load(`<!DOCTYPE html><html><body><article><p>${seed.paragraphs.join('</p><p>')}</p></article>
      <ol class="popular">${[1, 2, 3, 4].map(card).join('')}</ol></body></html>`);
    expect(findComments(doc, findArticle(doc))).toEqual([]);
  });

  it("reads a classic theme's <cite> author line, its separator and date apart from the text", () => {
    const doc = load(`<!DOCTYPE html><html><body><ol class="commentlist">
      <li id="comment-71"><cite>Pingback from <a href="https://example.org/links-42" class="url">Weekend links</a></cite> | <small><a href="#comment-71">11.09.2021 23:31</a></small>
        <p>[…] a good read on why the village kept its bakery […]</p></li>
      <li id="comment-72"><cite>Hedda</cite> Says:<br><small><a href="#comment-72">12.09.2021 08:02</a></small>
        <p>The loan was the easy part. Finding a new baker took a year.</p></li></ol></body></html>`);
    expect(findComments(doc).map(({ author, text }) => ({ author, text }))).toEqual([
      { author: 'Pingback from Weekend links', text: '[…] a good read on why the village kept its bakery […]' },
      { author: 'Hedda', text: 'The loan was the easy part. Finding a new baker took a year.' },
    ]);
  });

  it('does not take the bold words that open a known comment for its author', () => {
    const doc = load(`<!DOCTYPE html><html><body><ol class="commentlist">
      <li class="comment"><p><strong>Great point</strong> about the oven: ours broke twice in one winter.</p></li>
      <li class="comment"><p><b>Agreed.</b> The bus route matters more.</p></li></ol></body></html>`);
    expect(findComments(doc).map(({ author, text }) => ({ author, text }))).toEqual([
      { author: '', text: 'Great point about the oven: ours broke twice in one winter.' },
      { author: '', text: 'Agreed. The bus route matters more.' },
    ]);
  });

  it('does not take a "load more" item of the comment list for a comment', () => {
    const doc = load(`<!DOCTYPE html><html><body><ol class="comment-list">
      <li class="comment"><cite class="fn">Ann</cite><div class="comment-content"><p>First real comment here.</p></div></li>
      <li class="comment"><cite class="fn">Bo</cite><div class="comment-content"><p>Second real comment here.</p></div></li>
      <li class="comment load-more"><a href="?page=2">Load more comments</a></li></ol></body></html>`);
    expect(findComments(doc).map(({ author, text }) => ({ author, text }))).toEqual([
      { author: 'Ann', text: 'First real comment here.' },
      { author: 'Bo', text: 'Second real comment here.' },
    ]);
  });

  /** Comments each in a row of its own (thread lines, indentation), named `Comment` only on themselves. */
  const rows = (texts: readonly string[], row = (text: string) => `<p>${text}</p>`) => `<!DOCTYPE html><html><body><main>
      <div class="story"><p>${seed.paragraphs.join('</p><p>')}</p></div>
      <div class="Lw9Rt">${texts
        .map((text, n) => `<div><div class="tR7yq" style="padding-left:${16 + 20 * (n % 2)}px"><i class="threadline"></i>
          <div class="Yp4Dx Comment"><button aria-label="upvote"></button><span>${n + 2} points</span>${row(text)}</div></div></div>`)
        .join('')}</div></main></body></html>`;

  it('reads comments that stand in rows of their own, named Comment only on themselves, even when they name no author', () => {
    const texts = ['The launch figures are from last year.', 'I read this twice and still disagree.', 'Which agency published the estimate?'];
    const doc = load(rows(texts));
    expect(findComments(doc, findArticle(doc)).map(({ author, text }) => ({ author, text }))).toEqual(texts.map((text) => ({ author: '', text })));
  });

  it('does not take two such rows that name no author for a thread', () => {
    const doc = load(rows(['The launch figures are from last year.', 'I read this twice and still disagree.']));
    expect(findComments(doc, findArticle(doc))).toEqual([]);
  });

  it('does not take opinion teasers classed "comment", or rows that are mostly links, for comments', () => {
    const headlines = ['The budget is a chance to be bold', 'Why the treaty will not hold', 'Space needs rules, not slogans'];
    const teasers = load(rows(headlines, (text) => `<h3><a href="/opinion/x">${text}</a></h3><p>By a columnist</p>`));
    expect(findComments(teasers, findArticle(teasers))).toEqual([]);
    const links = load(rows(headlines, (text) => `<a href="/story#comment-1">Ann on ${text}</a>`));
    expect(findComments(links, findArticle(links))).toEqual([]);
  });

  it('ignores a comment area that is hidden', () => {
    const doc = load(`<!DOCTYPE html><html><body><div aria-hidden="true"><ul class="comments">
      <li class="comment"><span class="author">Ann</span><p>Hidden words here.</p></li>
      <li class="comment"><span class="author">Bo</span><p>More hidden words.</p></li></ul></div></body></html>`);
    expect(findComments(doc)).toEqual([]);
  });
});
