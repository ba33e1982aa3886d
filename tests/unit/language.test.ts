import { describe, expect, it } from 'vitest';
import { createAnnotator } from '../../lib/engine/annotator';
import { languageOf } from '../../lib/engine/language';
import { compileDefaultPacks } from '../../lib/rules/default-packs';

/** The packs read English: a page in another language gets no marks, and says why. Texts written for these tests. */

const english =
  'The government said on Monday that it would raise the budget for the space agency by a third, and the minister told reporters that the first launch of the new rocket was planned for the spring. Critics of the plan say that the money would be better spent on schools and hospitals, which have been waiting for years.';
const french =
  'Le gouvernement a annoncé lundi qu’il augmenterait d’un tiers le budget de l’agence spatiale, et le ministre a déclaré aux journalistes que le premier lancement de la nouvelle fusée était prévu pour le printemps. Les critiques estiment que cet argent serait mieux dépensé dans les écoles et les hôpitaux, qui attendent depuis des années.';
const german =
  'Die Regierung kündigte am Montag an, das Budget der Raumfahrtagentur um ein Drittel zu erhöhen, und der Minister sagte den Journalisten, dass der erste Start der neuen Rakete für das Frühjahr geplant sei. Kritiker meinen, das Geld wäre in Schulen und Krankenhäusern besser angelegt, die seit Jahren warten.';

describe('languageOf', () => {
  it.each([
    [english, '', true],
    [english, 'en-GB', true],
    [english, 'fr', true], // a wrong declaration: the text is English
    [french, 'fr', false],
    [french, '', false],
    [french, 'en', false], // the default "en" of a template, on a French page
    [german, 'de-DE', false],
    ['Short note.', 'fr', false],
    ['Short note.', '', true],
  ])('%#: covered %s', (text, declared, covered) => {
    expect(languageOf(text, declared).covered).toBe(covered);
  });

  it('names the declared language when the text confirms it is not English', () => {
    expect(languageOf(french, 'fr-FR').code).toBe('fr');
  });
});

describe('a page the packs do not read', () => {
  const annotator = createAnnotator(compileDefaultPacks());

  it('gets no marks at all, article and comments, and its language is reported', () => {
    const page = annotator.annotatePage({ title: 'Espace', text: `${french}\n\n${french}`, lang: 'fr' }, [{ author: 'Jean', text: 'Ce sont des idiots, 100% des fonds sont volés !' }]);
    expect(page.language).toEqual({ code: 'fr', covered: false });
    expect(page.article?.annotations).toEqual([]);
    expect(page.comments[0]).toMatchObject({ flags: [], annotations: [] });
  });

  it('marks an English page as before', () => {
    const page = annotator.annotatePage({ title: 'Space', text: english, lang: 'en' }, []);
    expect(page.language.covered).toBe(true);
    expect(page.article?.annotations.length).toBeGreaterThan(0);
  });
});
