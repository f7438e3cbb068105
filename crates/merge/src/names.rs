//! Name keys for matching spellings across reports.
//!
//! * [`fold`]: Unicode folding (accents removed, lower case, curly
//!   apostrophes straightened, possessive and leading "the" dropped).
//! * [`translit_key`]: a coarse key under which common romanization
//!   variants of names from Russian, Kazakh, Ukrainian, Arabic and other
//!   scripts coincide: doubled letters collapse; kh/q/ck → k; dzh/zh/dj/j →
//!   j; initial ye/e and yu/u, ya/a align; y/i and w/v merge; -off → -ov;
//!   -iev/-yev/-jev/-yov → -ev; ph → f; British -isation/-ise → -ization/-ize
//!   and -our → -or; British words ending in -re or -ce take their American
//!   spelling ([`BRITISH_SPELLINGS`]: "Centre" / "Center", "Defence" /
//!   "Defense").
//! * [`spelling_key`]: the folded name with punctuation and spacing
//!   variants removed ("Al-Jazeera" / "Al Jazeera", "U.S." / "US",
//!   "Attorney-General's" / "Attorney General").

use unicode_normalization::UnicodeNormalization;

/// Lower-cased, accent-free form with possessives and a leading article removed.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{2010}'..='\u{2015}' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    let trimmed = out.trim();
    let without_possessive = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix('\''))
        .unwrap_or(trimmed);
    let without_article = without_possessive
        .strip_prefix("the ")
        .unwrap_or(without_possessive);
    without_article
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Key under which names that differ only in punctuation, spacing, case,
/// apostrophes or a leading article coincide: hyphens and dashes become
/// spaces, dots and apostrophes go, a word-final possessive goes.
pub(crate) fn spelling_key(name: &str) -> String {
    let folded = fold(name);
    let spaced: String = folded
        .chars()
        .map(|c| if c == '-' || c == '/' { ' ' } else { c })
        .collect();
    spaced
        .split_whitespace()
        .map(|word| {
            let word = word.strip_suffix("'s").unwrap_or(word);
            word.replace(['.', '\''], "")
        })
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Key under which transliteration and spelling variants coincide.
pub fn translit_key(name: &str) -> String {
    fold(name)
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(word_key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Ordered (pattern, replacement) rewrites applied to each word.
const REWRITES: &[(&str, &str)] = &[
    ("isation", "ization"),
    ("ise", "ize"),
    ("our", "or"),
    ("dzh", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "k"),
    ("ck", "k"),
    ("q", "k"),
    ("ph", "f"),
    ("yov", "ev"),
    ("yev", "ev"),
    ("iev", "ev"),
    ("jev", "ev"),
    ("ieva", "eva"),
    ("yeva", "eva"),
    ("off", "ov"),
    ("ye", "e"),
    ("yu", "u"),
    ("ya", "a"),
    ("iy", "i"),
    ("y", "i"),
    ("w", "v"),
    ("'", ""),
];

/// Legal forms that end a company's name, as they read in a spelling key
/// (lower case, without dots).
pub(crate) const LEGAL_FORMS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "limited",
    "plc",
    "llc",
    "llp",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "se",
    "spa",
    "oyj",
    "asa",
    "bv",
    "pty",
    "lp",
];

/// British spellings that the -ise/-our rewrites do not reach, with their
/// American form (whole words only: "centre" is "center", "centred" is
/// left alone).
pub(crate) const BRITISH_SPELLINGS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("centres", "centers"),
    ("theatre", "theater"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("kilometre", "kilometer"),
    ("kilometres", "kilometers"),
    ("fibre", "fiber"),
    ("calibre", "caliber"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("catalogue", "catalog"),
    ("aluminium", "aluminum"),
    ("jewellery", "jewelry"),
];

fn word_key(word: &str) -> String {
    let american = BRITISH_SPELLINGS
        .iter()
        .find(|(british, _)| *british == word)
        .map(|(_, american)| *american);
    let mut w = american.unwrap_or(word).to_string();
    for (from, to) in REWRITES {
        if w.contains(from) {
            w = w.replace(from, to);
        }
    }
    collapse_doubles(&w)
}

fn collapse_doubles(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Damerau–Levenshtein distance (optimal string alignment: a
/// transposition of neighbours counts once), by chars.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// The variants of `key` with one character deleted, plus `key` itself:
/// two keys within one edit share at least one of these (a blocking key
/// that avoids comparing all pairs).
pub fn deletion_neighbourhood(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut out = Vec::with_capacity(chars.len() + 1);
    out.push(key.to_string());
    for skip in 0..chars.len() {
        let variant: String = chars
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| c)
            .collect();
        out.push(variant);
    }
    out.sort();
    out.dedup();
    out
}

/// Initials of the capitalized words of a name, skipping connectors
/// ("Collective Security Treaty Organization" → "CSTO").
pub fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "and" | "for" | "the" | "on" | "in" | "de" | "&"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// True for all-capital tokens of 2–8 letters ("CSTO", "KNB").
pub fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && !name.contains(' ')
        && name
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-' || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_accents_possessives_and_articles() {
        assert_eq!(fold("Göran’s"), "goran");
        assert_eq!(fold("The  Kremlin"), "kremlin");
        assert_eq!(fold("Kassym‑Jomart"), "kassym-jomart");
    }

    #[test]
    fn punctuation_and_spacing_variants_share_a_spelling_key() {
        let groups: [&[&str]; 6] = [
            &["Al-Jazeera", "Al Jazeera", "al\u{2011}Jazeera"],
            &["Channel 4", "Channel-4", "The Channel 4"],
            &["U.S.", "US", "the U.S."],
            &["O'Malley Group", "O\u{2019}Malley Group", "OMalley Group"],
            &[
                "Attorney General's Office",
                "Attorney-General\u{2019}s Office",
            ],
            &["St. Brendan's", "St Brendan"],
        ];
        for group in groups {
            for name in group {
                assert_eq!(spelling_key(name), spelling_key(group[0]), "{name}");
            }
        }
        assert_ne!(spelling_key("Channel 4"), spelling_key("Channel 5"));
    }

    #[test]
    fn british_and_american_spellings_share_a_key() {
        assert_eq!(
            translit_key("Promises Treatment Centre"),
            translit_key("Promises Treatment Center")
        );
        assert_eq!(
            translit_key("Defence Ministry"),
            translit_key("Defense Ministry")
        );
        assert_ne!(translit_key("Centred"), translit_key("Centered"));
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        let pairs = [
            ("Masirov", "Massirov"),
            ("Yerlan Dzhaksybekov", "Erlan Jaksybekov"),
            ("Kazak", "Kazakh"),
            ("Gorbachev", "Gorbachyov"),
            ("Smirnoff", "Smirnov"),
            ("Organisation", "Organization"),
            ("Qasymov", "Kasymov"),
            ("Zhanibek", "Janibek"),
            ("Yertysov", "Ertysov"),
            ("Grigoriev", "Grigoryev"),
        ];
        for (a, b) in pairs {
            assert_eq!(translit_key(a), translit_key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        for (a, b) in [
            ("Aliya Ostrova", "Dana Ostrova"),
            ("Austria", "Australia"),
            ("Niger", "Nigeria"),
        ] {
            assert_ne!(translit_key(a), translit_key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn edit_distance_counts_transpositions_once() {
        assert_eq!(edit_distance("nazarbaeva", "nazrabaeva"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn edit_distance_counts_chars_not_bytes() {
        assert_eq!(edit_distance("Göran", "Gröan"), 1);
        assert_eq!(edit_distance("Ёлкин", "Елкин"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(
            edit_distance("ca", "abc"),
            3,
            "no edits of a transposed pair"
        );
    }

    #[test]
    fn deletion_neighbourhoods_meet_within_one_edit() {
        let a = deletion_neighbourhood("masimov");
        let b = deletion_neighbourhood("masimof");
        assert!(a.iter().any(|x| b.contains(x)));
        let c = deletion_neighbourhood("petrova");
        assert!(!a.iter().any(|x| c.contains(x)));
    }

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(initials("Collective Security Treaty Organization"), "CSTO");
        assert_eq!(initials("Ministry of Foreign Affairs"), "MFA");
        assert!(is_acronym("CSTO"));
        assert!(!is_acronym("Almaty"));
        assert!(!is_acronym("A"));
    }
}
