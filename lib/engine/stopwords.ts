import { stem } from './stem';

/**
 * English function words: they carry no topic, so they are left out when comparing a comment's
 * vocabulary with the article's and when looking for repeated phrases. Stored as stems.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each either even ever every few for from ' +
    'further get got had has have having he her here hers herself him himself his how i if in into is it its ' +
    'itself just let like made make many may me might more most much must my myself no nor not now of off on ' +
    'once one only or other our ours ourselves out over own per same say said shall she should so some still ' +
    'such than that the their theirs them themselves then there these they this those through thus to too ' +
    'under until up upon us very was we well were what when where whether which while who whom whose why will ' +
    'with within without would yet you your yours yourself yourselves lol ok oh yes yeah'
  )
    .split(' ')
    .map(stem),
);
