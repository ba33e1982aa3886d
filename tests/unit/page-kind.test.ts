import { describe, expect, it } from 'vitest';
import { READS_AS_ARTS, READS_AS_INSTRUCTIONS, summariseFrame } from '../../lib/background/summary';
import { isConfident } from '../../lib/engine/confidence';
import { isInstruction, pageKindOf, readsAsInstructions } from '../../lib/engine/page-kind';
import { analyse } from '../../lib/engine/text';
import { defaultAnnotator } from '../../lib/rules/default-packs';

/**
 * Plainsight reads news and opinion. A recipe, a tutorial or a buying guide is full of figures,
 * names and steps that look like claims to a sentence model; on such a page the reader sees no
 * marks unless they ask for all. Texts written for these tests, in the shapes of real pages.
 */

const RECIPE = `Ingredients
2 tablespoons vegetable oil
1 medium onion, chopped
2½ cups or 500 g long-grain rice, soaked in water for an hour
Roast the chicken in a 200°C oven for 45 minutes or until it is golden.
Meanwhile, heat the oil in a large saucepan and cook the onion for 5 minutes.
Add the rice and stir for 2 minutes, then add 4 cups of water and bring it to the boil.
Cover and simmer over low heat for 20 minutes or until the rice is tender.
Spoon the rice onto a platter, then carve the chicken and arrange it over the rice.
Serve hot with a green salad.
You can keep leftovers in the fridge for 3 days.
If you want a richer sauce, add a spoonful of butter at the end.`;

const TUTORIAL = `In this post we build a small HTTP client with Python's socket module.
First, create a socket with socket.socket() and connect it to port 80 of the host.
Then send the request line, followed by the headers and a blank line.
You will need to encode the request as bytes before you send it.
The response arrives in chunks, so read from the socket until recv() returns an empty string.
Install the requests package if you want something simpler: pip install requests.
Run the script and you should see the status line of the response.
The target_host variable holds the name of the server you connect to.
Use a timeout, or the call can block forever on a slow server.
That is all there is to a bare HTTP GET request.`;

const OPINION = `You should be furious about what the government did this week.
The minister promised the farmers a fair deal and then sold them out to the importers.
If you think the new tariff will protect anyone, think again.
The opposition has spent months warning that the treaty would gut rural jobs.
Officials insist the border checks will be lifted by spring.
You can read the whole agreement online, and you will find no protection for small producers in it.
Parliament votes on Thursday, and every member who backs the deal should answer to voters.
A fairer policy was on the table, and the government threw it away.
This is how a country abandons the people who feed it.`;

const NEWS_WITH_PRICES = `The city council approved a $95 million plan for a lakeside resort on Tuesday.
The mayor said the project would bring 300 jobs and $2 million a year in taxes.
Opponents told the council the 40-acre site should stay public land.
The developer must still win approval from the state's environmental agency.
Police closed the lake road for two hours during a protest before the vote.
Council members voted 5 to 2 in favour after a four-hour hearing.
The governor's office said it would review the plan next month.
A lawsuit filed by residents last year is still before the county court.`;

const GAME_REVIEWS = `The five most thrilling VR games of the year, ranked.
Night Harbour is a cheeky horror game that turns every trope of the genre into a ride.
You sit in a creaking cart while hideous pig monsters lunge at you from the dark, and the soundtrack never lets up.
It costs $20 and runs for about three hours, which is just right for a horror blast-a-thon.
Steel Arena puts you in the cockpit of a giant mech, and the sheer insanity of piloting it never gets old.
The multiplayer mode is downright brutal, and the matches are short and savage.
Its campaign is thin, but the online league keeps players coming back week after week.
Paper Kingdom is a weird and wonderful puzzle game about folding a world out of origami.
Its levels are short, the puzzles are fiendish and the hand-drawn animation is gorgeous.
Finally, Moon Diver is a ridiculous, funny platformer whose villain is a diabolical space goat.
The game was made by a studio of four people in Lisbon and sold a million copies on PlayStation.`;

const FILM_SUBSIDY_NEWS = `The government will cut the national film fund by 30 percent next year, the culture minister said on Tuesday.
The fund paid for 41 films in 2023, including two festival winners.
Opposition lawmakers called the cut a betrayal of the country's studios and its young directors.
The minister told parliament the budget crisis left no other choice.
The producers' union said 2,000 jobs were at risk and announced a protest outside the ministry.
A vote on the budget is expected before the end of the month.
The culture committee will question the minister about the decision next week.
Cinema owners warned that audiences would see fewer national films from 2025.`;

const PYTHON_TUTORIAL = `Python lets a function take a default value for any argument, which is handy and sometimes surprising.
Many developers assume the default is built again each time the function is called.
It is not: the default list is made once, when the function is defined.
>>> def add_item(item, basket=[]):
...     basket.append(item)
>>> add_item('apple')
The first call returns a list with one apple in it, as expected.
>>> add_item('pear')
The second call returns both fruits, because the same list was kept between calls.
The usual fix is to default to None and build the list inside the function.
>>> def add_item(item, basket=None):
...     if basket is None: basket = []
Now each call starts from an empty list, as most readers of the code would expect.
Version 3 of the language changed nothing here, and the behaviour dates back to 1991.`;

const GADGET_NEWS = `Rumours about a spring launch for the Harbour Watch may be true; the latest reports point to March.
The company is reportedly planning to train its shop staff between Feb. 9 and 16, according to two people who saw the schedule.
Citing anonymous sources, the site Gadgetline said staff will be sent to the head office for hands-on training.
The firm unveiled its watch in September, showing off the device in two sizes.
Available in a 38mm or 42mm case, the watch needs a phone to work.
The base model will cost $349, the company said, while the gold edition may sell for $5,000.
Analysts said the watch could sell 30 million units in its first year.
Shops will use scales that weigh 0.1 g to check returned gold models, the report said.
You can pre-order the watch from April 10 in nine shops.
The battery lasts 18 hours, and the 42mm model weighs 50 g.`;

const CELEBRITY_NEWS = `The actor has once again died, at least according to a hoax spreading online.
The star, best known for his role in a holiday film, was reportedly found dead in his flat, sources said.
News of his death spread quickly on two sites, and several fans posted tributes to his films.
A neighbour told reporters that the actor had been seen at a cinema on Friday.
His agent said in a statement that the actor is alive and working on a new comedy.
The hoax began on a site that publishes fake stories about film stars, the agency reported.
The same site claimed last year that a singer from his band had died.
His latest film, a horror comedy, premiered at a festival in May.`;

describe('the kind of page', () => {
  it.each([
    ['a recipe', RECIPE],
    ['a tutorial', TUTORIAL],
  ])('takes %s for instructions', (_what, text) => {
    expect(readsAsInstructions(analyse(text))).toBe(true);
  });

  it.each([
    ['an opinion piece that addresses its reader', OPINION],
    ['a news report full of figures', NEWS_WITH_PRICES],
    ['news of a gadget, with its sizes and prices', GADGET_NEWS],
    ['a few lines of instructions, too short to judge', RECIPE.split('\n').slice(4, 8).join('\n')],
  ])('reads %s as news or opinion', (_what, text) => {
    expect(readsAsInstructions(analyse(text))).toBe(false);
  });

  it('takes a programming tutorial whose code sits on interpreter prompts for instructions', () => {
    expect(pageKindOf(analyse(PYTHON_TUTORIAL))).toBe('instructions');
  });

  it('takes game reviews for a review, and a report on a film fund or an actor’s death hoax for news', () => {
    expect(pageKindOf(analyse(GAME_REVIEWS))).toBe('arts');
    expect(pageKindOf(analyse(FILM_SUBSIDY_NEWS))).toBeUndefined();
    expect(pageKindOf(analyse(CELEBRITY_NEWS))).toBeUndefined();
    expect(pageKindOf(analyse(OPINION))).toBeUndefined();
  });

  it('paints none of a review’s strong words by default, and keeps them for a reader who asks', () => {
    const marks = defaultAnnotator().annotateArticle(GAME_REVIEWS);
    expect(marks.some((m) => m.kind === 'technique')).toBe(true);
    expect(marks.filter(isConfident)).toEqual([]);
  });

  it('shows no claim or technique of a recipe or a tutorial by default, and keeps them for a reader who asks', () => {
    const annotator = defaultAnnotator();
    for (const text of [RECIPE, TUTORIAL]) {
      const marks = annotator.annotateArticle(text);
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.filter(isConfident)).toEqual([]);
    }
    expect(annotator.annotateArticle(NEWS_WITH_PRICES).filter((m) => m.kind === 'claim' && isConfident(m)).length).toBeGreaterThan(2);
  });
});

describe('an instruction on its own line', () => {
  it.each(['Store the jar in a cool place for up to a week.', 'Then click on the Send button.', 'Water it well every morning.', 'Sign up for our newsletter'])(
    'is an instruction: %s',
    (line) => expect(isInstruction(line)).toBe(true),
  );
  it.each(['Store sales fell by 4% in March.', 'Read this fact: there are now 12,500 cameras in the city.', 'Use of force rose sharply last year.'])(
    'is a statement: %s',
    (line) => expect(isInstruction(line)).toBe(false),
  );
});

describe('what the popup says of such a page', () => {
  const annotator = defaultAnnotator();
  it('notes that the page reads as instructions, and why its marks are hidden', () => {
    const page = annotator.annotatePage({ title: 'Roast chicken with rice', text: RECIPE }, []);
    expect(page.readsAs).toBe('instructions');
    expect(summariseFrame(page, 'https://example.org/recipe', 0).notes).toEqual([READS_AS_INSTRUCTIONS]);
  });
  it('notes that the page reads as a review, and why its marks are hidden', () => {
    const page = annotator.annotatePage({ title: 'The five best VR games', text: GAME_REVIEWS }, []);
    expect(page.readsAs).toBe('arts');
    expect(summariseFrame(page, 'https://example.org/games', 0).notes).toEqual([READS_AS_ARTS]);
  });
  it('says nothing of the kind on news', () => {
    const page = annotator.annotatePage({ title: 'Council backs resort', text: NEWS_WITH_PRICES }, []);
    expect(page.readsAs).toBeUndefined();
    expect(summariseFrame(page, 'https://example.org/news', 0).notes).toBeUndefined();
  });
});
