//! Forms of a person's name: titles and honorifics before it ("President
//! X", "Mr X", "Field Marshal X"), middle initials and patronymics inside
//! it ("George W. Bush", "Ivan Petrovich Sidorov").

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::names::spelling_key;

/// Given names and their nicknames (`data/nicknames.tsv`, built by
/// `scripts/build_nicknames.py` from the Apache-2.0 `nicknames` list).
static NICKNAMES_TSV: &str = include_str!("../data/nicknames.tsv");

/// (given name, nickname) pairs, lower case.
static NICKNAME_PAIRS: LazyLock<HashSet<(&'static str, &'static str)>> = LazyLock::new(|| {
    NICKNAMES_TSV
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .flat_map(|(name, nicknames)| nicknames.split('|').map(move |nick| (name, nick)))
        .collect()
});

/// Whether one of two lower-case given names is a listed nickname of the
/// other ("frederick" / "fred", "katie" / "kathryn").
pub(crate) fn is_nickname_pair(a: &str, b: &str) -> bool {
    NICKNAME_PAIRS.contains(&(a, b)) || NICKNAME_PAIRS.contains(&(b, a))
}

/// Titles and honorifics written before a name (spelling keys, so
/// without dots), longest first within each family.
const TITLES: &[&str] = &[
    "field marshal",
    "marshal",
    "prime minister",
    "vice president",
    "president",
    "foreign minister",
    "defence minister",
    "defense minister",
    "interior minister",
    "minister",
    "secretary of state",
    "secretary general",
    "chancellor",
    "premier",
    "governor",
    "gov",
    "senator",
    "sen",
    "representative",
    "rep",
    "mayor",
    "ambassador",
    "general",
    "gen",
    "lieutenant general",
    "lt gen",
    "major general",
    "maj gen",
    "colonel",
    "col",
    "major",
    "captain",
    "capt",
    "admiral",
    "adm",
    "commander",
    "sergeant",
    "sgt",
    "judge",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "emir",
    "pope",
    "cardinal",
    "archbishop",
    "bishop",
    "rev",
    "reverend",
    "father",
    "rabbi",
    "imam",
    "professor",
    "prof",
    "dr",
    "doctor",
    "sir",
    "dame",
    "lord",
    "lady",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "madam",
    "former",
    "acting",
    "deputy",
    "late",
];

/// Endings of East Slavic and Turkic patronymics ("Petrovich", "Ivanovna",
/// "Nurlanuly", "Aliyevna", "Mammad oglu" is two words and not covered).
const PATRONYMIC_ENDINGS: &[&str] = &[
    "ovich", "evich", "ovna", "evna", "ichna", "ich", "uly", "kyzy", "qyzy", "ogly", "oglu",
];

/// The words of a person's name without titles before it (spelling keys):
/// "Field Marshal Jan Smuts" → ["jan", "smuts"], and without a qualified
/// title ("Velorian Foreign Minister Jan Smuts", "NASO Secretary-General
/// Jan Smuts": at most [`MAX_QUALIFIER_WORDS`] words before the title). A
/// name that is only a title keeps its words.
pub(crate) fn name_without_titles(name: &str) -> Vec<String> {
    let key = spelling_key(name);
    let mut words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    if let Some(rest) = after_qualified_title(&words) {
        words = rest;
    }
    while let Some(rest) = strip_one_title(&words) {
        if rest.is_empty() {
            break;
        }
        words = rest;
    }
    words.into_iter().map(str::to_string).collect()
}

/// Words before a title that may qualify it (a country, an organization's
/// acronym): more would be a sentence, not a name.
const MAX_QUALIFIER_WORDS: usize = 2;

/// The words after a title that follows one or two qualifying words, when
/// at least two words (a given name and a surname) remain.
fn after_qualified_title<'a>(words: &[&'a str]) -> Option<Vec<&'a str>> {
    (1..=MAX_QUALIFIER_WORDS.min(words.len())).find_map(|start| {
        let rest = strip_one_title(&words[start..])?;
        (rest.len() >= 2).then_some(rest)
    })
}

fn strip_one_title<'a>(words: &[&'a str]) -> Option<Vec<&'a str>> {
    TITLES
        .iter()
        .filter_map(|title| {
            // Word by word, without joining: this runs for every name pair.
            let n = title.split(' ').count();
            let matches = words.len() >= n && title.split(' ').zip(words).all(|(t, w)| t == *w);
            matches.then(|| (n, words[n..].to_vec()))
        })
        .max_by_key(|(n, _)| *n)
        .map(|(_, rest)| rest)
}

/// The Arabic article as romanized before a name part ("al-Assad",
/// "el-Sisi", "ash-Shabaab"), lower case.
const ARABIC_ARTICLES: &[&str] = &[
    "al", "el", "ad", "ag", "ash", "as", "az", "an", "ar", "at", "ath", "ud", "ul",
];

/// A folded person's name without the Arabic article: joined to a word by
/// a hyphen anywhere ("bashar al-assad", "al-assad"), or standing alone
/// after the first word ("abu bakr al baghdadi"). "Al Gore" keeps his
/// given name.
pub(crate) fn without_arabic_article(folded: &str) -> String {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for (index, word) in words.iter().enumerate() {
        let stripped = word
            .split_once('-')
            .filter(|(article, rest)| ARABIC_ARTICLES.contains(article) && !rest.is_empty())
            .map_or(*word, |(_, rest)| rest);
        let alone_article = index > 0 && index + 1 < words.len() && ARABIC_ARTICLES.contains(word);
        if !alone_article {
            out.push(stripped);
        }
    }
    out.join(" ")
}

/// Generation suffixes that end a person's name ("Jr.", "Sr", "III").
const GENERATIONS: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// A person's name words without a generation suffix, and the suffix
/// ("arcade joseph comeaux jr" → (["arcade", "joseph", "comeaux"], "jr")).
pub(crate) fn split_generation(words: &[String]) -> (&[String], Option<&str>) {
    match words.split_last() {
        Some((last, rest)) if rest.len() >= 2 && GENERATIONS.contains(&last.as_str()) => {
            (rest, Some(last.as_str()))
        }
        _ => (words, None),
    }
}

/// The words of a folded person's name without titles or the Arabic
/// article ("president bashar al-assad" → ["bashar", "assad"]).
pub(crate) fn person_words(folded: &str) -> Vec<String> {
    name_without_titles(&without_arabic_article(&without_quoted_nickname(folded)))
}

const QUOTES: &[char] = &['\'', '"', '\u{201c}', '\u{201d}'];

/// "vincent 'the chin' gigante" → "vincent gigante": a nickname in quotes
/// between the given name and the surname goes (crime and conflict
/// reports write "James 'Whitey' Bulger" on first reference).
pub(crate) fn without_quoted_nickname(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let opening = words.iter().position(|w| w.starts_with(QUOTES));
    let closing = opening.and_then(|open| {
        (open..words.len()).find(|&i| words[i].len() > 1 && words[i].ends_with(QUOTES))
    });
    match (opening, closing) {
        (Some(open), Some(close)) if open > 0 && close + 1 < words.len() => words[..open]
            .iter()
            .chain(&words[close + 1..])
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
        _ => name.to_string(),
    }
}

/// A person's surname, folded: the last word of the name without titles,
/// the Arabic article or a generation suffix ("W. Mark Felt Jr." →
/// "felt", "President Bashar al-Assad" → "assad").
pub(crate) fn surname(name: &str) -> Option<String> {
    let words = person_words(&crate::names::fold(name));
    split_generation(&words).0.last().cloned()
}

/// "george w bush" → Some("george bush"): the given name and surname of a
/// name whose middle words are all initials or patronymics, or that opens
/// with an initial ("w. mark felt" → "mark felt"). `None` when there is no
/// such middle.
pub(crate) fn without_middle(words: &[String]) -> Option<String> {
    // A leading initial ("W. Mark Felt") goes like a middle one.
    let is_initial = |w: &String| w.trim_end_matches('.').chars().count() == 1;
    if words.len() >= 3 && is_initial(&words[0]) && !is_initial(&words[1]) {
        let rest = &words[1..];
        return Some(without_middle(rest).unwrap_or_else(|| rest.join(" ")));
    }
    let (first, rest) = words.split_first()?;
    let (last, middle) = rest.split_last()?;
    let droppable = |w: &String| w.chars().count() == 1 || is_patronymic(w);
    (!middle.is_empty() && middle.iter().all(droppable) && first.chars().count() > 1)
        .then(|| format!("{first} {last}"))
}

/// "frederick cheney larue" → Some("frederick larue"): a three-word name
/// without its full middle name (news write "Lee Harvey Oswald" on first
/// reference and may drop the middle name elsewhere). `None` for other
/// lengths, for an initial first name, and when the middle word is a
/// surname particle ("bin", "de"), which belongs to the surname.
pub(crate) fn without_full_middle(words: &[String], particles: &[&str]) -> Option<String> {
    let [first, middle, last] = words else {
        return None;
    };
    let full_word = |w: &String| w.trim_end_matches('.').chars().count() > 1;
    (full_word(first) && full_word(middle) && !particles.contains(&middle.as_str()))
        .then(|| format!("{first} {last}"))
}

fn is_patronymic(word: &str) -> bool {
    word.chars().count() > 5 && PATRONYMIC_ENDINGS.iter().any(|end| word.ends_with(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_nickname_inside_a_name_goes() {
        assert_eq!(
            without_quoted_nickname("vincent 'the chin' gigante"),
            "vincent gigante"
        );
        assert_eq!(
            without_quoted_nickname("james \"whitey\" bulger"),
            "james bulger"
        );
        assert_eq!(without_quoted_nickname("conan o'brien"), "conan o'brien");
        assert_eq!(
            without_quoted_nickname("'the chin' gigante"),
            "'the chin' gigante"
        );
        assert_eq!(
            person_words("vincent 'the chin' gigante"),
            vec!["vincent".to_string(), "gigante".to_string()]
        );
    }

    #[test]
    fn a_full_middle_name_goes_but_not_a_particle_or_an_initial() {
        let words = |name: &str| -> Vec<String> { name.split(' ').map(str::to_string).collect() };
        let particles = &["bin", "de"];
        assert_eq!(
            without_full_middle(&words("frederick cheney larue"), particles),
            Some("frederick larue".to_string())
        );
        assert_eq!(
            without_full_middle(&words("mohammed bin salman"), particles),
            None
        );
        assert_eq!(
            without_full_middle(&words("george w bush"), particles),
            None
        );
        assert_eq!(without_full_middle(&words("mark felt"), particles), None);
        assert_eq!(without_full_middle(&words("a b c d"), particles), None);
    }

    #[test]
    fn the_arabic_article_goes() {
        assert_eq!(without_arabic_article("bashar al-assad"), "bashar assad");
        assert_eq!(without_arabic_article("al-assad"), "assad");
        assert_eq!(
            without_arabic_article("abu bakr al baghdadi"),
            "abu bakr baghdadi"
        );
        assert_eq!(without_arabic_article("al gore"), "al gore");
    }

    #[test]
    fn generation_suffixes_split_off() {
        let words = |name: &str| name.split(' ').map(str::to_string).collect::<Vec<_>>();
        let name = words("mark felt jr");
        assert_eq!(split_generation(&name), (&name[..2], Some("jr")));
        let short = words("felt jr");
        assert_eq!(split_generation(&short), (&short[..], None));
    }

    #[test]
    fn a_leading_initial_goes_like_a_middle_one() {
        let words = |name: &str| name.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(
            without_middle(&words("w. mark felt")).as_deref(),
            Some("mark felt")
        );
        assert_eq!(without_middle(&words("j. k. rowling")), None);
        assert_eq!(
            without_middle(&words("george w bush")).as_deref(),
            Some("george bush")
        );
    }

    #[test]
    fn nicknames_pair_with_their_given_names_either_way() {
        assert!(is_nickname_pair("frederick", "fred"));
        assert!(is_nickname_pair("katie", "kathryn"));
        assert!(!is_nickname_pair("fred", "kathryn"));
        assert!(!is_nickname_pair("fred", "fred"));
    }

    #[test]
    fn titles_are_stripped_before_the_name() {
        assert_eq!(
            name_without_titles("Field Marshal Jan Smuts"),
            ["jan", "smuts"]
        );
        assert_eq!(name_without_titles("Mr. Smuts"), ["smuts"]);
        assert_eq!(
            name_without_titles("Former President Jan Smuts"),
            ["jan", "smuts"]
        );
        assert_eq!(name_without_titles("President"), ["president"]);
        assert_eq!(name_without_titles("Jan Smuts"), ["jan", "smuts"]);
        assert_eq!(
            name_without_titles("Velorian Foreign Minister Jan Smuts"),
            ["jan", "smuts"]
        );
        assert_eq!(
            name_without_titles("NASO Secretary-General Jan Smuts"),
            ["jan", "smuts"]
        );
        // A title word as a surname, or too little left after it.
        assert_eq!(name_without_titles("John Major"), ["john", "major"]);
        assert_eq!(
            name_without_titles("Jan King Smuts"),
            ["jan", "king", "smuts"]
        );
    }

    #[test]
    fn middle_initials_and_patronymics_drop() {
        let words = |s: &str| name_without_titles(s);
        assert_eq!(
            without_middle(&words("George W. Bush")).as_deref(),
            Some("george bush")
        );
        assert_eq!(
            without_middle(&words("George H. W. Bush")).as_deref(),
            Some("george bush")
        );
        assert_eq!(
            without_middle(&words("Ivan Petrovich Sidorov")).as_deref(),
            Some("ivan sidorov")
        );
        assert_eq!(without_middle(&words("George Bush")), None);
        assert_eq!(without_middle(&words("Mary Ann Smith")), None);
        assert_eq!(without_middle(&words("J. R. Smith")), None);
    }
}
