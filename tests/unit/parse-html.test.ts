/**
 * Saved pages are parsed by happy-dom, whose tokenizer reads any `<` followed by a character as a
 * tag, in scripts too: `loadHtmlDocument` must still see the whole page, as a browser does.
 */
import { describe, expect, it } from 'vitest';
import { loadHtmlDocument, parsableMarkup } from '../../cli/parse-html';

describe('loadHtmlDocument', () => {
  it.each([
    ['a comparison with a number in a script', '<script>if (window.innerWidth<768) { x() }</script>'],
    ['a comparison with a name in a script', '<script>for (var i=0;i<list.length;i++) {}</script>'],
    ['a heart in the text', '<p>We love it <3 truly</p>'],
    ['a stray less-than in the text', '<p>a <= b and c <- d</p>'],
  ])('keeps the rest of the page after %s', async (_, markup) => {
    const page = loadHtmlDocument(`<body><div>${markup}</div><p id="after">The rest of the page.</p></body>`);
    expect(page.document.getElementById('after')?.textContent).toBe('The rest of the page.');
    await page.close();
  });

  it('keeps text with a stray less-than as the browser shows it', async () => {
    const page = loadHtmlDocument('<body><p>We love it <3 truly</p></body>');
    expect(page.document.body?.textContent).toBe('We love it <3 truly');
    await page.close();
  });

  it('leaves JSON-LD readable', () => {
    const markup = parsableMarkup('<script type="application/ld+json">{"headline":"1 < 2"}</script>');
    const json = markup.replace(/<\/?script[^>]*>/g, '');
    expect(JSON.parse(json)).toEqual({ headline: '1 < 2' });
  });
});
