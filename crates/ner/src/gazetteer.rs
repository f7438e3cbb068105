//! Place gazetteer: countries, first-level subdivisions and cities of
//! 15,000+ inhabitants, with alternate English-script names and demonyms.
//!
//! The data (`data/gazetteer.tsv`) is built by `scripts/build_gazetteer.py`
//! from GeoNames (CC BY 4.0), ISO 3166 names (Debian iso-codes via
//! pycountry) and countryinfo; it is compiled into the binary and parsed
//! once, on first use. Names are matched case-insensitively, except
//! all-caps abbreviations ("UK", "UAE"), which match only as written.

use std::collections::hash_map::Entry;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use rustc_hash::FxHashMap;

use crate::name_index::NameIndex;

static GAZETTEER_TSV: &str = include_str!("../data/gazetteer.tsv");
static GLOBAL: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(GAZETTEER_TSV));

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FeatureKind {
    Country,
    /// First-level administrative division (region, province, state).
    Admin,
    City,
}

/// How a name is known to the gazetteer (see [`Gazetteer::name_class`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameClass {
    Country,
    Primary,
    Alternate,
}

/// One gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// Primary name ("Almaty").
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 country code.
    pub country_code: &'static str,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: Option<u64>,
    pub kind: FeatureKind,
}

/// Population from which a city is taken to be well known.
pub(crate) const WELL_KNOWN_CITY_POPULATION: u64 = 100_000;

impl Place {
    /// A country, a first-level division or a city of at least
    /// 100,000 people: a place whose name alone,
    /// with no other evidence, may be taken for it.
    pub fn is_well_known(&self) -> bool {
        match self.kind {
            FeatureKind::Country | FeatureKind::Admin => true,
            FeatureKind::City => self.population.unwrap_or(0) >= WELL_KNOWN_CITY_POPULATION,
        }
    }
}

/// A place as read from the data; the numbers are parsed only when a
/// [`Place`] is asked for (few are, and parsing all of them was a large
/// share of start-up).
#[derive(Debug, Clone, Copy)]
struct PlaceEntry {
    name: &'static str,
    country_code: &'static str,
    population: &'static str,
    lat: &'static str,
    lon: &'static str,
    kind: FeatureKind,
}

impl PlaceEntry {
    fn place(&self) -> Place {
        Place {
            name: self.name,
            country_code: self.country_code,
            lat: self.lat.parse().ok(),
            lon: self.lon.parse().ok(),
            population: self.population.parse().ok(),
            kind: self.kind,
        }
    }
}

/// A name's entry in the index: which place, and whether it is the
/// place's primary name (rather than an alternate).
#[derive(Debug, Clone, Copy)]
struct NameRef {
    place: u32,
    primary: bool,
}

/// The entries of one name. Nearly every name has a single entry, kept
/// without a `Vec` of its own (fewer allocations when parsing).
#[derive(Debug, Clone)]
enum NameRefs {
    One(NameRef),
    Many(Vec<NameRef>),
}

impl NameRefs {
    fn push(&mut self, name_ref: NameRef) {
        match self {
            NameRefs::One(first) => *self = NameRefs::Many(vec![*first, name_ref]),
            NameRefs::Many(refs) => refs.push(name_ref),
        }
    }

    fn as_slice(&self) -> &[NameRef] {
        match self {
            NameRefs::One(name_ref) => std::slice::from_ref(name_ref),
            NameRefs::Many(refs) => refs,
        }
    }
}

/// Adds `name_ref` under `key`.
fn add_ref<K: std::hash::Hash + Eq>(index: &mut FxHashMap<K, NameRefs>, key: K, name_ref: NameRef) {
    match index.entry(key) {
        Entry::Occupied(mut refs) => refs.get_mut().push(name_ref),
        Entry::Vacant(slot) => {
            slot.insert(NameRefs::One(name_ref));
        }
    }
}

/// The place gazetteer. Use [`Gazetteer::global`].
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<PlaceEntry>,
    /// Lower-cased name → entries (for names with a lower-case letter).
    by_name: NameIndex<NameRefs>,
    /// All-caps abbreviations, matched as written ("UK").
    by_abbreviation: FxHashMap<&'static str, NameRefs>,
    /// Lower-cased demonym → country code.
    demonyms: FxHashMap<String, &'static str>,
    /// Country names (lower case, 7+ letters) with one letter dropped →
    /// country code, for spelling variants ("Kazakstan").
    country_variants: FxHashMap<String, &'static str>,
}

impl Gazetteer {
    /// The gazetteer compiled into the crate, parsed on first use.
    pub fn global() -> &'static Gazetteer {
        &GLOBAL
    }

    fn parse(tsv: &'static str) -> Gazetteer {
        let mut gazetteer = Gazetteer {
            places: Vec::with_capacity(40_000),
            by_name: NameIndex::with_capacity(160_000),
            by_abbreviation: FxHashMap::default(),
            demonyms: FxHashMap::default(),
            country_variants: FxHashMap::default(),
        };
        for line in tsv.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut fields = [""; 6];
            let mut count = 0;
            for field in line.split('\t') {
                if let Some(slot) = fields.get_mut(count) {
                    *slot = field;
                }
                count += 1;
            }
            match (count, fields) {
                (3, ["D", code, names, ..]) => gazetteer.add_demonyms(code, names),
                (6, [kind, code, population, lat, lon, names]) => gazetteer.add_place(
                    kind,
                    code,
                    Numbers {
                        population,
                        lat,
                        lon,
                    },
                    names,
                ),
                _ => {}
            }
        }
        gazetteer.index_country_variants();
        gazetteer
    }

    fn index_country_variants(&mut self) {
        const MIN_LEN: usize = 7;
        let countries = self
            .places
            .iter()
            .filter(|p| p.kind == FeatureKind::Country);
        for country in countries {
            let name = country.name.to_lowercase();
            if name.len() < MIN_LEN || !name.is_ascii() || name.contains(' ') {
                continue;
            }
            for skip in 1..name.len() {
                let variant: String = name
                    .char_indices()
                    .filter(|&(i, _)| i != skip)
                    .map(|(_, c)| c)
                    .collect();
                if !self.by_name.contains_key(&variant) {
                    self.country_variants
                        .entry(variant)
                        .or_insert(country.country_code);
                }
            }
        }
    }

    /// The country whose one-word name `name` misspells by one missing
    /// letter (not the first): "Kazakstan" → "KZ". Exact names are not
    /// variants.
    pub(crate) fn fuzzy_country(&self, name: &str) -> Option<&'static str> {
        with_normalized_key(name, |key| self.country_variants.get(key).copied())
    }

    fn add_demonyms(&mut self, code: &'static str, names: &'static str) {
        for name in names.split('|') {
            self.demonyms.entry(name.to_lowercase()).or_insert(code);
        }
    }

    fn add_place(&mut self, kind: &str, code: &'static str, numbers: Numbers, names: &'static str) {
        let kind = match kind {
            "C" => FeatureKind::Country,
            "A" => FeatureKind::Admin,
            "T" => FeatureKind::City,
            _ => return,
        };
        let mut names_iter = names.split('|');
        let Some(primary_name) = names_iter.next() else {
            return;
        };
        let Ok(index) = u32::try_from(self.places.len()) else {
            return;
        };
        self.places.push(PlaceEntry {
            name: primary_name,
            country_code: code,
            population: numbers.population,
            lat: numbers.lat,
            lon: numbers.lon,
            kind,
        });
        self.index_name(
            primary_name,
            NameRef {
                place: index,
                primary: true,
            },
        );
        for alternate in names_iter {
            self.index_name(
                alternate,
                NameRef {
                    place: index,
                    primary: false,
                },
            );
        }
    }

    fn index_name(&mut self, name: &'static str, name_ref: NameRef) {
        if is_abbreviation(name) {
            add_ref(&mut self.by_abbreviation, name, name_ref);
        } else {
            let by_name = &mut self.by_name;
            with_lowercase(name, |key| {
                by_name.upsert(key, || NameRefs::One(name_ref), |refs| refs.push(name_ref));
            });
        }
    }

    fn refs(&self, name: &str) -> &[NameRef] {
        if let Some(undotted) = undotted_abbreviation(name) {
            return self
                .by_abbreviation
                .get(undotted.as_str())
                .map_or(&[], NameRefs::as_slice);
        }
        if is_abbreviation(name) {
            return self
                .by_abbreviation
                .get(name)
                .map_or(&[], NameRefs::as_slice);
        }
        let found = with_normalized_key(name, |key| {
            self.by_name
                .get(key)
                .map_or(&[] as &[NameRef], NameRefs::as_slice)
        });
        match expanded_abbreviation(name) {
            Some(expanded) if found.is_empty() => self.refs(&expanded),
            _ => found,
        }
    }

    /// True when `name` is a place name of any kind.
    pub fn contains(&self, name: &str) -> bool {
        !self.refs(name).is_empty()
    }

    /// True when `name` is the primary name of some place (not only an
    /// alternate or historical name).
    pub(crate) fn is_primary_name(&self, name: &str) -> bool {
        self.refs(name).iter().any(|r| r.primary)
    }

    /// The place `name` most likely refers to: a place in one of
    /// `context_countries` (ISO alpha-2) first, then a country, then a
    /// primary-name match, then the larger population. `None` when the name
    /// is not in the gazetteer — this never guesses.
    pub fn geocode(&self, name: &str, context_countries: &[&str]) -> Option<Place> {
        self.geocode_as_written(name, context_countries)
            .or_else(|| self.geocode_in_capitals(name, context_countries))
    }

    /// "KYIV" in a dateline is the name in capitals, not an acronym: a
    /// four-letter name in capitals that no abbreviation has is looked up
    /// by name, and only a country, a region or a city of 100,000 or more
    /// counts (an acronym can spell a village's name).
    fn geocode_in_capitals(&self, name: &str, context_countries: &[&str]) -> Option<Place> {
        if !is_abbreviation(name) || name.len() < 4 {
            return None;
        }
        // Lower case is no abbreviation, and names are keyed in lower case.
        self.geocode_as_written(&name.to_lowercase(), context_countries)
            .filter(Place::is_well_known)
    }

    fn geocode_as_written(&self, name: &str, context_countries: &[&str]) -> Option<Place> {
        self.refs(name)
            .iter()
            .filter_map(|r| Some((r.primary, self.places.get(r.place as usize)?.place())))
            .max_by_key(|(primary, place)| {
                (
                    context_countries.contains(&place.country_code),
                    place.kind == FeatureKind::Country,
                    *primary,
                    place.population.unwrap_or(0),
                    place.lat.is_some(),
                )
            })
            .map(|(_, place)| place)
    }

    /// The most specific class of `name` in one lookup: a country, the
    /// primary name of a place, or only an alternate name.
    pub(crate) fn name_class(&self, name: &str) -> Option<NameClass> {
        let refs = self.refs(name);
        if refs.is_empty() {
            return None;
        }
        let is_country = refs.iter().any(|r| {
            self.places
                .get(r.place as usize)
                .is_some_and(|p| p.kind == FeatureKind::Country)
        });
        Some(if is_country {
            NameClass::Country
        } else if refs.iter().any(|r| r.primary) {
            NameClass::Primary
        } else {
            NameClass::Alternate
        })
    }

    /// True when `name` names a country ("Kazakhstan", "Russian Federation", "UK").
    pub fn is_country(&self, name: &str) -> bool {
        self.country_code(name).is_some()
    }

    /// The ISO alpha-2 code of the country called `name`.
    pub fn country_code(&self, name: &str) -> Option<&'static str> {
        self.refs(name)
            .iter()
            .filter_map(|r| self.places.get(r.place as usize))
            .find(|place| place.kind == FeatureKind::Country)
            .map(|place| place.country_code)
    }

    /// The country a nationality word belongs to ("Kazakh" → "KZ"); plurals
    /// of nouns of nationality ("Kazakhs") are accepted.
    pub fn demonym_country(&self, word: &str) -> Option<&'static str> {
        with_normalized_key(word, |key| {
            if let Some(code) = self.demonyms.get(key) {
                return Some(*code);
            }
            let singular = key.strip_suffix('s')?;
            self.demonyms.get(singular).copied()
        })
    }

    /// Number of places (countries, subdivisions, cities).
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

/// The number columns of a place line, unparsed.
struct Numbers {
    population: &'static str,
    lat: &'static str,
    lon: &'static str,
}

/// "UK", "USA": two to four capital ASCII letters.
fn is_abbreviation(name: &str) -> bool {
    (2..=4).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase())
}

/// "St. Petersburg" → "Saint Petersburg", "Mt Kenya" → "Mount Kenya",
/// "Ft. Worth" → "Fort Worth": place names are listed with the word.
fn expanded_abbreviation(name: &str) -> Option<String> {
    const WORDS: [(&str, &str); 3] = [("St", "Saint"), ("Mt", "Mount"), ("Ft", "Fort")];
    let (first, rest) = name.split_once(' ')?;
    let abbreviation = first.strip_suffix('.').unwrap_or(first);
    let (_, word) = WORDS.iter().find(|(short, _)| *short == abbreviation)?;
    Some(format!("{word} {rest}"))
}

/// "U.S." → "US", "U.A.E" → "UAE": a dotted abbreviation names what the
/// same letters name without dots.
fn undotted_abbreviation(name: &str) -> Option<String> {
    if !name.contains('.') || !name.bytes().all(|b| b.is_ascii_uppercase() || b == b'.') {
        return None;
    }
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    is_abbreviation(&letters).then_some(letters)
}

/// Longest ASCII name [`with_normalized_key`] lower-cases on the stack.
const STACK_KEY_LEN: usize = 64;

/// Calls `f` with [`normalize_key`] of `name`; short ASCII names (nearly
/// every lookup from running text) are lower-cased without allocating.
fn with_normalized_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    match with_ascii_lowercase(name) {
        Some((buffer, len)) => f(std::str::from_utf8(&buffer[..len]).unwrap_or_default()),
        None => f(&normalize_key(name)),
    }
}

/// Calls `f` with `name.to_lowercase()`, on the stack for short ASCII
/// names.
fn with_lowercase<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    match with_ascii_lowercase(name) {
        Some((buffer, len)) => f(std::str::from_utf8(&buffer[..len]).unwrap_or_default()),
        None => f(&name.to_lowercase()),
    }
}

/// `name` lower-cased in a stack buffer (and its length), for ASCII names
/// of at most [`STACK_KEY_LEN`] bytes.
fn with_ascii_lowercase(name: &str) -> Option<([u8; STACK_KEY_LEN], usize)> {
    let mut buffer = [0u8; STACK_KEY_LEN];
    let bytes = buffer.get_mut(..name.len()).filter(|_| name.is_ascii())?;
    bytes.copy_from_slice(name.as_bytes());
    bytes.make_ascii_lowercase();
    Some((buffer, name.len()))
}

/// Lower case, diacritics removed, curly apostrophes made straight.
fn normalize_key(name: &str) -> String {
    if name.is_ascii() {
        return name.to_ascii_lowercase();
    }
    name.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_match_any_official_name() {
        let gazetteer = Gazetteer::global();
        assert!(gazetteer.is_country("Kazakhstan"));
        assert!(gazetteer.is_country("Republic of Kazakhstan"));
        assert!(gazetteer.is_country("Russian Federation"));
        assert!(gazetteer.is_country("UK"));
        assert!(!gazetteer.is_country("uk"));
        assert!(!gazetteer.is_country("Almaty"));
    }

    #[test]
    fn geocode_prefers_context_country_then_population() {
        let gazetteer = Gazetteer::global();
        let paris = gazetteer.geocode("Paris", &[]).map(|p| p.country_code);
        assert_eq!(paris, Some("FR"));
        // Several US towns are called Paris too; a US context selects one.
        let paris_us = gazetteer.geocode("Paris", &["US"]).map(|p| p.country_code);
        assert_eq!(paris_us, Some("US"));
        assert_eq!(gazetteer.geocode("Xyzzyville", &[]), None);
    }

    #[test]
    fn country_wins_over_same_named_state() {
        let georgia = Gazetteer::global().geocode("Georgia", &[]);
        assert_eq!(
            georgia.map(|p| (p.country_code, p.kind)),
            Some(("GE", FeatureKind::Country))
        );
    }

    #[test]
    fn diacritics_and_case_are_ignored() {
        let gazetteer = Gazetteer::global();
        let folded = gazetteer.geocode("MÜNCHEN", &[]).map(|p| p.name);
        let plain = gazetteer.geocode("Munich", &[]).map(|p| p.name);
        assert!(folded.is_some());
        assert_eq!(folded, plain);
    }

    #[test]
    fn dotted_abbreviations_name_what_the_letters_name() {
        let gazetteer = Gazetteer::global();
        assert_eq!(gazetteer.country_code("U.S."), Some("US"));
        assert_eq!(gazetteer.country_code("U.K."), Some("GB"));
        assert_eq!(gazetteer.country_code("U.A.E"), Some("AE"));
        assert_eq!(gazetteer.country_code("U.S.S."), None);
    }

    #[test]
    fn a_four_letter_name_in_capitals_is_found_by_name() {
        let gazetteer = Gazetteer::global();
        assert!(gazetteer.geocode("KYIV", &[]).is_some());
        assert_eq!(gazetteer.country_code("USA"), Some("US"));
        // An acronym that spells a small town's name is no place.
        assert!(gazetteer.geocode("PAME", &[]).is_none());
    }

    #[test]
    fn saint_mount_and_fort_may_be_abbreviated() {
        let gazetteer = Gazetteer::global();
        let full = gazetteer.geocode("Saint Petersburg", &[]);
        assert!(full.is_some());
        assert_eq!(gazetteer.geocode("St. Petersburg", &[]), full);
        assert_eq!(gazetteer.geocode("St Petersburg", &[]), full);
        assert_eq!(gazetteer.geocode("St. Xyzzyburg", &[]), None);
    }

    #[test]
    fn spelling_variants_of_countries() {
        let gazetteer = Gazetteer::global();
        assert_eq!(gazetteer.fuzzy_country("Uzbekstan"), Some("UZ"));
        assert_eq!(gazetteer.fuzzy_country("Uzbekistan"), None);
        assert_eq!(gazetteer.fuzzy_country("Chad"), None);
    }

    #[test]
    fn demonyms_map_to_countries() {
        let gazetteer = Gazetteer::global();
        assert_eq!(gazetteer.demonym_country("French"), Some("FR"));
        assert_eq!(gazetteer.demonym_country("Uzbeks"), Some("UZ"));
        assert_eq!(gazetteer.demonym_country("Table"), None);
    }

    #[test]
    fn parses_quickly() {
        let start = std::time::Instant::now();
        let gazetteer = Gazetteer::parse(GAZETTEER_TSV);
        let elapsed = start.elapsed();
        assert!(gazetteer.len() > 30_000);
        // Generous bound: debug builds of dependencies are optimised (opt-level 2).
        assert!(elapsed.as_millis() < 1_000, "parse took {elapsed:?}");
    }
}
