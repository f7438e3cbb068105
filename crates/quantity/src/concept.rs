//! What a number counts ("concept") and whom the count is restricted to
//! ("scope").
//!
//! The concept is a canonical measure label. Three sources, in priority:
//! 1. an **event measure** (killed, injured, detained, …) stated as the
//!    noun or participle right after the number ("200 dead", "9,000
//!    arrested"), as the predicate after the counted noun phrase ("225
//!    people had been killed", "eighteen security officers were reportedly
//!    killed"), or as the nearest verb before it ("detained nearly 10,000
//!    people", "killed more than 200 people");
//! 2. the **counted noun** after the number ("2,000 troops", "20,000
//!    enterprises"), or a group noun just before ("a force numbering
//!    4,000");
//! 3. an **economic term** near a money or percentage figure ("the price
//!    rose to 120 tenge" → `price`).
//!
//! When an event measure is found, a specific counted noun becomes the
//! scope ("eighteen security officers were killed" → killed, scope
//! "security officers"); a "from/among" phrase also gives the scope ("19
//! people from law enforcement" → "law enforcement"). Generic nouns
//! (people, persons, individuals) give no scope.
//!
//! Synonym sets are in [`EVENT_MEASURES`], [`GROUPS`] and
//! [`ECONOMIC_TERMS`]: e.g. arrested, detained, detainees, arrests and
//! apprehended are all the one measure `detained`.

use crate::numeral::lower;
use crate::token::{Kind, Tok};
use corroborate_model::THING_CONCEPTS;

/// Event measures: canonical label → words that state it.
pub(crate) const EVENT_MEASURES: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "killed",
            "dead",
            "died",
            "die",
            "dies",
            "deaths",
            "death",
            "fatalities",
            "perished",
            "slain",
            "murdered",
            "lives",
            "bodies",
            "toll",
            "executed",
        ],
    ),
    (
        "injured",
        &[
            "injured",
            "wounded",
            "hurt",
            "injuries",
            "hospitalised",
            "hospitalized",
            "maimed",
        ],
    ),
    (
        "detained",
        &[
            "arrested",
            "detained",
            "detainees",
            "detentions",
            "detention",
            "arrests",
            "apprehended",
            "custody",
            "jailed",
            "imprisoned",
            "captured",
            "rounded",
        ],
    ),
    ("casualties", &["casualties"]),
    ("missing", &["missing", "disappeared"]),
    (
        "displaced",
        &["displaced", "evacuated", "fled", "refugees", "homeless"],
    ),
    ("charged", &["charged", "indicted", "prosecuted"]),
    ("convicted", &["convicted", "sentenced"]),
    ("released", &["released", "freed", "pardoned"]),
];

/// Counted nouns: canonical label → head words.
pub(crate) const GROUPS: &[(&str, &[&str])] = &[
    (
        "troops",
        &[
            "troops",
            "troop",
            "soldiers",
            "soldier",
            "servicemen",
            "serviceman",
            "servicemembers",
            "peacekeepers",
            "peacekeeper",
            "paratroopers",
            "personnel",
            "military",
            "forces",
            "force",
            "contingent",
            "marines",
            "reservists",
            "conscripts",
            "guardsmen",
        ],
    ),
    (
        "police",
        &[
            "police",
            "policemen",
            "policeman",
            "policewomen",
            "officers",
            "officer",
            "enforcement",
            "gendarmes",
            "guards",
            "agents",
        ],
    ),
    (
        "protesters",
        &[
            "protesters",
            "protester",
            "protestors",
            "protestor",
            "demonstrators",
            "demonstrator",
            "marchers",
        ],
    ),
    (
        "rioters",
        &[
            "rioters",
            "rioter",
            "looters",
            "gunmen",
            "militants",
            "insurgents",
        ],
    ),
    (
        "people",
        &["people", "persons", "person", "individuals", "others"],
    ),
    (
        "people",
        &[
            "civilians",
            "civilian",
            "children",
            "child",
            "women",
            "men",
            "students",
            "journalists",
            "journalist",
            "residents",
            "citizens",
            "foreigners",
            "nationals",
            "migrants",
            "activists",
            "bloggers",
            "teenagers",
            "minors",
            "pensioners",
            "passengers",
            "victims",
            "prisoners",
        ],
    ),
    (
        "workers",
        &[
            "workers",
            "worker",
            "employees",
            "miners",
            "staff",
            "labourers",
            "laborers",
            "oilmen",
        ],
    ),
    (
        "officials",
        &[
            "officials",
            "ministers",
            "deputies",
            "lawmakers",
            "judges",
            "diplomats",
            "governors",
        ],
    ),
    (
        "vehicles",
        &[
            "vehicles", "vehicle", "cars", "car", "trucks", "lorries", "buses", "tanks", "carriers",
        ],
    ),
    (
        "buildings",
        &[
            "buildings",
            "building",
            "houses",
            "homes",
            "shops",
            "stores",
            "offices",
            "apartments",
        ],
    ),
    (
        "enterprises",
        &[
            "enterprises",
            "companies",
            "firms",
            "businesses",
            "factories",
            "plants",
            "banks",
        ],
    ),
    (
        "weapons",
        &[
            "weapons", "firearms", "guns", "rifles", "pistols", "grenades",
        ],
    ),
    (
        "places",
        &[
            "cities",
            "towns",
            "villages",
            "regions",
            "provinces",
            "districts",
            "countries",
        ],
    ),
    (
        "aircraft",
        &["aircraft", "planes", "flights", "helicopters", "jets"],
    ),
    (
        "protests",
        &["protests", "rallies", "demonstrations", "strikes"],
    ),
    ("votes", &["votes", "ballots", "signatures"]),
];

/// Group labels that count people: only these can be the subject of an
/// event measure ("three towns were captured" counts towns).
pub(crate) const PERSON_LABELS: &[&str] = &[
    "troops",
    "police",
    "protesters",
    "rioters",
    "people",
    "workers",
    "officials",
];

/// Heads that count people without restricting who.
const GENERIC_HEADS: &[&str] = &["people", "persons", "person", "individuals", "others"];

/// Terms that name what a money or percentage figure measures.
pub(crate) const ECONOMIC_TERMS: &[(&str, &[&str])] = &[
    (
        "price",
        &[
            "price", "prices", "cost", "costs", "tariff", "tariffs", "fare", "fares",
        ],
    ),
    (
        "wage",
        &[
            "wage", "wages", "salary", "salaries", "pay", "pension", "pensions", "income",
            "earnings",
        ],
    ),
    (
        "funding",
        &[
            "budget",
            "spending",
            "investment",
            "investments",
            "invest",
            "invested",
            "funding",
            "aid",
            "loan",
            "loans",
            "grant",
            "fund",
        ],
    ),
    (
        "payment",
        &[
            "paid",
            "payment",
            "payments",
            "fee",
            "fees",
            "compensation",
            "receiving",
            "received",
            "bribe",
        ],
    ),
    ("fine", &["fine", "fines", "fined", "penalty"]),
    ("inflation", &["inflation"]),
    ("growth", &["growth", "gdp"]),
    ("unemployment", &["unemployment"]),
    ("population", &["population", "inhabitants"]),
    ("turnout", &["turnout"]),
    ("debt", &["debt", "debts"]),
    ("revenue", &["revenue", "revenues", "profit", "profits"]),
    ("damage", &["damage", "damages", "losses"]),
];

/// Words that end a noun phrase.
const STOPWORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "be",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "where",
    "why",
    "how",
    "that",
    "this",
    "these",
    "those",
    "their",
    "its",
    "his",
    "her",
    "than",
    "as",
    "after",
    "before",
    "during",
    "since",
    "when",
    "while",
    "said",
    "according",
    "among",
    "including",
    "into",
    "across",
    "over",
    "under",
    "more",
    "per",
    "each",
];

/// Words allowed between the counted phrase and its predicate.
const AUXILIARIES: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "being",
    "be",
    "reportedly",
    "allegedly",
    "officially",
    "confirmed",
    "reported",
    "said",
    "believed",
    "thought",
    "feared",
    "later",
    "also",
    "already",
    "now",
    "still",
    "all",
    "to",
    "apparently",
    "subsequently",
    "eventually",
    "initially",
    "presumed",
    "either",
    "both",
    "who",
    "that",
    "left",
    "lay",
    "may",
    "might",
    "could",
    "would",
    "will",
    "can",
    "in",
    "into",
    "taken",
    "lost",
    "their",
];

fn label_in(
    table: &'static [(&'static str, &'static [&'static str])],
    word: &str,
) -> Option<&'static str> {
    table
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(label, _)| *label)
}

/// The concept and scope found for one quantity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Found {
    pub concept: Option<&'static str>,
    pub scope: Option<String>,
    /// The counted noun phrase when it names a specific group, whatever
    /// the concept ("police officers" in "19 police officers").
    pub np_scope: Option<String>,
    /// The concept came from an event measure (killed, detained, …).
    pub is_event: bool,
}

/// The counted noun phrase after a number.
struct NounPhrase {
    label: &'static str,
    generic: bool,
    /// First modifier token and head token.
    first: usize,
    head: usize,
}

fn word<'a>(text: &str, toks: &[Tok], i: usize, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let t = toks.get(i)?;
    (t.kind == Kind::Word).then(|| lower(t.text(text), buf))
}

/// Finds concept and scope for the quantity spanning tokens
/// `first..after` (qualifier to unit) inside the sentence `lo..hi`.
/// Money and percentages measure economic terms only.
pub(crate) fn find(text: &str, toks: &[Tok], first: usize, after: usize, monetary: bool) -> Found {
    if monetary {
        let concept = before(text, toks, first, 0, 6, ECONOMIC_TERMS)
            .or_else(|| after_term(text, toks, after));
        return Found {
            concept,
            ..Found::default()
        };
    }
    let lo = 0;
    let mut at = after;
    let mut buf = [0u8; 32];
    while matches!(
        word(text, toks, at, &mut buf),
        Some("of" | "more" | "other")
    ) {
        at += 1;
    }
    let (np, direct_event) = noun_phrase(text, toks, at);
    let pred_from = np.as_ref().map_or(at, |p| p.head + 1);
    let (pp_scope, pred_from) = pp_scope(text, toks, pred_from);
    let counts_people = np.as_ref().is_none_or(|p| PERSON_LABELS.contains(&p.label));
    // "by three jurors", after "a death sentence": a number counting a noun
    // of its own takes an event word before it only from the verb that
    // governs it ("killed five miners"), not from a noun nearby.
    let own_noun = np.is_none()
        && word(text, toks, at, &mut buf).is_some_and(|w| {
            !STOPWORDS.contains(&w)
                && !AUXILIARIES.contains(&w)
                && label_in(EVENT_MEASURES, w).is_none()
        });
    // "killed … by tens of thousands who marched", "killed by two gunmen":
    // after "by" a number is the agent, never the victims.
    let agent = first
        .checked_sub(1)
        .and_then(|i| word(text, toks, i, &mut buf))
        .is_some_and(|w| w == "by");
    let event_before = if agent {
        None
    } else if own_noun {
        before(text, toks, first, lo, 3, EVENT_MEASURES)
            .filter(|_| verb_before(text, toks, first, lo))
    } else {
        before(text, toks, first, lo, 6, EVENT_MEASURES)
    };
    let event = direct_event
        .or_else(|| predicate_event(text, toks, pred_from))
        .or(event_before)
        .filter(|_| counts_people);
    let np_scope = np
        .as_ref()
        .filter(|p| !p.generic)
        .map(|p| scope_text(text, toks, p));
    if let Some(event) = event {
        return Found {
            concept: Some(event),
            scope: np_scope.clone().or(pp_scope),
            np_scope,
            is_event: true,
        };
    }
    if let Some(p) = &np {
        let scope = if p.label == "people" {
            np_scope.clone().or(pp_scope)
        } else if THING_CONCEPTS.contains(&p.label) {
            // The things counted, unless the concept's own word says it.
            np_scope.clone().filter(|s| s != p.label).or(pp_scope)
        } else {
            pp_scope
        };
        return Found {
            concept: Some(p.label),
            scope,
            np_scope,
            is_event: false,
        };
    }
    // A number before an unknown noun ("40,000 teachers") counts that noun,
    // not a nearby economic term; before a plural of its own ("officers
    // fired 11 shots", "three witnesses") not the people named before it
    // either.
    let next = word(text, toks, at, &mut buf);
    let unknown_noun = next.is_some_and(|w| !STOPWORDS.contains(&w));
    let own_plural = next.is_some_and(looks_plural);
    let group_before = (!own_plural)
        .then(|| before(text, toks, first, lo, 3, GROUPS))
        .flatten();
    let concept = group_before.or_else(|| {
        (!unknown_noun)
            .then(|| {
                before(text, toks, first, lo, 6, ECONOMIC_TERMS)
                    .or_else(|| after_term(text, toks, pred_from))
            })
            .flatten()
    });
    Found {
        concept,
        scope: pp_scope,
        np_scope: None,
        is_event: false,
    }
}

/// A lower-case word shaped like a regular plural noun ("shots",
/// "villages"), not like "less" or "various".
fn looks_plural(word: &str) -> bool {
    word.len() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && !STOPWORDS.contains(&word)
}

/// Whether a counted noun or an event word follows token `after`
/// ("2022 people", "one protester", "9,000 arrested").
pub(crate) fn counts_after(text: &str, toks: &[Tok], after: usize) -> bool {
    let mut at = after;
    let mut buf = [0u8; 32];
    while matches!(
        word(text, toks, at, &mut buf),
        Some("of" | "more" | "other")
    ) {
        at += 1;
    }
    let (np, direct) = noun_phrase(text, toks, at);
    np.is_some() || direct.is_some() || predicate_event(text, toks, at).is_some()
}

/// Reads the counted noun phrase from token `at`; also returns an event
/// word standing in noun position ("200 dead", "200 people dead").
fn noun_phrase(text: &str, toks: &[Tok], at: usize) -> (Option<NounPhrase>, Option<&'static str>) {
    let mut np: Option<NounPhrase> = None;
    let mut buf = [0u8; 32];
    for i in at..at + 5 {
        let Some(tok) = toks.get(i) else { break };
        if tok.is_punct(text, &['-']) {
            continue;
        }
        let Some(w) = word(text, toks, i, &mut buf) else {
            break;
        };
        if let Some(event) = label_in(EVENT_MEASURES, w) {
            let adjacent = np.as_ref().map_or(i == at, |p| p.head + 1 == i);
            return (np, adjacent.then_some(event));
        }
        if STOPWORDS.contains(&w) {
            break;
        }
        if let Some(label) = label_in(GROUPS, w) {
            let first = np.as_ref().map_or(at, |p| p.first);
            np = Some(NounPhrase {
                label: np
                    .as_ref()
                    .map_or(label, |p| if label == "people" { p.label } else { label }),
                generic: GENERIC_HEADS.contains(&w),
                first,
                head: i,
            });
        } else if np.is_some() {
            break;
        }
    }
    (np, None)
}

/// Lower-case modifiers and head of a noun phrase; capitalised modifiers
/// (nationalities, names) are left out: "Kazakh security officers" →
/// "security officers".
fn scope_text(text: &str, toks: &[Tok], np: &NounPhrase) -> String {
    let mut out = String::new();
    let mut skipping = true;
    for tok in toks.get(np.first..=np.head).unwrap_or(&[]) {
        if skipping && (tok.is_capitalized(text) || tok.kind == Kind::Punct) {
            continue;
        }
        skipping = false;
        let t = tok.text(text);
        if !out.is_empty() && tok.kind == Kind::Word && !out.ends_with('-') {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

/// "from law enforcement", "among the police": (scope, token after it).
fn pp_scope(text: &str, toks: &[Tok], at: usize) -> (Option<String>, usize) {
    let mut buf = [0u8; 32];
    if !matches!(word(text, toks, at, &mut buf), Some("from" | "among")) {
        return (None, at);
    }
    let mut words: Vec<&str> = Vec::new();
    let mut i = at + 1;
    while let Some(tok) = toks.get(i).filter(|t| t.kind == Kind::Word) {
        let w = lower(tok.text(text), &mut buf);
        if matches!(w, "the" | "its" | "their") && words.is_empty() {
            i += 1;
            continue;
        }
        if STOPWORDS.contains(&w)
            || AUXILIARIES.contains(&w)
            || label_in(EVENT_MEASURES, w).is_some()
            || words.len() == 3
        {
            break;
        }
        words.push(tok.text(text));
        i += 1;
    }
    if words.is_empty() {
        return (None, at);
    }
    (Some(words.join(" ")), i)
}

/// An event participle after auxiliaries ("had been killed", "were reportedly arrested").
fn predicate_event(text: &str, toks: &[Tok], at: usize) -> Option<&'static str> {
    let mut buf = [0u8; 32];
    for i in at..at + 6 {
        let w = word(text, toks, i, &mut buf)?;
        if let Some(event) = label_in(EVENT_MEASURES, w) {
            return Some(event);
        }
        if !AUXILIARIES.contains(&w) {
            return None;
        }
    }
    None
}

/// The nearest word of `table` before token `first`, within `max_words`
/// words, not crossing another number or a clause break.
fn before(
    text: &str,
    toks: &[Tok],
    first: usize,
    lo: usize,
    max_words: usize,
    table: &'static [(&'static str, &'static [&'static str])],
) -> Option<&'static str> {
    let mut buf = [0u8; 32];
    let mut words = 0;
    let mut i = first;
    let cross_numbers = table.first().is_some_and(|(label, _)| *label == "price");
    while i > lo && words < max_words {
        i -= 1;
        let tok = toks.get(i)?;
        match tok.kind {
            // Economic terms may govern several figures ("costs 250, up from 180").
            Kind::Num if cross_numbers => continue,
            Kind::Num => return None,
            Kind::Punct if tok.is_punct(text, &[';', ':', '(', ')', '"', '“', '”']) => {
                return None
            }
            Kind::Punct => continue,
            Kind::Word => words += 1,
        }
        let w = lower(tok.text(text), &mut buf);
        if let Some(label) = label_in(table, w) {
            return Some(label);
        }
    }
    None
}

/// Whether a verb form of an event ("killed", "arresting") stands within
/// three words before token `first`.
fn verb_before(text: &str, toks: &[Tok], first: usize, lo: usize) -> bool {
    let mut buf = [0u8; 32];
    (lo..first).rev().take(4).any(|i| {
        word(text, toks, i, &mut buf).is_some_and(|w| {
            label_in(EVENT_MEASURES, w).is_some()
                && (w.ends_with("ed") || w.ends_with("ing") || w == "slain")
        })
    })
}

/// An economic term right after the figure ("120 tenge for a litre of fuel"
/// gives nothing; "10 percent inflation" gives inflation).
fn after_term(text: &str, toks: &[Tok], at: usize) -> Option<&'static str> {
    let mut buf = [0u8; 32];
    (at..at + 3)
        .find_map(|i| word(text, toks, i, &mut buf).and_then(|w| label_in(ECONOMIC_TERMS, w)))
}
