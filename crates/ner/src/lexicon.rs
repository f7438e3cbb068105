//! Word lists the rule tagger uses. All entries are lower case; lookups
//! lower-case the token first. Each token is looked up once, when its
//! features are built: [`WordClasses`] keeps one bit per list, and title
//! phrases are indexed by their first word ([`TITLE_PHRASES_BY_FIRST_WORD`]).
//!
//! | list | role |
//! | --- | --- |
//! | [`FUNCTION_WORDS`] | never a name on their own; dropped at the start of a candidate |
//! | [`CONNECTORS`] | lower-case words allowed inside a name ("Ministry *of* Foreign Affairs") |
//! | [`TITLE_PHRASES`] | titles and roles that travel with a person (`Mention::title`) |
//! | [`TITLE_MODIFIERS`] | words that may precede a title ("former", "deputy") |
//! | [`ORG_WORDS`] | a name containing one of these is an organization |
//! | [`PLACE_HEADS`] | a name ending in one of these is a place ("Republic Square") |
//! | [`EVENT_HEADS`] | a name ending in one of these is a named event (kind `other`) |
//! | [`SPEECH_VERBS`] | "X said" makes X a person unless it is a known place or organization |
//! | [`LOCATIVE_PREPOSITIONS`] | "in X" lets an ambiguous place name (an English word) count |
//! | [`INTERNATIONAL_ORGANIZATIONS`] | acronyms of intergovernmental and international bodies |

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// Determiners, pronouns, prepositions, conjunctions, auxiliaries and
/// sentence-opening adverbs: capitalized only because they start a sentence.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "afterwards",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "every",
    "everyone",
    "everything",
    "few",
    "finally",
    "following",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "inside",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "latest",
    "least",
    "less",
    "many",
    "may",
    "meanwhile",
    "might",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "my",
    "near",
    "neither",
    "never",
    "nevertheless",
    "next",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "otherwise",
    "our",
    "ours",
    "out",
    "outside",
    "over",
    "per",
    "perhaps",
    "please",
    "rather",
    "regardless",
    "several",
    "shall",
    "she",
    "should",
    "similarly",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "soon",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "today",
    "together",
    "tomorrow",
    "too",
    "toward",
    "towards",
    "under",
    "unless",
    "unlike",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whoever",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
    "yours",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "first",
    "second",
    "third",
    "mr",
    "mrs",
    "ms",
    "dr",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "am",
    "pm",
    "gmt",
    "utc",
    "ok",
    "oh",
];

/// Lower-case words that may join capitalized words inside one name.
pub(crate) const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "de", "al", "el", "bin", "ibn", "la", "le", "del", "della", "da",
    "do", "dos", "das", "du", "des", "di", "van", "von", "der", "den", "y",
];

/// Titles and roles, single words or fixed phrases (matched longest first).
pub(crate) const TITLE_PHRASES: &[&str] = &[
    "president",
    "vice president",
    "vice-president",
    "prime minister",
    "deputy prime minister",
    "minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "interior minister",
    "finance minister",
    "energy minister",
    "health minister",
    "justice minister",
    "secretary of state",
    "secretary-general",
    "secretary general",
    "general secretary",
    "secretary",
    "press secretary",
    "state secretary",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "chief",
    "chief executive",
    "ceo",
    "head",
    "director",
    "director-general",
    "director general",
    "editor",
    "editor-in-chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "ambassador",
    "envoy",
    "governor",
    "mayor",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "deputy",
    "mp",
    "speaker",
    "judge",
    "justice",
    "prosecutor",
    "prosecutor general",
    "prosecutor-general",
    "attorney general",
    "attorney-general",
    "ombudsman",
    "commander",
    "commander-in-chief",
    "general",
    "lieutenant general",
    "major general",
    "brigadier general",
    "colonel",
    "lieutenant colonel",
    "lieutenant",
    "major",
    "captain",
    "sergeant",
    "admiral",
    "marshal",
    "officer",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "sultan",
    "emir",
    "sheikh",
    "pope",
    "patriarch",
    "archbishop",
    "bishop",
    "imam",
    "rabbi",
    "reverend",
    "rev",
    "cardinal",
    "chancellor",
    "premier",
    "leader",
    "founder",
    "co-founder",
    "adviser",
    "advisor",
    "aide",
    "analyst",
    "researcher",
    "professor",
    "prof",
    "dr",
    "doctor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "maj",
    "gov",
    "sen",
    "rep",
    "correspondent",
    "reporter",
    "journalist",
    "columnist",
    "activist",
    "lawyer",
    "economist",
    "expert",
    "official",
    "councillor",
    "councilor",
    "associate",
    "manager",
    "coach",
    "owner",
    "anchor",
    "host",
    "dean",
    "rector",
    "provost",
    "fellow",
    "member",
    "commissioner",
    "administrator",
    "coordinator",
    "inspector",
    "detective",
    "superintendent",
    "constable",
    "cleric",
    "blogger",
    "ex-president",
    "ex-minister",
];

/// Words that may stand before a title in a role ("former deputy minister").
pub(crate) const TITLE_MODIFIERS: &[&str] = &[
    "former",
    "ex",
    "acting",
    "interim",
    "deputy",
    "vice",
    "first",
    "senior",
    "junior",
    "chief",
    "then",
    "current",
    "new",
    "outgoing",
    "incoming",
    "regional",
    "local",
    "press",
    "foreign",
    "interior",
    "defence",
    "defense",
    "finance",
    "state",
    "national",
    "executive",
    "managing",
    "general",
    "assistant",
    "lead",
    "top",
    "longtime",
    "long-time",
    "late",
    "self-proclaimed",
    "presidential",
    "prime",
    "de",
    "facto",
    "honorary",
    "elder",
];

/// Words that make a name an organization ("Interior *Ministry*").
pub(crate) const ORG_WORDS: &[&str] = &[
    "committee",
    "commission",
    "organization",
    "organisation",
    "ministry",
    "department",
    "council",
    "party",
    "union",
    "bank",
    "agency",
    "office",
    "service",
    "services",
    "court",
    "tribunal",
    "parliament",
    "senate",
    "assembly",
    "congress",
    "government",
    "administration",
    "army",
    "forces",
    "force",
    "navy",
    "guard",
    "guards",
    "police",
    "militia",
    "brigade",
    "battalion",
    "regiment",
    "corps",
    "university",
    "college",
    "academy",
    "institute",
    "school",
    "foundation",
    "fund",
    "trust",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "llc",
    "plc",
    "group",
    "holdings",
    "holding",
    "partners",
    "associates",
    "news",
    "post",
    "times",
    "radio",
    "television",
    "tv",
    "network",
    "press",
    "media",
    "journal",
    "gazette",
    "herald",
    "tribune",
    "telegraph",
    "magazine",
    "channel",
    "broadcasting",
    "newspaper",
    "wire",
    "bureau",
    "association",
    "federation",
    "league",
    "alliance",
    "coalition",
    "movement",
    "front",
    "church",
    "mosque",
    "centre",
    "center",
    "watch",
    "international",
    "airlines",
    "airways",
    "railways",
    "motors",
    "energy",
    "oil",
    "gas",
    "petroleum",
    "telecom",
    "systems",
    "technologies",
    "club",
    "team",
    "society",
    "chamber",
    "board",
    "authority",
    "directorate",
    "inspectorate",
    "prosecutor's",
    "procuracy",
    "cabinet",
    "secretariat",
    "embassy",
    "consulate",
    "mission",
    "treaty",
    "organization's",
    "exchange",
    "bloc",
    "hospital",
    "clinic",
    "laboratory",
    "command",
    "unit",
    "division",
    "squad",
    "staff",
    "initiative",
    "project",
    "lab",
    "labs",
    "studio",
    "studios",
    "records",
    "publishing",
    "publishers",
    "daily",
    "weekly",
    "monitor",
    "observer",
    "review",
    "report",
    "express",
    "mail",
    "star",
    "sun",
    "images",
    "photos",
    "pictures",
    "studies",
    "films",
    "productions",
    "entertainment",
    "software",
    "airline",
];

/// Heads that make a name a place ("Republic Square", "Almaty Region").
/// Airports, squares and streets are places where events happen; the
/// timeline treats them as locations.
pub(crate) const PLACE_HEADS: &[&str] = &[
    "region",
    "province",
    "oblast",
    "oblys",
    "district",
    "county",
    "city",
    "town",
    "village",
    "republic",
    "state",
    "territory",
    "square",
    "street",
    "avenue",
    "boulevard",
    "road",
    "highway",
    "bridge",
    "airport",
    "port",
    "harbour",
    "harbor",
    "station",
    "river",
    "lake",
    "sea",
    "ocean",
    "gulf",
    "bay",
    "mountains",
    "mountain",
    "mount",
    "hills",
    "valley",
    "desert",
    "island",
    "islands",
    "peninsula",
    "park",
    "stadium",
    "palace",
    "prison",
    "border",
    "crossing",
    "oblysy",
    "krai",
    "kray",
    "governorate",
    "prefecture",
    "municipality",
    "steppe",
];

/// Heads of named events ("the Nagorno-Karabakh War").
pub(crate) const EVENT_HEADS: &[&str] = &[
    "war",
    "revolution",
    "uprising",
    "crisis",
    "massacre",
    "genocide",
    "protests",
    "riots",
    "unrest",
    "games",
    "olympics",
    "cup",
    "championship",
    "summit",
    "election",
    "elections",
    "referendum",
    "coup",
    "spring",
    "conflict",
    "invasion",
    "siege",
    "battle",
    "offensive",
    "incident",
    "disaster",
    "earthquake",
    "pandemic",
    "agreement",
    "accords",
    "accord",
    "festival",
];

/// Verbs of saying: "X said" makes X a person.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "stated",
    "wrote",
    "writes",
    "noted",
    "argued",
    "explained",
    "recalled",
    "insisted",
    "warned",
    "claimed",
    "asked",
    "replied",
    "tweeted",
    "commented",
    "acknowledged",
    "admitted",
    "denied",
    "suggested",
    "believes",
    "thinks",
];

/// Prepositions that put a place name after them.
pub(crate) const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "outside",
    "across",
    "into",
    "around",
    "throughout",
    "through",
    "via",
    "inside",
];

/// Acronyms of intergovernmental and international organizations.
pub(crate) const INTERNATIONAL_ORGANIZATIONS: &[&str] = &[
    "un", "nato", "eu", "csto", "sco", "cis", "eaeu", "eeu", "osce", "asean", "opec", "oecd",
    "wto", "who", "imf", "iaea", "unesco", "unicef", "unhcr", "unhrc", "undp", "unep", "fao",
    "ilo", "icao", "imo", "itu", "wipo", "wfp", "unodc", "unrwa", "ohchr", "icc", "icj", "icrc",
    "ifrc", "interpol", "europol", "au", "ecowas", "sadc", "gcc", "oas", "oic", "apec", "brics",
    "g7", "g8", "g20", "ebrd", "eib", "adb", "aiib", "afdb", "idb", "ecb", "bis", "iea", "irena",
    "cern", "esa", "mercosur", "nafta", "usmca", "efta", "caricom", "saarc", "bimstec", "ecosoc",
    "unsc", "unga", "ipcc", "unfccc", "opcw", "ctbto", "iom", "unaids", "unfpa", "unops", "wmo",
    "upu", "unwto", "iso", "fifa", "uefa", "ioc", "wada", "msf", "hrw", "ngo", "pace", "odihr",
    "eurasec", "cica", "ecfr", "cstc", "coe", "echr", "oau", "pca",
];

/// Adjectives of continents and world regions, nationalities of no single country.
pub(crate) const CONTINENTAL_DEMONYMS: &[&str] = &[
    "asian",
    "european",
    "african",
    "latin",
    "arab",
    "arabian",
    "caucasian",
    "nordic",
    "scandinavian",
    "balkan",
    "baltic",
    "eurasian",
    "oceanian",
    "caribbean",
    "slavic",
    "turkic",
];

/// Compass and size words that make a region of a place ("Central Asia",
/// "Western Freedonia").
pub const REGION_MODIFIERS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "upper",
    "lower",
    "greater",
    "inner",
    "outer",
];

fn set_of(words: &'static [&'static str]) -> FxHashSet<&'static str> {
    words.iter().copied().collect()
}

pub(crate) static CONTINENTAL_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set_of(CONTINENTAL_DEMONYMS));
pub(crate) static REGION_MODIFIER_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set_of(REGION_MODIFIERS));
pub(crate) static FUNCTION_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set_of(FUNCTION_WORDS));
/// Month and weekday names: capitalized in running text but never entities
/// on their own ("May" is taken as the month).
pub(crate) static CALENDAR_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    corroborate_model::words::MONTH_NAMES
        .into_iter()
        .chain(corroborate_model::words::WEEKDAY_NAMES)
        .collect()
});
pub(crate) static CONNECTOR_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set_of(CONNECTORS));
pub(crate) static TITLE_MODIFIER_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set_of(TITLE_MODIFIERS));
pub(crate) static ORG_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set_of(ORG_WORDS));
pub(crate) static PLACE_HEAD_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set_of(PLACE_HEADS));
pub(crate) static EVENT_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set_of(EVENT_HEADS));
pub(crate) static SPEECH_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set_of(SPEECH_VERBS));
pub(crate) static LOCATIVE_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set_of(LOCATIVE_PREPOSITIONS));
pub(crate) static IGO_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set_of(INTERNATIONAL_ORGANIZATIONS));

/// Title phrases split into words, longest first, for greedy matching.
pub(crate) static TITLE_WORD_SEQUENCES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut phrases: Vec<Vec<&'static str>> = TITLE_PHRASES
        .iter()
        .map(|phrase| phrase.split(' ').collect())
        .collect();
    phrases.sort_by_key(|words| std::cmp::Reverse(words.len()));
    phrases.dedup();
    phrases
});

/// [`TITLE_WORD_SEQUENCES`] grouped by their first word, each group longest
/// first: a title phrase starting at a token is looked up by the token's
/// lower-case form instead of comparing every phrase.
pub(crate) static TITLE_PHRASES_BY_FIRST_WORD: LazyLock<
    FxHashMap<&'static str, Vec<&'static [&'static str]>>,
> = LazyLock::new(|| {
    let sequences: &'static [Vec<&'static str>] = &TITLE_WORD_SEQUENCES;
    let mut by_first: FxHashMap<&'static str, Vec<&'static [&'static str]>> = FxHashMap::default();
    for words in sequences {
        if let Some(first) = words.first() {
            by_first.entry(first).or_default().push(words.as_slice());
        }
    }
    by_first
});

/// True when the lower-cased `word` is a title phrase of one word.
pub(crate) fn is_one_word_title(lower: &str) -> bool {
    TITLE_PHRASES_BY_FIRST_WORD
        .get(lower)
        .is_some_and(|phrases| phrases.iter().any(|words| words.len() == 1))
}

/// The number of words of the longest title phrase.
pub(crate) static MAX_TITLE_PHRASE_WORDS: LazyLock<usize> =
    LazyLock::new(|| TITLE_WORD_SEQUENCES.iter().map(Vec::len).max().unwrap_or(0));

/// Every word of a title phrase ("foreign", "minister", "president").
pub(crate) static TITLE_WORD_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    TITLE_WORD_SEQUENCES
        .iter()
        .flat_map(|words| words.iter().copied())
        .collect()
});

/// The word lists a lower-case word belongs to, one bit per list, looked
/// up once per token instead of once per list and question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordClasses(u16);

impl WordClasses {
    pub(crate) const ORG: u16 = 1 << 0;
    pub(crate) const PLACE_HEAD: u16 = 1 << 1;
    pub(crate) const EVENT: u16 = 1 << 2;
    pub(crate) const TITLE_MODIFIER: u16 = 1 << 3;
    pub(crate) const FUNCTION: u16 = 1 << 4;
    pub(crate) const CALENDAR: u16 = 1 << 5;
    pub(crate) const CONNECTOR: u16 = 1 << 6;
    pub(crate) const SPEECH: u16 = 1 << 7;
    pub(crate) const LOCATIVE: u16 = 1 << 8;
    pub(crate) const IGO: u16 = 1 << 9;
    pub(crate) const TITLE_WORD: u16 = 1 << 10;
    pub(crate) const CONTINENTAL: u16 = 1 << 11;
    pub(crate) const REGION_MODIFIER: u16 = 1 << 12;
    /// An ordinary English word ([`is_english_word`]).
    pub(crate) const ENGLISH: u16 = 1 << 13;

    /// The classes of `lower` (a lower-cased word), in one lookup.
    pub(crate) fn of(lower: &str) -> WordClasses {
        WordClasses(WORD_CLASS_BITS.get(lower).copied().unwrap_or(0))
    }

    /// True when the word is in the list `class` (one of the constants).
    pub(crate) fn has(self, class: u16) -> bool {
        self.0 & class != 0
    }
}

/// The bits of [`WordClasses`] by word, built from the sets and the
/// English word list themselves so that they always agree.
static WORD_CLASS_BITS: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
    let sets: [(&FxHashSet<&'static str>, u16); 13] = [
        (&ORG_SET, WordClasses::ORG),
        (&PLACE_HEAD_SET, WordClasses::PLACE_HEAD),
        (&EVENT_SET, WordClasses::EVENT),
        (&TITLE_MODIFIER_SET, WordClasses::TITLE_MODIFIER),
        (&FUNCTION_SET, WordClasses::FUNCTION),
        (&CALENDAR_SET, WordClasses::CALENDAR),
        (&CONNECTOR_SET, WordClasses::CONNECTOR),
        (&SPEECH_SET, WordClasses::SPEECH),
        (&LOCATIVE_SET, WordClasses::LOCATIVE),
        (&IGO_SET, WordClasses::IGO),
        (&TITLE_WORD_SET, WordClasses::TITLE_WORD),
        (&CONTINENTAL_SET, WordClasses::CONTINENTAL),
        (&REGION_MODIFIER_SET, WordClasses::REGION_MODIFIER),
    ];
    // One word a line: the line count bounds the words (and is cheap).
    let capacity = ENGLISH_WORDS_TXT.bytes().filter(|&b| b == b'\n').count() + 1_024;
    let mut bits: FxHashMap<&'static str, u16> =
        FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    for word in english_words() {
        bits.insert(word, WordClasses::ENGLISH);
    }
    for (set, bit) in sets {
        for word in set.iter() {
            *bits.entry(*word).or_default() |= bit;
        }
    }
    bits
});

static ENGLISH_WORDS_TXT: &str = include_str!("../data/english_words.txt");

/// Lower-case English words (SCOWL), for telling "Reading" the town from
/// "Reading" the sentence opener.
fn english_words() -> impl Iterator<Item = &'static str> {
    ENGLISH_WORDS_TXT
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
}

/// True when the lower-cased `word` is an ordinary English word.
pub fn is_english_word(lower: &str) -> bool {
    WordClasses::of(lower).has(WordClasses::ENGLISH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_agree_with_the_lists() {
        let minister = WordClasses::of("minister");
        assert!(minister.has(WordClasses::TITLE_WORD));
        assert!(!minister.has(WordClasses::ORG));
        assert!(WordClasses::of("of").has(WordClasses::CONNECTOR));
        assert!(WordClasses::of("said").has(WordClasses::SPEECH));
        assert!(!WordClasses::of("xqzv").has(WordClasses::ENGLISH));
        assert!(WordClasses::of("reading").has(WordClasses::ENGLISH));
        assert!(english_words().all(is_english_word));
        for word in ORG_SET.iter() {
            assert!(WordClasses::of(word).has(WordClasses::ORG), "{word}");
        }
        for word in CALENDAR_SET.iter() {
            assert!(WordClasses::of(word).has(WordClasses::CALENDAR), "{word}");
        }
    }

    #[test]
    fn title_phrases_are_indexed_longest_first() {
        let indexed: usize = TITLE_PHRASES_BY_FIRST_WORD.values().map(Vec::len).sum();
        assert_eq!(indexed, TITLE_WORD_SEQUENCES.len());
        for (first, phrases) in TITLE_PHRASES_BY_FIRST_WORD.iter() {
            assert!(phrases.iter().all(|words| words.first() == Some(first)));
            assert!(phrases.windows(2).all(|w| w[0].len() >= w[1].len()));
        }
        let longest = TITLE_PHRASES_BY_FIRST_WORD
            .get("deputy")
            .and_then(|p| p.first());
        assert_eq!(longest.map(|w| w.len()), Some(3));
        assert!(TITLE_WORD_SEQUENCES.iter().flatten().all(|w| !w.is_empty()));
    }
}
