/**
 * Reader-facing explanations: a rule's template with `{cue}` replaced by the quoted words it
 * marked, shortened in the middle when long so the card stays small.
 */

const MAX_CUE = 80;

export function quoteCue(cue: string): string {
  const flat = cue.replace(/\s+/g, ' ').trim();
  const short = flat.length <= MAX_CUE ? flat : `${flat.slice(0, MAX_CUE / 2 - 1)} … ${flat.slice(-MAX_CUE / 2 + 1)}`;
  return /^[‘“"'«].*[’”"'»]$/u.test(short) ? short : `“${short}”`;
}

export function fillExplanation(template: string, cue: string, extra: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name === 'cue' ? quoteCue(cue) : (extra[name] ?? whole),
  );
}
