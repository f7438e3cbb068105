//! Which country a place name is: the gazetteer's country names (through
//! the [`Geocoder`]) and the names it lacks (`data/country_names.tsv`,
//! built by `scripts/build_country_names.py`: "America", "Britain",
//! "U.S.", former names such as "Burma", dissolved states such as the
//! "Soviet Union" under their ISO 3166-3 alpha-4 code).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::entities::Geocoder;
use crate::names::spelling_key;

static COUNTRY_NAMES_TSV: &str = include_str!("../data/country_names.tsv");
static COUNTRY_NAMES: LazyLock<HashMap<String, &'static str>> =
    LazyLock::new(|| parse_country_names(COUNTRY_NAMES_TSV));

/// Spelling key of each name → ISO code.
fn parse_country_names(tsv: &'static str) -> HashMap<String, &'static str> {
    let mut names = HashMap::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let Some((code, list)) = line.split_once('\t') else {
            continue;
        };
        for name in list.split('|') {
            names.insert(spelling_key(name), code);
        }
    }
    names
}

/// The ISO code of the country `name` names ("U.S.", "the United States",
/// "America" → "US"; "USSR" → "SUHH"), or `None`.
pub(crate) fn country_code(geocoder: &dyn Geocoder, name: &str) -> Option<String> {
    if let Some(code) = COUNTRY_NAMES.get(&spelling_key(name)) {
        return Some((*code).to_string());
    }
    let plain = without_dots_and_article(name);
    if is_abbreviation(&plain) {
        // "SA", "AND": ISO codes the gazetteer lists; only those in the
        // list of names news writes ("US", "UAE") count.
        return None;
    }
    geocoder
        .country_code(name)
        .or_else(|| geocoder.country_code(&plain))
}

/// All capitals, two to five letters ("SA", "USSR").
fn is_abbreviation(name: &str) -> bool {
    (2..=5).contains(&name.chars().count()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// "the U.K." → "UK": the form the gazetteer's abbreviations are written in.
fn without_dots_and_article(name: &str) -> String {
    let trimmed = name.trim();
    let without_article = ["the ", "The "]
        .iter()
        .find_map(|article| trimmed.strip_prefix(article))
        .unwrap_or(trimmed);
    without_article.replace('.', "")
}

/// The country a qualifier before or after an institution's name stands
/// for: a country name ("Russia", "U.S.") or its adjective ("Russian").
pub(crate) fn qualifier_country(geocoder: &dyn Geocoder, words: &str) -> Option<String> {
    country_code(geocoder, words).or_else(|| geocoder.demonym_country(words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::NoGeocoder;

    #[test]
    fn common_alternates_and_former_states_have_codes() {
        let code = |name: &str| country_code(&NoGeocoder, name);
        for name in ["U.S.", "the United States", "America", "U.S.A."] {
            assert_eq!(code(name).as_deref(), Some("US"), "{name}");
        }
        for name in ["Britain", "U.K.", "Great Britain"] {
            assert_eq!(code(name).as_deref(), Some("GB"), "{name}");
        }
        assert_eq!(code("USSR").as_deref(), Some("SUHH"));
        assert_eq!(code("Soviet Union").as_deref(), Some("SUHH"));
        assert_eq!(code("Burma").as_deref(), Some("MM"));
        assert_eq!(code("Freedonia"), None);
        assert_eq!(code("USA").as_deref(), Some("US"));
        assert_eq!(code("UK").as_deref(), Some("GB"));
    }

    #[test]
    fn iso_codes_are_no_country_names_in_prose() {
        struct Codes;
        impl Geocoder for Codes {
            fn geocode(&self, _: &str, _: &[String]) -> Option<(f64, f64, String)> {
                None
            }
            fn country_code(&self, name: &str) -> Option<String> {
                matches!(name, "SA" | "Saudi Arabia").then(|| "SA".to_string())
            }
        }
        assert_eq!(country_code(&Codes, "SA"), None);
        assert_eq!(country_code(&Codes, "Saudi Arabia").as_deref(), Some("SA"));
    }
}
