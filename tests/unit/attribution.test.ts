import { describe, expect, it } from 'vitest';
import { attributionOf } from '../../lib/engine/attribution';
import { quotedSpans } from '../../lib/engine/quotes';
import { analyse } from '../../lib/engine/text';

/**
 * Sourcing read from the wording of news: the last sentence of each text is judged, the ones
 * before it are its context (where "he" or "the report" was named).
 */
function sourcingOfLast(text: string): string {
  const { sentences } = analyse(text);
  const found = attributionOf({ text, sentences, index: sentences.length - 1, quotes: () => quotedSpans(text) });
  return found?.sourcing ?? 'none';
}

const CASES: [string, string][] = [
  // Words that look like a speaker and a verb, and are not.
  ['That said, the malware leaves the files unencrypted on 40 devices.', 'none'],
  ['Savings like this quickly add up to $400 a year for a family of four.', 'none'],
  ['The senator did not write the bill that passed in 2019.', 'none'],
  // A named speaker, before or after the verb.
  ['“The bridge will reopen in May,” said Karin Holt.', 'attributed'],
  ['The bridge will reopen in May, says Okonkwo.', 'attributed'],
  ['The bridge will reopen in May, said Karin Holt, who chairs the transport board.', 'attributed'],
  ['Mayor Lucas Brandt told Reuters the bridge would reopen in May.', 'attributed'],
  ['In an interview with the BBC, Ms. Ferreira said the plant would close.', 'attributed'],
  ['Dr. Amara Osei, a virologist at the institute, said cases had doubled.', 'attributed'],
  ['Tom Becker, who ran the agency until 2019, warned that the fund would be empty by 2030.', 'attributed'],
  ['Unemployment fell to 4 percent in March, according to the Office for National Statistics.', 'attributed'],
  ['Exports grew by 12 percent, data from the central bank show.', 'attributed'],
  ['The chain had more than 100 house brands last July, according to Marlow Research, twice as many as in 2017.', 'attributed'],
  ['The brand sold $6 million of coffee pods in January, according to data analysis firm 4040data.', 'attributed'],
  ['Sales rose 4 percent, according to Kantar Worldpanel data.', 'attributed'],
  ['Dana Ruiz said sales were up. “Which really surprises me, since 40 percent of buyers left in 2015.”', 'attributed'],
  ['Sales rose 4 percent in 2015. “Nobody expected it.”', 'none'],
  ['Version numbers (such as 1 for stone) are being replaced by ID names in 2019.', 'none'],
  ['A report released on Monday by the ministry found 40 new cases.', 'attributed'],
  ['It was revealed on Monday by Education Minister Dana Okoro that 40 schools would close.', 'attributed'],
  ['The bridge was built in 1990 by the state.', 'none'],
  ['Local people reported a flash of light west of the capital, the regional government was quoted as saying late Thursday by the Interfax news agency.', 'attributed'],
  ['The thaw, welcomed by many, worried Tasos Adeyemi, deputy commissioner for water operations.', 'none'],
  ['The sap is toxic to 12 species of birds [source].', 'vague'],
  ['Obama administration officials said the sanctions would be lifted.', 'vague'],
  ['Sales fell in the spring, according to industry data.', 'vague'],
  ['A report by the Audit Commission found that 300 schools had leaking roofs.', 'attributed'],
  ['The Harbour Trust estimates that the repairs will cost $3 million.', 'attributed'],
  ['Senator Ruth Adeyemi called the bill “a disgrace to the chamber.”', 'attributed'],
  ['“Nobody was hurt,” the fire chief, Paul Moreau, said.', 'attributed'],
  ['Mayor Ana Ruiz closed the park on Sunday, saying the paths were unsafe.', 'attributed'],
  ['The Treasury’s latest forecast puts growth at 2 percent.', 'attributed'],
  ['Senator Ida Bell of Vermont said the vote would be held on Tuesday.', 'attributed'],
  ['The ministry said in a statement that 40 people had been detained.', 'attributed'],
  // A source named after its document, and "per" a named tally.
  ['The mayor has the most endorsements in the region, per a list compiled by the Civic Data Lab.', 'attributed'],
  ['The mayor has the most endorsements in the region, per Ballotpedia.', 'attributed'],
  // Unnamed: a flyer, plaintiffs who allege.
  ['The rally drew 3,000 people, according to a flyer posted online.', 'vague'],
  ['The workers alleged that the firm paid them $4 less per hour than it had promised.', 'vague'],
  // A closing "according to" frames the sentence over an action verb inside it.
  ['Her parents wrote to the mayor in 1993 and got their answer this year, according to the Baltic News Agency.', 'attributed'],
  // A speaker before a relative clause without commas.
  ['Three nurses who were on the Keller Ward at the time said the alarm never sounded.', 'vague'],
  ['The engineer who built the dam in 1990 said it would hold.', 'vague'],
  ['Nadia Petrov, who was on the ward, said the alarm never sounded.', 'attributed'],
  // Forms of news writing read on article bodies nobody tuned for.
  ['The app costs nothing, as The Harbour Review points out in its test.', 'attributed'],
  ['Mayor Ana Ruiz has already announced that the bridge will reopen in May.', 'attributed'],
  ['Reports indicate that the company sold 40,000 units in March.', 'vague'],
  ['It was first revealed that the plant had leaked 300 tons of oil.', 'vague'],
  ['It’s said that the plant leaked 300 tons of oil in 2014.', 'vague'],
  ['As an added bonus, the hotel has 40 rooms.', 'none'],
  ['According to one source the order came from the Foreign Ministry in 2014.', 'vague'],
  ['Okafor opines that the firm will sell 30 million watches.', 'attributed'],
  ['Northwind is reporting that it lost $300 million in 2014.', 'attributed'],
  ['Reports are claiming that 40 people died in the blast.', 'vague'],
  ['He was saying goodbye to 40 friends at the Lisbon airport.', 'none'],
  ['The boy asked for the phone at 9 p.m. and the guard gave it to him.', 'none'],
  ['The militants declared a caliphate in 2014 across the region.', 'none'],
  ['The Coastal Post website quoted Dana Okoro as saying that 40 fighters died.', 'attributed'],
  ['One well-connected Northwind pundit says the watch sold 3 million units.', 'vague'],
  ['Dana Okoro led the defence of the village. The embattled mother told Harbour Radio that 25 fighters were killed.', 'attributed'],
  ['The Coastal Council labeled it a victory over 40 fighters.', 'attributed'],
  ['Okafor, told the agency that 3 men attacked him in 2014.', 'attributed'],
  ['People familiar with the plans told The Harbour Journal that the firm will open 40 stores.', 'vague'],
  ['A source with access to the talks in Geneva said 300 troops would leave.', 'vague'],
  ['Rumors have grown that the singer died in 2014.', 'vague'],
  ['The prisoner was apparently freed by 40 rebels in 2014.', 'vague'],
  ['If reports this week are accurate, the firm has cut 300 jobs.', 'vague'],
  ['According to the indictments filed against them, they stole $4 million in 2013.', 'vague'],
  ['British intelligence officers estimate that 500 citizens have joined the group since 2013.', 'vague'],
  ['Analysts speculated that the 2014 merger cost $3 billion.', 'vague'],
  // "per" of a rate is no source.
  ['The firm paid its drivers $4 less per hour than it had promised.', 'none'],
  // A pronoun or a definite description whose referent was named just before.
  ['Nadia Karim runs the clinic. She said 200 patients were turned away last week.', 'attributed'],
  ['Nadia Karim runs the clinic. Last week, she added, 200 patients were turned away.', 'attributed'],
  ['A survey by the Pew Research Center was published on Monday. The survey found that 60 percent of adults own a tablet.', 'attributed'],
  ['President Alvarez visited the port. The president also admitted that the budget had run out.', 'attributed'],
  // A quotation of several sentences, its speaker named after its last one.
  ['“Prices doubled in a year. Nobody could pay the rent,” Ms. Laine said.', 'attributed'],
  // A source gestured at but not named.
  ['Critics say the plan will cost 2 billion dollars.', 'vague'],
  ['The plant will close in June, officials said.', 'vague'],
  ['Government officials said on Thursday that 30 people were arrested.', 'vague'],
  ['Two prisoners escaped during the night, a senior police source told Reuters.', 'vague'],
  ['The tax cut, say economists, will add $500 billion to the deficit.', 'vague'],
  ['Analysts expect the bank to raise rates by half a point.', 'vague'],
  ['Many farmers blame the drought for the losses.', 'vague'],
  ['The minister reportedly resigned on Friday.', 'vague'],
  ['It is understood that the talks collapsed on Tuesday.', 'vague'],
  ['The company is said to have lost $40 million.', 'vague'],
  ['The report says the river is polluted.', 'vague'],
  ['About 30 people were injured, according to local news reports.', 'vague'],
  ['A neighbour who saw the fire said the flames reached the roof.', 'vague'],
  ['Officials in Kabul said 12 soldiers were killed.', 'vague'],
  ['One insider pointed out that nobody had resigned.', 'vague'],
  ['Statistics showed that burglaries fell by a third.', 'vague'],
  ['Thirty per cent said the tax was unfair.', 'none'],
  ['The town lost half its jobs to tariffs the mayor’s critics have long blamed on him.', 'vague'],
  // Plain statements, and names that are not sources.
  ['The bridge reopened in May after two years of repairs.', 'none'],
  ['On Monday the state of Ohio recorded 40 new cases.', 'none'],
  ['The yield on the 10-year note has risen to 3 percent.', 'none'],
  ['The deal was signed in Geneva in 2015.', 'none'],
  ['Matteo Ricci wrote a novel about the war.', 'none'],
  ['A spending bill passed in March will add to the pressure on the budget.', 'none'],
  ['The council issued a stern warning about the noise.', 'none'],
  ['In his reports from 1990, the numbers were higher.', 'none'],
];

describe('attribution of claims', () => {
  it.each(CASES)('%j is %s', (text, expected) => {
    expect(sourcingOfLast(text)).toBe(expected);
  });
});

describe('the source shown to the reader', () => {
  it.each([
    ['A number of experts have challenged the idea that the blast was an accident.', 'A number of experts have challenged'],
    ['“The bridge will reopen in May,” said Karin Holt.', 'said Karin Holt'],
    ['Mayor Lucas Brandt told Reuters the bridge would reopen in May.', 'Mayor Lucas Brandt told'],
    // The quotation opened a sentence earlier: its straight closing quote is no opening one.
    ['"The plan is not final. What we propose is much smaller than the old resort," said Dana Ruiz, who runs public works.', 'said Dana Ruiz'],
  ])('names the speaker with the verb: %s', (text, shown) => {
    const { sentences } = analyse(text);
    const found = attributionOf({ text, sentences, index: sentences.length - 1, quotes: () => quotedSpans(text) });
    expect(found && text.slice(found.start, found.end)).toBe(shown);
  });
});
