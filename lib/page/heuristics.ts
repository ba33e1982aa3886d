/**
 * Every selector, pattern and threshold the finders use to tell an article and its comments from
 * the rest of a page, in one place so they can be tuned and reviewed together. The class/id
 * patterns and most numbers follow Mozilla Readability's `REGEXPS` and `_cleanConditionally`
 * (Apache-2.0), which is the reference the finders are measured against.
 */

const tags = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** How the text of a page is read: what is never text, and what starts a new block. */
export const TEXT_HEURISTICS = {
  /** Elements whose content is never rendered as text. */
  skippedTags: tags(
    'script style noscript template svg iframe object embed canvas video audio ' +
      'button select textarea input head title meta link',
  ),
  /** Elements rendered as blocks: a text map puts a blank line where one starts or ends. */
  blockTags: tags(
    'address article aside blockquote body br caption center dd details dialog dir div dl dt ' +
      'fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li ' +
      'main menu nav ol p pre section summary table tbody td tfoot th thead tr ul',
  ),
  /** Elements whose whitespace is kept as written. */
  preformattedTags: tags('pre textarea plaintext listing xmp'),
  /** An inline style that hides the element (no layout is available, and none is needed). */
  hiddenStyle: /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i,
} as const;

/** What makes a block of a page look like the article body, or like clutter around it. */
export const ARTICLE_HEURISTICS = {
  /** class/id of blocks that are almost never content (dropped before scoring). */
  unlikelyCandidates:
    /-ad-|ai2html|banner|breadcrumbs|combx|comment|kommentar|commentaire|comentario|commenti|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|signup|paywall/i,
  /** class/id of comment sections, left out even when the search is retried with fewer exclusions. */
  commentSection:
    /(?:^|[\s_-])(?:comments?|commentlist|disqus|replies|respond|kommentare?|commentaires?|comentarios?|commenti|reacties|komentarze|leserkommentare)(?:$|[\s_-])/i,
  /** …unless their class/id also says this. */
  maybeCandidate: /and|article|body|column|content|main|shadow/i,
  unlikelyRoles: tags('menu menubar complementary navigation alert alertdialog dialog'),
  /** itemprop of the element a publisher marks as the article body (schema.org). */
  declaredBody: /(?:^|\s)articleBody(?:\s|$)/,
  /** class/id words that add to (positive) or take from (negative) a block's score. */
  positive: /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i,
  negative:
    /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|signup|recommend|trending|toolbar|(?:^|[\s_-])nav(?:$|[\s_-])/i,
  byline: /byline|author|dateline|writtenby|p-author/i,
  /** class/id of a date line; removed from the body when short. */
  dateline: /(?:^|[\s_-])(?:date|dateline|timestamp|pubdate|published|posted-on|updated|article-time)(?:$|[\s_-])/i,
  shareElements: /(\b|_)(share|sharing|sharedaddy)(\b|_)/i,
  /** A block that only says this is an ad slot or a loading placeholder. */
  placeholderText:
    /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio|(loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu,
  /** class/id of a caption or a picture credit (figure text is not article text). */
  caption:
    /caption|credit|copyright|(?:^|[\s_-])(?:(?:img|image|photo|foto|bild)-?meta(?:data)?|legende|bildunterschrift|bildquelle|bildnachweis|photo-?info|image-?source|img-?source|foto-?autor|wp-caption-text)(?:$|[\s_-])/i,
  /** …but not a block that says it has none, or is a container of captioned items. */
  notCaption: /(?:no|has|with|without)[-_]?caption/i,
  maxCaptionLength: 400,
  /**
   * A short line that opens with a picture or source label and a colon ("Foto: …", "Titelbild:",
   * "Crédits photos :", "Quelle: …", "Źródło:") is a credit or a caption, not a sentence of the story.
   */
  creditLine:
    /^\s*(?:(?:titel|beitrags|header|vorschau|aufmacher)?bild(?:er|quelle|nachweis)?|fotos?|photos?|images?|pictures?|cr[ée]dits?(?: photos?)?|copyright|quellen?(?:angaben)?|sources?|fuentes?|fonte|źródło|abbildung(?: \d+)?|grafik|illustration)\s*:/iu,
  maxCreditLineLength: 100,
  /** A line of article text shorter than this that is all link is a link line, not prose. */
  maxLinkLineLength: 200,
  linkLineDensity: 0.9,
  /** …or a line of a short label ending in a colon ("Auch lesen:", "Tags:") and links that make up this much of it. */
  labelledLinkDensity: 0.5,
  maxLinkLabelLength: 40,
  /** What may stand between the links of such a line. */
  linkSeparator: /^[\s,;|·•/]*$/,
  /** A heading, a line ending in a colon, or a short line like these ("Schon gelesen?") introduces what follows… */
  leadInEnd: /[?…]$|^[^.!]{0,40}$/su,
  maxLeadInLength: 100,
  /** …and goes with it when what follows is clutter of at least this much text. */
  minIntroducedLength: 20,
  /** A short link box set between paragraphs ("Related: …", "Read more: …"). */
  teaserLead: /^\s*(related|read more|read also|also read|see also|more on this|recommended|further reading|more:|lire aussi|à lire aussi|leer más|lesen sie auch|mehr zum thema)\b/i,
  /** Commas of Latin, Arabic, Chinese and other scripts (char codes): each one adds to a paragraph's score. */
  commaCodes: new Set([0x2c, 0x60c, 0xfe50, 0xfe10, 0xfe11, 0x2e41, 0x2e34, 0x2e32, 0xff0c]) as ReadonlySet<number>,
  hashUrl: /^#.+/,
  /** Tags whose text is scored as a paragraph. */
  scoredTags: tags('section h2 h3 h4 h5 h6 p td pre'),
  /** A div holding none of these is scored as a paragraph. */
  divToParagraphTags: tags('blockquote dl div img ol p pre table ul'),
  /** Tags whose text counts as "textual" when deciding whether a div is empty of prose. */
  textishTags: tags('span li td blockquote dl div img ol p pre table ul'),
  /** Starting score of a candidate container by tag. */
  tagScore: {
    div: 5,
    pre: 3,
    td: 3,
    blockquote: 3,
    address: -3,
    ol: -3,
    ul: -3,
    dl: -3,
    dd: -3,
    dt: -3,
    li: -3,
    form: -3,
    h1: -5,
    h2: -5,
    h3: -5,
    h4: -5,
    h5: -5,
    h6: -5,
    th: -5,
  } as Readonly<Record<string, number>>,
  /** Removed from the body whatever they hold. */
  alwaysRemovedTags: tags('aside footer nav object embed link iframe input textarea select button dialog'),
  /** Judged by their text, links, images and inputs, and removed when they look like clutter. */
  conditionalTags: tags('form fieldset table ul div'),
  minParagraphLength: 25,
  /** A prose paragraph: at least this long, mostly not links. */
  proseParagraphLength: 25,
  proseMaxLinkDensity: 0.5,
  /** The least running prose that makes an article: this much in two paragraphs, or twice it in one. */
  minArticleLength: 250,
  minArticleParagraphs: 2,
  /** Below this, the search is retried with fewer exclusions (Readability's `charThreshold`). */
  retryLength: 500,
  /** A listing: at least this many blocks that are a lone link (headlines)… */
  minTeaserBlocks: 5,
  /** …with less prose than this per headline (one-line deks, not a listicle's sections). */
  maxProsePerTeaser: 250,
  /** …unless paragraphs side by side hold this much prose (twice as much in fewer paragraphs): an article beside a column of headlines. */
  articleRunLength: 1000,
  articleRunParagraphs: 3,
  topCandidates: 5,
  /** Scored content holding the richest <article> narrows to it when it holds this share of the prose. */
  outlineShareInside: 0.8,
  /** class/id of a standfirst (lede, intro, excerpt, subtitle) set apart from the body, in the languages of the pages met so far. */
  standfirst:
    /(?:^|[\s_-])(?:standfirst|lede|lead|intro|excerpt|teaser|subtitle|sub-?headline|summary|dek|chapeau|chapo|bajada|entradilla|sumario|copete|sottotitolo|kicker-text)(?:$|[\s_-])/i,
  /** It is looked for this many levels above the body, before it… */
  standfirstLevels: 5,
  /** …and holds prose: this long, and mostly not links. */
  minStandfirstLength: 40,
  maxStandfirstLength: 1500,
  maxStandfirstLinkDensity: 0.3,
  /** Enough words shared with the title to be the title heading. */
  titleSimilarity: 0.75,
} as const;

/** Hints that a page is an article at all, checked before any scoring. */
export const ARTICLE_PAGE_HINTS = {
  /** schema.org and Open Graph declarations of an article. */
  articleSelector: '[itemprop~="articleBody"], meta[property="og:type"][content="article" i]',
  jsonLdSelector: 'script[type="application/ld+json"]',
  jsonLdArticleType:
    /"@type"\s*:\s*(?:\[\s*)?"(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|BlogPosting|LiveBlogPosting|TechArticle)"/,
  /** Readability's `isProbablyReaderable`: sum of sqrt(length - minLength) over prose blocks. */
  proseSelector: 'p, pre, article',
  /** An <article> whose heading is a link is a teaser card, not an article. */
  teaserCardSelector: 'h1 a, h2 a, h3 a, h4 a, a h1, a h2, a h3, a h4',
  brParentSelector: 'div > br',
  /** Scripts that say as much in one character as Latin says in about three (a word or a syllable per sign). */
  denseScript: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu,
  /** A cheap first look for those scripts (CJK blocks and the surrogates of CJK extensions), so Latin pages never build the Unicode sets above. */
  maybeDense: /[\u1100-\u11ff\u2e80-\ud7af\uf900-\ufaff\ud840-\ud87f]/,
  denseScriptWeight: 3,
  minBlockLength: 140,
  minScore: 20,
} as const;

/** Words that say a commenter speaks, set between the name and the text ("Ann says:", "Ramón dijo:"). */
const SAYS = 'says|said|wrote|writes|sagt|schreibt|schrieb|meint|dice|dijo|escribe|escribió|a écrit|écrit|scrive|ha scritto|zegt|schreef|pisze|napisał';

/** Where reader comments stand and which parts of a comment are not its text. */
export const COMMENT_HEURISTICS = {
  wordpress: {
    /** class (or, in older themes, id) of the `ol`/`ul` that holds the comments. */
    list: /(?:^|\s)(?:commentlist|comment-list)(?:\s|$)/,
    /** Items: by class, or in older themes only by an id such as `comment-9295`. */
    item: 'li.comment, li.pingback, li.trackback, li[id^="comment-"]',
    body: /(?:^|\s)comment-content(?:\s|$)/,
  },
  disqus: {
    /** The embed's placeholder on the host page, and the list inside Disqus's own frame (disqus.com/embed/comments). */
    threadIds: new Set(['disqus_thread', 'post-list']) as ReadonlySet<string>,
    item: 'li.post, [data-role="post"]',
    body: /(?:^|\s)post-message(?:\s|$)/,
  },
  /** Comments a page declares: schema.org `Comment` (or `Answer`) microdata, ARIA 1.3's `role="comment"`; the text's class, when it has one. */
  declared: {
    itemtype: /schema\.org\/(?:Comment|Answer)\s*$/i,
    body: /(?:^|[\s_-])(?:comment-?(?:body|content|text)|text|message|content|body)(?:$|[\s_-])/i,
  },
  /** Words in the class or id of an area of comments. */
  containerWords: /comment|discussion|replies|responses|kommentar|commentaire|comentario/i,
  /** …unless it lists other pages' comments: a sidebar, "recent" or "most commented"… */
  sidebarWords: /sidebar|recent|latest|popular|most[-_]|meist/i,
  /** …or a widget, except the comment widget that holds this page's thread (`comment-widget`, `CommentsWidget`). */
  widgetWords: /widget/i,
  threadWidget: /(?:comment|kommentar|commentaire|comentario|discussion)s?[-_]?widget/i,
  sidebarSelector: 'aside, [role="complementary"]',
  /** A block named as a whole area of comments (`comments-container`, `comment-list`) is not one comment, even when it holds only one. */
  areaWords: /comments|kommentare|commentaires|comentarios|list|container|section|area|wrap|thread|discussion/i,
  /** Tags a comment block can have (a `dd` of a `dl` thread reads its author from the `dt` before it). */
  itemSelector: 'div, li, article, section, blockquote, dd',
  /** class, itemprop or rel of the element naming a comment's author. */
  authorClass: /author|autor|auteur|verfasser|benutzer|utilisateur|usuario|utente|(?:^|\s)user(?:\s|$)|user-?name|user_name|nick|commenter|__user(?:\s|$)|(?:^|\s)fn(?:\s|$)|(?:^|\s)name(?:\s|$)|__name|-name(?:\s|$)/i,
  authorRelation: /(?:^|\s)(?:author|name)(?:\s|$)/i,
  /** Parts of a comment where its author's name stands (header, meta line, info box). */
  authorPlaceWords: /(?:^|[\s_-])(?:header|head|meta|info|byline|vcard|kopf)(?:$|[\s_-])/i,
  /** A first line that names the author when no element says "author". */
  leadAuthorTags: tags('cite b strong a'),
  /** A name has at least one letter (not a rank, a count or a date). */
  nameLetter: /\p{L}/u,
  /** Separators and labels around a name ("Ammon ·", "Ann says:"). */
  nameSeparators: new RegExp(`^[\\s·•|:–—-]+|(?:\\s+(?:${SAYS}))?[\\s·•|:–—-]+$`, 'giu'),
  /** What a header line holds beside the author and the date ("wrote:", "on", separators), in characters. */
  maxHeaderWords: 20,
  /** The longest author name that is a name and not a sentence. */
  maxAuthorLength: 80,
  /** class of a comment's text. */
  bodyWords: /(?:^|[\s_-])(?:body|content|text|message|inhalt|texte|contenu|contenido|cuerpo|testo|corpo|tekst)(?:$|[\s_-])/i,
  /** A list of replies inside a comment: each reply is a comment of its own. */
  repliesWords: /(?:^|[\s_-])(?:children|replies|responses)(?:$|[\s_-])/i,
  /** Parts of a comment that are not its text: header, metadata, actions, forms. */
  chromeWords:
    /(?:^|[\s_-])(?:meta|metadata|header|footer|actions?|toolbar|menu|reply|permalink|share|vote|voting|likes?|report|flag|avatar|time|date|datetime|timestamp|byline|author|vcard|edit|more|load-more|pagination|kopf|zeit|datum|aktionen|autor|auteur|fecha|acciones)(?:$|[\s_-])/i,
  /** …but a part named for a "read more" toggle that holds this much text is the text itself, cut short until clicked. */
  truncatedWords: /(?:^|[\s_-])(?:read-?more|more|expand(?:able|ed)?|truncated?|clamp(?:ed)?|collapsed?)(?:$|[\s_-])/i,
  minTruncatedText: 30,
  /** class of a comment's date or time, which is never its body whatever else the class says. */
  dateWords: /(?:(?:^|[\s_-])(?:[Tt]ime|[Dd]ate|[Dd]atetime|[Tt]imestamp|[Zz]eit|[Dd]atum|[Ff]echa)|[a-z](?:Time|Date|Datetime|Timestamp|Zeit|Datum|Fecha))(?:$|[\s_-])/,
  /** Controls of a form: a block holding one is a comment form, a sort menu or a prompt, not a comment. */
  formControlSelector: 'form, input, textarea, select, button',
  chromeTags: tags('form textarea button input select time header footer menu nav'),
  /** Link or button labels of comment actions. */
  actionText:
    /^(reply|like|unlike|share|report|flag|permalink|link|edit|delete|upvote|downvote|follow|unfollow|profile|vote up|vote down|load more( comments)?|show( \d+)?( more)? repl(y|ies)|view( \d+)? repl(y|ies)|see more|read more|antworten|melden|gefällt mir|weitere kommentare( laden)?|répondre|signaler|responder|denunciar|rispondi|segnala)$/i,
  /** A first line of a comment's text that only says its author speaks, or only separates the name from what follows ("|"), up to the line break after it. */
  saysLine: new RegExp(`^(?:(?:${SAYS})\\s*:?|[·•|:–—-]+)\\n+`, 'iu'),
  /** A comment's vote count ("27 points", "1.2k votes", "3 Punkte"). */
  scoreText: /^[+\-−]?[\d.,]+\s*[km]?\s+(?:points?|votes?|upvotes?|likes?|punkte?|stimmen|votos|puntos|punti)$/i,
  /** The longest action label or date line, white space aside (`weiterekommentareladen`, with room to spare). */
  maxLabelLength: 40,
  /** A part that is only a date or a time ("12.02.2026, 08:14", "9 Jan" is left to its class). */
  dateOnlyText: /^(?=.*\d)[\d\s.,:/-]+(?:\s*(?:uhr|h|am|pm|utc|gmt))?$/i,
  /** A comment says at least this much (not a lone initial of a letter avatar). */
  minimalText: /[\p{L}\p{N}]{2}/u,
  /** Outside a comment-named area: a comment is a block around a time element, at most this many levels up… */
  timedItemDepth: 4,
  /** …with most of its text not in links (teaser cards are mostly links; so are recent-comment widgets, in named areas too). */
  timedMaxLinkShare: 0.5,
  /** A block with a heading is a teaser card or a section, not a comment. */
  teaserSelector: 'h1, h2, h3, h4, h5, h6',
  /** A class generated by a CSS-in-JS library for a base component (styled-components, emotion, styled-jsx). */
  generatedClass: /^(?:sc-[A-Za-z]{5,}|css-[a-z0-9]{5,}|jsx-\d+)$/,
  /** At least this many same-shaped blocks make a comment list. */
  minComments: 2,
  /** A class that names one comment, the word alone or an item of a list (not `comment-count`, `comment-form`, `comments`). */
  oneCommentClass: /^(?:comment|kommentar|commentaire|comentario|commento|reactie|komentarz)(?:[-_]{1,2}(?:item|entry))?$/i,
  /** Comments in rows of their own stand at most this many levels below the block they share. */
  rowDepth: 4,
  /** Comment rows that mostly name no author make a thread only this many together. */
  minAuthorlessComments: 3,
} as const;
