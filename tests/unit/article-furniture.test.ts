// @vitest-environment happy-dom
/**
 * Furniture inside the article's own container that is not article text: picture credits and
 * captions, source lines. Each shape is one page built around the same story.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findArticle } from '../../lib/page/find-article';
import { loadPage, type LoadedPage } from '../fixtures/dom';

const STORY = [
  'The ferry from the mainland now runs twice a day, and the harbour master says the timetable will hold until the autumn storms arrive.',
  'Fishermen on the quay, who have waited three years for the new pier, say the second crossing has already brought more buyers to the morning market.',
  'The council, which paid for half of the pier, expects the island to welcome twice as many visitors this summer as it did last year.',
  'Not everyone is pleased: residents of the old town worry that the narrow lanes around the harbour cannot take the extra traffic.',
];

let open: LoadedPage[] = [];
afterEach(async () => {
  await Promise.all(open.map((page) => page.close()));
  open = [];
});

/** The story in an article container, with `furniture` set after the first paragraph. */
function articleText(furniture: string): string {
  const [first, ...rest] = STORY.map((text) => `<p>${text}</p>`);
  const page = loadPage(`<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav><div class="story-body">${first}${furniture}${rest.join('')}</div></body></html>`);
  open.push(page);
  const text = findArticle(page.document)?.text ?? '';
  for (const paragraph of STORY) expect(text).toContain(paragraph);
  return text;
}

describe('findArticle leaves out picture and source furniture', () => {
  it.each([
    ['a picture credit as a line of its own', '<p><em>Titelbild: Anna Berger/Agentur Nord</em></p>', 'Titelbild'],
    ['a credit line with the label spaced from its colon', '<p>Crédits photos : Studio Marée</p>', 'Studio Marée'],
    ['a source line', '<p>Quelle: Statistisches Landesamt</p>', 'Statistisches Landesamt'],
    ['a numbered figure label', '<div>Abbildung 2: Der neue Anleger im Mai.</div>', 'Abbildung 2'],
    ['a description and credit beside a figure caption', '<figure><img src="pier.jpg" alt=""><figcaption>The new pier</figcaption><span class="description">Jan Olsen/Harbour Photos</span></figure>', 'Jan Olsen'],
    ['picture metadata named by class', '<div class="asset-image"><img src="quay.jpg" alt=""><div class="img-metadata"><span class="img-metadata__title">The quay at dawn, photo: archive</span></div></div>', 'The quay at dawn'],
  ])('%s', (_shape, furniture, absent) => {
    expect(articleText(furniture)).not.toContain(absent);
  });

  it('keeps a sentence that mentions a source or a photo in passing', () => {
    const sentence = 'Source: the harbour master, who counted the passengers himself, says the morning crossing was full every day of the first week.';
    expect(articleText(`<p>${sentence}</p>`)).toContain(sentence);
  });

  it('keeps a figure that holds a quoted passage rather than a picture', () => {
    const quote = 'We have waited for this pier longer than most of our children have been alive, and now it is here.';
    expect(articleText(`<figure><blockquote><p>${quote}</p></blockquote><figcaption>A fisherman</figcaption></figure>`)).toContain(quote);
  });
});

describe('findArticle leaves out promoted links', () => {
  it.each([
    ['a labelled link in bold', '<p><em><strong>Auch lesen: </strong></em><a href="/other-story">Warum die Fähre im Winter nicht fährt</a></p>', 'Auch lesen'],
    ['a labelled link in plain text', '<p>Le puede interesar: <a href="/otra">El muelle nuevo abre en mayo</a></p>', 'Le puede interesar'],
  ])('%s', (_shape, furniture, absent) => {
    expect(articleText(furniture)).not.toContain(absent);
  });

  it('keeps a sentence that ends in a link', () => {
    const line = 'The full timetable, with the winter crossings, is on <a href="/timetable">the harbour office website</a>';
    expect(articleText(`<p>${line}</p>`)).toContain('The full timetable, with the winter crossings');
  });
});

describe('findArticle leaves out tag lists and share bars', () => {
  it.each([
    ['a labelled list of tags', '<div><span>Tags: </span><a href="/t/ferry">ferry</a>, <a href="/t/harbour">harbour</a>, <a href="/t/islands">islands</a></div>', 'Tags'],
    ['a share box named for sharing', '<div class="sss_sharing_container"><div class="sss_sharing_title">Diesen Artikel teilen</div><a href="https://x.example/share">X</a></div>', 'Diesen Artikel teilen'],
  ])('%s', (_shape, furniture, absent) => {
    expect(articleText(furniture)).not.toContain(absent);
  });
});

describe('findArticle opens with the standfirst set apart from the body', () => {
  it.each([
    ['an intro in the article header', 'div', 'c-page-intro__copy'],
    ['a subtitle paragraph', 'p', 'entry__subtitle'],
    ['an excerpt before the body', 'div', 'entry-excerpt'],
  ])('%s', (_shape, tag, className) => {
    const standfirst = 'The island has waited three years for a pier that can take the big ferry, and this spring it finally opened.';
    const page = loadPage(
      `<!DOCTYPE html><html><body><nav><a href="/">Home</a><a href="/news">News</a></nav><article><div class="head"><h1>Second ferry for the island</h1><${tag} class="${className}">${standfirst}</${tag}></div>` +
        `<div class="layout"><div class="story-body">${STORY.map((text) => `<p>${text}</p>`).join('')}</div></div></article></body></html>`,
    );
    open.push(page);
    const text = findArticle(page.document)?.text ?? '';
    expect(text.startsWith(standfirst)).toBe(true);
    for (const paragraph of STORY) expect(text).toContain(paragraph);
  });

  it('takes no teaser of another story that is mostly a link', () => {
    const teaser = '<div class="teaser"><a href="/other">Harbour fees will rise next year, the council says in its new plan</a></div>';
    const page = loadPage(`<!DOCTYPE html><html><body><div class="wrap">${teaser}<div class="story-body">${STORY.map((text) => `<p>${text}</p>`).join('')}</div></div></body></html>`);
    open.push(page);
    expect(findArticle(page.document)?.text).not.toContain('Harbour fees');
  });
});

describe("findArticle reads the article's own header", () => {
  it('finds the standfirst in a <header> named as one, inside the <article>', () => {
    const standfirst = 'The island has waited three years for a pier that can take the big ferry, and this spring it finally opened.';
    const page = loadPage(
      `<!DOCTYPE html><html><body><header class="site-header"><a href="/">Island Post</a><p class="site-tagline">News from the island, every morning since the year the first ferry sailed.</p></header>` +
        `<article class="entry"><header class="entry__header"><h1>Second ferry for the island</h1><p class="entry__subtitle">${standfirst}</p></header>` +
        `<div class="entry__content">${STORY.map((text) => `<p>${text}</p>`).join('')}</div></article></body></html>`,
    );
    open.push(page);
    const text = findArticle(page.document)?.text ?? '';
    expect(text.startsWith(standfirst)).toBe(true);
    for (const paragraph of STORY) expect(text).toContain(paragraph);
    expect(text).not.toContain('News from the island');
  });
});

describe('findArticle leaves out the heading that introduces removed furniture', () => {
  it('drops a heading that calls out above a list of links', () => {
    const text = articleText(
      '<h3>Das könnte Sie auch interessieren!</h3><ul><li><a href="/a">Neue Fähre für die Nachbarinsel</a></li><li><a href="/b">Hafenfest im Juli</a></li></ul>',
    );
    expect(text).not.toContain('Das könnte Sie auch interessieren');
    expect(text).not.toContain('Hafenfest');
  });

  it('keeps a heading that calls out above more of the story', () => {
    expect(articleText('<h3>Endlich da!</h3>')).toContain('Endlich da!');
  });
});
