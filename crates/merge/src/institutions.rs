//! Canonical keys of government institutions whose English names come in
//! several word orders: "Foreign Ministry" / "Ministry of Foreign Affairs" /
//! "Foreign Affairs Ministry" are `ministry:foreign`; "Attorney General's
//! Office" / "Office of the Attorney General" / "General Attorney's Office"
//! are `office:attorney general`. A country qualifier ("Russian", "of
//! Russia") is read apart, so one country's ministry never becomes
//! another's.
//!
//! Portfolios (the words between "Ministry of" and the end, or before
//! "Ministry"; compound portfolios joined by "and" map word by word):
//!
//! | key | written as |
//! |---|---|
//! | interior | interior, internal affairs, home affairs, interior affairs, home |
//! | foreign | foreign affairs, foreign, external affairs, foreign relations |
//! | defence | defence, defense |
//! | health | health, public health, healthcare, health care |
//! | justice | justice |
//! | emergencies | emergencies, emergency situations, emergency situation, emergency |
//! | finance | finance, finances, treasury |
//! | education | education, public education |
//! | economy | economy, economic affairs, economic, national economy |
//! | energy | energy |
//! | agriculture | agriculture |
//! | transport | transport, transportation |
//! | trade | trade, commerce |
//! | labour | labour, labor |
//! | information | information |
//! | culture | culture |
//! | environment | environment, environmental protection, ecology |
//! | industry | industry |
//! | science | science |
//!
//! Whole names that are a country's ministry by convention: "Home Office"
//! (GB, interior), "Foreign Office" (GB, foreign), "State Department" /
//! "Department of State" (US, foreign). Offices of officials: attorney
//! general (also "general attorney"), prosecutor general (also "general
//! prosecutor"), president (also "presidential"), prime minister.

use crate::names::spelling_key;

/// (written form, portfolio key).
const PORTFOLIOS: &[(&str, &str)] = &[
    ("interior", "interior"),
    ("internal affairs", "interior"),
    ("home affairs", "interior"),
    ("interior affairs", "interior"),
    ("home", "interior"),
    ("foreign affairs", "foreign"),
    ("foreign", "foreign"),
    ("external affairs", "foreign"),
    ("foreign relations", "foreign"),
    ("defence", "defence"),
    ("defense", "defence"),
    ("health", "health"),
    ("public health", "health"),
    ("healthcare", "health"),
    ("health care", "health"),
    ("justice", "justice"),
    ("emergencies", "emergencies"),
    ("emergency situations", "emergencies"),
    ("emergency situation", "emergencies"),
    ("emergency", "emergencies"),
    ("finance", "finance"),
    ("finances", "finance"),
    ("treasury", "finance"),
    ("education", "education"),
    ("public education", "education"),
    ("economy", "economy"),
    ("economic affairs", "economy"),
    ("economic", "economy"),
    ("national economy", "economy"),
    ("energy", "energy"),
    ("agriculture", "agriculture"),
    ("transport", "transport"),
    ("transportation", "transport"),
    ("trade", "trade"),
    ("commerce", "trade"),
    ("labour", "labour"),
    ("labor", "labour"),
    ("information", "information"),
    ("culture", "culture"),
    ("environment", "environment"),
    ("environmental protection", "environment"),
    ("ecology", "environment"),
    ("industry", "industry"),
    ("science", "science"),
];

/// Whole names that stand for one country's ministry by convention:
/// (spelling key, key, country).
const CONVENTIONAL_NAMES: &[(&str, &str, &str)] = &[
    ("home office", "ministry:interior", "GB"),
    ("foreign office", "ministry:foreign", "GB"),
    ("state department", "ministry:foreign", "US"),
    ("department of state", "ministry:foreign", "US"),
];

/// (written form, official) for "<official>'s Office" / "Office of the <official>".
const OFFICIALS: &[(&str, &str)] = &[
    ("attorney general", "attorney general"),
    ("general attorney", "attorney general"),
    ("prosecutor general", "prosecutor general"),
    ("general prosecutor", "prosecutor general"),
    ("president", "president"),
    ("presidential", "president"),
    ("prime minister", "prime minister"),
];

/// An institution's canonical key and the country it belongs to, when
/// the name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InstitutionKey {
    pub(crate) key: String,
    pub(crate) country: Option<String>,
}

/// The institution `name` names, reading a qualifier's country with
/// `country_of` ("Russian" → "RU"). `None` for other names, and for a
/// qualifier that is not a country (a "Regional Health Ministry" is not
/// the Health Ministry).
pub(crate) fn institution_key(
    name: &str,
    country_of: &dyn Fn(&str) -> Option<String>,
) -> Option<InstitutionKey> {
    let key = spelling_key(name);
    let words: Vec<&str> = key.split(' ').collect();
    institution(&words, country_of).or_else(|| with_trailing_country(&words, country_of))
}

/// "… of Veloria", "… of the Republic of Veloria": the institution before
/// the last "of" that is followed by a country.
fn with_trailing_country(
    words: &[&str],
    country_of: &dyn Fn(&str) -> Option<String>,
) -> Option<InstitutionKey> {
    let ofs = words.iter().enumerate().filter(|(_, w)| **w == "of");
    ofs.rev().find_map(|(at, _)| {
        let country = country_of_words(&words[at + 1..], country_of)??;
        let inner = institution(&words[..at], country_of)?;
        match inner.country {
            Some(other) if other != country => None,
            _ => Some(InstitutionKey {
                key: inner.key,
                country: Some(country),
            }),
        }
    })
}

/// A whole name: a conventional name, "<qualifier>? <portfolio> Ministry",
/// "<qualifier>? <official> Office" or "<qualifier>? Ministry of <portfolio>".
fn institution(
    words: &[&str],
    country_of: &dyn Fn(&str) -> Option<String>,
) -> Option<InstitutionKey> {
    let phrase = words.join(" ");
    if let Some((_, key, country)) = CONVENTIONAL_NAMES.iter().find(|(n, ..)| *n == phrase) {
        return Some(InstitutionKey {
            key: (*key).to_string(),
            country: Some((*country).to_string()),
        });
    }
    let (head, rest) = words.split_last()?;
    match *head {
        "ministry" => qualified(rest, portfolio, "ministry", country_of),
        "office" => qualified(rest, official, "office", country_of),
        _ => of_form(words, country_of),
    }
}

/// "<qualifier>? <portfolio> Ministry" (or "<official> Office").
fn qualified(
    words: &[&str],
    body: fn(&[&str]) -> Option<String>,
    head: &str,
    country_of: &dyn Fn(&str) -> Option<String>,
) -> Option<InstitutionKey> {
    (0..words.len()).find_map(|split| {
        let (qualifier, rest) = words.split_at(split);
        let name = body(rest)?;
        let country = country_of_words(qualifier, country_of)?;
        Some(InstitutionKey {
            key: format!("{head}:{name}"),
            country,
        })
    })
}

/// "<qualifier>? Ministry of <portfolio>", likewise "Office of the <official>".
fn of_form(words: &[&str], country_of: &dyn Fn(&str) -> Option<String>) -> Option<InstitutionKey> {
    let at = words
        .windows(2)
        .position(|w| matches!(w[0], "ministry" | "office") && w[1] == "of")?;
    let head = words[at];
    let country = country_of_words(&words[..at], country_of)?;
    let after: Vec<&str> = words[at + 2..]
        .iter()
        .copied()
        .filter(|w| *w != "the")
        .collect();
    let name = if head == "ministry" {
        portfolio(&after)
    } else {
        official(&after)
    }?;
    Some(InstitutionKey {
        key: format!("{head}:{name}"),
        country,
    })
}

/// `Some(None)` for no qualifier, `Some(Some(code))` for a country,
/// `None` when the words are not a country.
fn country_of_words(
    words: &[&str],
    country_of: &dyn Fn(&str) -> Option<String>,
) -> Option<Option<String>> {
    let words = words.strip_prefix(&["the"]).unwrap_or(words);
    if words.is_empty() {
        return Some(None);
    }
    country_of(&words.join(" ")).map(Some)
}

/// The portfolio key of "foreign affairs", "education and science"
/// (compound portfolios map part by part, joined by "+").
fn portfolio(words: &[&str]) -> Option<String> {
    if words.is_empty() {
        return None;
    }
    let mut keys: Vec<&str> = Vec::new();
    for part in words.split(|w| *w == "and") {
        let phrase = part.join(" ");
        let (_, key) = PORTFOLIOS.iter().find(|(written, _)| *written == phrase)?;
        keys.push(key);
    }
    keys.sort_unstable();
    keys.dedup();
    Some(keys.join("+"))
}

fn official(words: &[&str]) -> Option<String> {
    let phrase = words.join(" ");
    OFFICIALS
        .iter()
        .find(|(written, _)| *written == phrase)
        .map(|(_, official)| (*official).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Countries and adjectives of two invented countries and a real one.
    fn country_of(words: &str) -> Option<String> {
        match words {
            "veloria" | "velorian" | "republic of veloria" => Some("VL".into()),
            "ostria" | "ostrian" => Some("OS".into()),
            "russia" | "russian" => Some("RU".into()),
            _ => None,
        }
    }

    fn key(name: &str) -> Option<(String, Option<String>)> {
        institution_key(name, &country_of).map(|k| (k.key, k.country))
    }

    fn is(name: &str, expected: &str, country: Option<&str>) {
        assert_eq!(
            key(name),
            Some((expected.to_string(), country.map(str::to_string))),
            "{name}"
        );
    }

    #[test]
    fn ministry_word_orders_share_a_key() {
        for name in [
            "Foreign Ministry",
            "Ministry of Foreign Affairs",
            "Foreign Affairs Ministry",
            "the Ministry of External Affairs",
        ] {
            is(name, "ministry:foreign", None);
        }
        for name in [
            "Interior Ministry",
            "Ministry of Internal Affairs",
            "Internal Affairs Ministry",
            "Ministry of the Interior",
            "Home Affairs Ministry",
        ] {
            is(name, "ministry:interior", None);
        }
        is("Ministry of Defense", "ministry:defence", None);
        is(
            "Emergency Situations Ministry",
            "ministry:emergencies",
            None,
        );
        is("Ministry of Emergencies", "ministry:emergencies", None);
        is(
            "Ministry of Education and Science",
            "ministry:education+science",
            None,
        );
    }

    #[test]
    fn country_qualifiers_are_read_apart() {
        is(
            "Velorian Interior Ministry",
            "ministry:interior",
            Some("VL"),
        );
        is("Ostrian Interior Ministry", "ministry:interior", Some("OS"));
        is(
            "Ministry of Internal Affairs of Veloria",
            "ministry:interior",
            Some("VL"),
        );
        is(
            "Velorian Ministry of Defence",
            "ministry:defence",
            Some("VL"),
        );
        is("Russian Defence Ministry", "ministry:defence", Some("RU"));
        is("Home Office", "ministry:interior", Some("GB"));
        // A qualifier that is not a country, or two different countries.
        assert_eq!(key("Regional Health Ministry"), None);
        assert_eq!(key("Velorian Ministry of Defence of Ostria"), None);
    }

    #[test]
    fn offices_of_officials_share_a_key() {
        for name in [
            "Attorney General's Office",
            "Attorney-General\u{2019}s Office",
            "General Attorney's Office",
            "Office of the Attorney General",
        ] {
            is(name, "office:attorney general", None);
        }
        is(
            "Prosecutor General's Office",
            "office:prosecutor general",
            None,
        );
        is(
            "General Prosecutor's Office",
            "office:prosecutor general",
            None,
        );
        is(
            "Velorian Presidential Office",
            "office:president",
            Some("VL"),
        );
    }

    #[test]
    fn other_names_have_no_institution_key() {
        for name in [
            "Security Council",
            "National Security Council",
            "Ministry",
            "Ministry of Truth",
            "Box Office",
            "Kolvaran Copper Combine",
        ] {
            assert_eq!(key(name), None, "{name}");
        }
    }
}
