/**
 * Rejects regular expressions whose backtracking can blow up: a repeated group that itself holds a
 * repeated part (`(a+)+`, `(?:\w+\s?){0,5}`), whatever the bounds. Rule packs use bounded,
 * unnested quantifiers instead, so no page text can hang the reader's tab.
 */

interface Atom {
  /** The atom is a group that holds a quantifier allowing more than one repetition. */
  holdsRepeat: boolean;
}

/** Returns why `source` is unsafe, or null when it has no nested repetition. */
export function findNestedQuantifier(source: string): string | null {
  const frames: { holdsRepeat: boolean; start: number }[] = [{ holdsRepeat: false, start: 0 }];
  let atom: Atom | null = null;
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    if (c === '\\') {
      i = skipEscape(source, i);
      atom = { holdsRepeat: false };
    } else if (c === '[') {
      i = skipClass(source, i);
      atom = { holdsRepeat: false };
    } else if (c === '(') {
      frames.push({ holdsRepeat: false, start: i });
      i = skipGroupPrefix(source, i + 1);
      atom = null;
    } else if (c === ')') {
      const frame = frames.pop();
      if (!frame || frames.length === 0) return 'unbalanced ")"';
      frames.at(-1)!.holdsRepeat ||= frame.holdsRepeat;
      atom = { holdsRepeat: frame.holdsRepeat };
      i++;
    } else if (c === '|') {
      atom = null;
      i++;
    } else {
      const quantifier = readQuantifier(source, i);
      if (!quantifier) {
        atom = { holdsRepeat: false };
        i++;
        continue;
      }
      if (quantifier.max > 1) {
        if (atom?.holdsRepeat)
          return `a repeated group holds another repetition (near "${source.slice(Math.max(0, i - 20), quantifier.end)}")`;
        frames.at(-1)!.holdsRepeat = true;
      }
      atom = null;
      i = quantifier.end;
    }
  }
  return frames.length === 1 ? null : 'unbalanced "("';
}

function skipEscape(source: string, i: number): number {
  const next = source[i + 1];
  if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') return source.indexOf('}', i) + 1 || source.length;
  if (next === 'k' && source[i + 2] === '<') return source.indexOf('>', i) + 1 || source.length;
  return i + 2;
}

function skipClass(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']' && j > i + 1) return j + 1;
  }
  return source.length;
}

/** Skips `?:`, `?=`, `?!`, `?<=`, `?<!` and `?<name>` after an opening parenthesis. */
function skipGroupPrefix(source: string, i: number): number {
  if (source[i] !== '?') return i;
  if (source[i + 1] === '<' && source[i + 2] !== '=' && source[i + 2] !== '!') return source.indexOf('>', i) + 1 || source.length;
  return i + (source[i + 1] === '<' ? 3 : 2);
}

function readQuantifier(source: string, i: number): { max: number; end: number } | null {
  const c = source[i];
  let max: number;
  let end: number;
  if (c === '*' || c === '+') [max, end] = [Infinity, i + 1];
  else if (c === '?') [max, end] = [1, i + 1];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
    if (!m) return null;
    max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    end = i + m[0].length;
  } else return null;
  if (source[end] === '?') end++;
  return { max, end };
}
