/**
 * A light, inflection-only English stemmer. Rule phrases and page text are both reduced with it,
 * so "sit idly" matches "sitting idly" and "accusation" matches "accusations" without the
 * over-reach of a derivational stemmer (Porter merges "general" and "generous").
 */

/**
 * Irregular forms that suffix stripping cannot reach, mapped to their base. A Map, not an object:
 * page text holds words like "constructor" and "toString", which an object would answer with its
 * prototype's functions.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  (
    'be:am,is,are,was,were,been,being have:has,had,having do:does,did,done say:said go:goes,went,gone ' +
    'take:took,taken make:made become:became fall:fell,fallen hold:held leave:left bring:brought ' +
    'think:thought build:built sell:sold give:gave,given stand:stood lead:led send:sent spend:spent ' +
    'keep:kept lose:lost tell:told feel:felt find:found fight:fought buy:bought seek:sought ' +
    'teach:taught catch:caught win:won begin:began,begun run:ran come:came know:knew,known see:saw,seen ' +
    'grow:grew,grown throw:threw,thrown fly:flew,flown draw:drew,drawn break:broke,broken ' +
    'speak:spoke,spoken choose:chose,chosen drive:drove,driven rise:rose,risen write:wrote,written ' +
    'eat:ate,eaten steal:stole,stolen get:got,gotten hide:hid,hidden shake:shook,shaken mean:meant ' +
    'pay:paid lay:laid sit:sat meet:met forget:forgot,forgotten wake:woke,woken ' +
    'man:men woman:women child:children mouse:mice foot:feet tooth:teeth'
  )
    .split(' ')
    .flatMap((entry) => {
      const [base = '', forms = ''] = entry.split(':');
      return forms.split(',').map((form) => [form, base]);
    }),
);

const VOWEL = /[aeiouy]/;
const UNDOUBLE = /([bcdfgkmnprtv])\1$/;

/** Reduces a word (any case) to the key that all its inflected forms share. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  w = IRREGULAR.get(w) ?? w;
  if (w.length <= 3) return w;

  if (w.length > 4 && (w.endsWith('ies') || w.endsWith('ied'))) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:x|ch|sh|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('ing') && VOWEL.test(w.slice(0, -3)) && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && !w.endsWith('eed') && VOWEL.test(w.slice(0, -2)) && w.length >= 5) w = w.slice(0, -2);

  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  if (UNDOUBLE.test(w)) w = w.slice(0, -1);
  return IRREGULAR.get(w) ?? w;
}
