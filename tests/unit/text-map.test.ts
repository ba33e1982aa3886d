// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mapText, offsetsFromRange, rangeFromOffsets } from '../../lib/page/text-map';
import type { MappedText } from '../../lib/page/types';

/** A fresh container in the live document (happy-dom's ranges collapse in DOMParser documents). */
function body(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  return container;
}

function expectConsistent(mapped: MappedText): void {
  let end = 0;
  for (const segment of mapped.segments) {
    expect(segment.start).toBeGreaterThanOrEqual(end);
    expect(segment.length).toBeGreaterThan(0);
    expect(mapped.text.slice(segment.start, segment.start + segment.length)).toBe(
      segment.node.data.slice(segment.nodeOffset, segment.nodeOffset + segment.length),
    );
    end = segment.start + segment.length;
  }
}

describe('mapText', () => {
  it.each([
    ['collapses whitespace runs', '<p>  one \n\t two   three </p>', 'one two three'],
    ['separates blocks with a blank line', '<p>one</p><div>two</div><li>three</li>', 'one\n\ntwo\n\nthree'],
    ['keeps inline elements in the line', '<p>a <em>b</em><strong> c</strong> <a href="#">d</a></p>', 'a b c d'],
    ['treats br as a block break', '<p>one<br>two<br><br>three</p>', 'one\n\ntwo\n\nthree'],
    ['skips scripts, styles and templates', '<p>a<script>x()</script><style>p{}</style><template>t</template><noscript>n</noscript> b</p>', 'a b'],
    ['skips svg text', '<p>a <svg><text>label</text></svg>b</p>', 'a b'],
    ['skips the hidden attribute', '<p>a</p><p hidden>secret</p><p>b</p>', 'a\n\nb'],
    ['skips aria-hidden', '<p>a <span aria-hidden="true">icon</span>b</p>', 'a b'],
    ['skips inline display:none', '<p>a</p><div style="color: red; display: none">x</div><p>b</p>', 'a\n\nb'],
    ['skips inline visibility:hidden', '<p>a <span style="visibility:hidden">x</span>b</p>', 'a b'],
    ['skips form controls', '<p>a <button>Send</button><textarea>draft</textarea>b</p>', 'a b'],
    ['keeps preformatted whitespace', '<pre>a  b\n  c</pre><p>d</p>', 'a  b\n  c\n\nd'],
    ['splits text around a nested block', '<div>before<p>inside</p>after</div>', 'before\n\ninside\n\nafter'],
    ['keeps no-break spaces', '<p>a\u00a0\u00a0b</p>', 'a\u00a0\u00a0b'],
    ['collapses spaces at the edges of inline elements', '<p>one <b> two </b> three</p>', 'one two three'],
    ['trims the indentation of source lines', '<p>\n    one two\n  </p>\n  <p>three\tfour  five</p>', 'one two\n\nthree four five'],
    ['collapses a node that is only whitespace', '<p>one<span>  \n </span>two</p>', 'one two'],
  ])('%s', (_name, html, expected) => {
    const mapped = mapText(body(html));
    expect(mapped.text).toBe(expected);
    expectConsistent(mapped);
  });

  it('leaves out excluded elements and breaks the block where a block was excluded', () => {
    const root = body('<div>first<div class="ad">Buy now</div>second <span class="x">skip</span>third</div>');
    const mapped = mapText(root, (element) => element.classList.contains('ad') || element.classList.contains('x'));
    expect(mapped.text).toBe('first\n\nsecond third');
    expectConsistent(mapped);
  });

  it('reads several roots in order, each in its own block', () => {
    const root = body('<p id="a">one <b>bold</b></p><p id="skip">no</p><p id="b">two</p>');
    const mapped = mapText([root.querySelector('#a') as Element, root.querySelector('#b') as Element]);
    expect(mapped.text).toBe('one bold\n\ntwo');
    expectConsistent(mapped);
  });

  it('reads a whole document from its body', () => {
    const doc = new DOMParser().parseFromString('<html><head><title>T</title></head><body><p>only body</p></body></html>', 'text/html');
    expect(mapText(doc).text).toBe('only body');
  });
});

describe('rangeFromOffsets', () => {
  const root = body('<p>Washington has proven itself as a <em>disloyal</em> partner.</p>\n<p>  Second   paragraph here.</p>');
  const mapped = mapText(root);

  function rangeText(phrase: string): string | undefined {
    const start = mapped.text.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    return rangeFromOffsets(mapped, start, start + phrase.length)?.toString();
  }

  it('covers exactly the characters of a span inside one text node', () => {
    expect(rangeText('proven itself')).toBe('proven itself');
  });

  it('covers a span that crosses an inline element', () => {
    expect(rangeText('a disloyal partner')).toBe('a disloyal partner');
    expect(rangeText('disloyal partner')).toBe('disloyal partner');
  });

  it('covers a span at the very end of the text', () => {
    expect(rangeText('paragraph here.')).toBe('paragraph here.');
  });

  it('covers a span across collapsed whitespace and a block break', () => {
    const start = mapped.text.indexOf('partner.');
    const end = mapped.text.indexOf('Second') + 'Second'.length;
    const range = rangeFromOffsets(mapped, start, end);
    expect(range?.toString().replace(/\s+/g, ' ')).toBe('partner. Second');
  });

  it('moves a start inside a block break forward and an end inside one back', () => {
    const gap = mapped.text.indexOf('\n\n');
    expect(rangeFromOffsets(mapped, gap, gap + 2 + 'Second'.length)?.toString()).toBe('Second');
    expect(rangeFromOffsets(mapped, gap - 'partner.'.length, gap + 1)?.toString()).toBe('partner.');
  });

  it('returns null for a span with no character on the page', () => {
    const gap = mapped.text.indexOf('\n\n');
    expect(rangeFromOffsets(mapped, gap, gap + 2)).toBeNull();
    expect(rangeFromOffsets(mapped, 5, 5)).toBeNull();
  });

  it('reads the offsets back from the range it made', () => {
    const start = mapped.text.indexOf('disloyal');
    const range = rangeFromOffsets(mapped, start, start + 'disloyal partner'.length);
    expect(range && offsetsFromRange(mapped, range)).toEqual({ start, end: start + 'disloyal partner'.length });
  });

  it('returns null offsets for a range outside the mapped text', () => {
    const other = body('<p>elsewhere</p>');
    const range = document.createRange();
    range.selectNodeContents(other.querySelector('p')?.firstChild as Node);
    expect(offsetsFromRange(mapped, range)).toBeNull();
  });
});
