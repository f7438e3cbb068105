//! ingest → extract (parallel, per report) → date refinement → merge.

use std::path::PathBuf;

use corroborate_ingest::{default_readers, read_all, IngestOptions};
use std::path::Path;

use corroborate_merge::{Curation, Geocoder};
use corroborate_model::{Analysis, AnnotatedReport, Report};

/// What `analyze` needs besides the paths.
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions {
    pub ingest: IngestOptions,
    /// The user's corrections to entity merging.
    pub curation: Curation,
}

/// The name of the curation file looked for beside the corpus.
pub const CURATION_FILE: &str = "corroborate.toml";

/// Reads a curation file.
pub fn load_curation(path: &Path) -> Result<Curation, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// `--config FILE` if given, else the first `corroborate.toml` found in a
/// folder given as input (or beside a file given as input).
pub fn find_curation_file(paths: &[PathBuf], explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .map(|p| {
            if p.is_dir() {
                p.join(CURATION_FILE)
            } else {
                p.with_file_name(CURATION_FILE)
            }
        })
        .find(|candidate| candidate.is_file())
}

/// The analysis and the reports it refers to (for quotes in context).
pub struct AnalyzeOutput {
    pub analysis: Analysis,
    pub reports: Vec<Report>,
}

/// Reads, extracts and merges every report under `paths`.
/// `on_report_read` is told how many reports there are; `on_report_done`
/// is called after each report is extracted.
pub fn analyze_paths(
    paths: &[PathBuf],
    options: &AnalyzeOptions,
    on_report_read: &dyn Fn(usize),
    on_report_done: &(dyn Fn() + Sync),
) -> AnalyzeOutput {
    let readers = default_readers();
    let ingested = read_all(paths, &readers, &options.ingest);
    on_report_read(ingested.reports.len());
    let mut annotated = corroborate_extract::extract_all(ingested.reports, on_report_done);
    corroborate_extract::infer::refine_undated(&mut annotated);
    release_tokens(&mut annotated);
    let analysis = corroborate_merge::merge(
        &annotated,
        &GazetteerGeocoder,
        &options.curation,
        ingested.skipped,
    );
    AnalyzeOutput {
        analysis,
        reports: annotated.into_iter().map(|a| a.report).collect(),
    }
}

/// Frees every report's tokens: merging reads none (it tokenizes the few
/// sentences it needs), and tokens take several times the memory of the
/// text they cover.
pub fn release_tokens(annotated: &mut [AnnotatedReport]) {
    for report in annotated {
        report.annotations.tokens = Vec::new();
    }
}

/// Merges already annotated reports (used by benchmarks and tests).
pub fn merge_annotated(annotated: &[AnnotatedReport]) -> Analysis {
    corroborate_merge::merge(
        annotated,
        &GazetteerGeocoder,
        &Curation::default(),
        Vec::new(),
    )
}

/// The GeoNames gazetteer behind the merge stage's [`Geocoder`] trait.
///
/// A town outside the corpus's main countries is only put on the map when
/// it is large (at least [`FAR_TOWN_MIN_POPULATION`]): a capitalized word
/// that only matches a small town abroad ("Kazak" as an adjective, a
/// slogan, a movement's name) is far more often a misreading than the
/// place meant. Such a name stays a place without coordinates.
pub struct GazetteerGeocoder;

/// Smallest population of a town outside the context countries that is
/// geocoded.
pub const FAR_TOWN_MIN_POPULATION: u64 = 100_000;

impl GazetteerGeocoder {
    /// The gazetteer place `name` most likely is, unless it is a small town
    /// outside the context countries.
    fn place(&self, name: &str, context_countries: &[String]) -> Option<corroborate_ner::Place> {
        let context: Vec<&str> = context_countries.iter().map(String::as_str).collect();
        let place = corroborate_ner::Gazetteer::global().geocode(name, &context)?;
        let far_small_town = !context.is_empty()
            && !context.contains(&place.country_code)
            && place.kind == corroborate_ner::FeatureKind::City
            && place.population.unwrap_or(0) < FAR_TOWN_MIN_POPULATION;
        (!far_small_town).then_some(place)
    }
}

impl Geocoder for GazetteerGeocoder {
    fn geocode(&self, name: &str, context_countries: &[String]) -> Option<(f64, f64, String)> {
        let place = self.place(name, context_countries)?;
        Some((place.lat?, place.lon?, place.country_code.to_string()))
    }

    /// The place's primary name, kind and country ("Mumbai, city, IN"):
    /// one GeoNames place has one primary name per kind and country.
    fn place_id(&self, name: &str, context_countries: &[String]) -> Option<String> {
        let place = self.place(name, context_countries)?;
        let kind = match place.kind {
            corroborate_ner::FeatureKind::Country => "country",
            corroborate_ner::FeatureKind::Admin => "region",
            corroborate_ner::FeatureKind::City => "city",
        };
        Some(format!("{}, {kind}, {}", place.name, place.country_code))
    }

    fn demonym_country(&self, word: &str) -> Option<String> {
        corroborate_ner::Gazetteer::global()
            .demonym_country(word)
            .map(str::to_string)
    }

    /// Also places a region named by a compass or size word and a country
    /// ("West Kazakhstan", "Northern Syria", "Upper Egypt") in that country.
    fn country_of(&self, name: &str, context_countries: &[String]) -> Option<String> {
        let gazetteer = corroborate_ner::Gazetteer::global();
        let context: Vec<&str> = context_countries.iter().map(String::as_str).collect();
        if let Some(place) = gazetteer.geocode(name, &context) {
            return Some(place.country_code.to_string());
        }
        let (first, rest) = name.split_once(' ')?;
        corroborate_ner::REGION_MODIFIERS
            .contains(&first.to_lowercase().as_str())
            .then(|| gazetteer.country_code(rest))
            .flatten()
            .map(str::to_string)
    }

    fn country_code(&self, name: &str) -> Option<String> {
        corroborate_ner::Gazetteer::global()
            .country_code(name)
            .map(|code| code.to_string())
    }

    /// One word that the gazetteer knows as a nationality (singular or
    /// plural) and not as a place name.
    fn is_demonym(&self, name: &str) -> bool {
        let gazetteer = corroborate_ner::Gazetteer::global();
        !name.contains(char::is_whitespace)
            && gazetteer.demonym_country(name).is_some()
            && gazetteer.geocode(name, &[]).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn former_and_current_names_are_one_place() {
        let geocoder = GazetteerGeocoder;
        let none: [String; 0] = [];
        let id = |name: &str| geocoder.place_id(name, &none);
        for (former, current) in [
            ("Bombay", "Mumbai"),
            ("Leningrad", "Saint Petersburg"),
            ("Peking", "Beijing"),
            ("Kiev", "Kyiv"),
        ] {
            assert!(id(current).is_some(), "{current}");
            assert_eq!(id(former), id(current), "{former} / {current}");
        }
        assert_ne!(id("Mumbai"), id("Navi Mumbai"));
        assert_eq!(geocoder.demonym_country("French").as_deref(), Some("FR"));
    }

    #[test]
    fn the_gazetteer_places_cities_and_regions_in_their_country() {
        let geocoder = GazetteerGeocoder;
        let none: [String; 0] = [];
        assert_eq!(geocoder.country_of("Aktau", &none).as_deref(), Some("KZ"));
        assert_eq!(
            geocoder.country_of("West Kazakhstan", &none).as_deref(),
            Some("KZ")
        );
        assert_eq!(
            geocoder.country_of("Northern Syria", &none).as_deref(),
            Some("SY")
        );
        assert_eq!(geocoder.country_of("West Lirona", &none), None);
        assert_eq!(geocoder.country_code("France").as_deref(), Some("FR"));
        assert!(geocoder.geocode("Lirona-on-Nowhere", &none).is_none());
    }

    #[test]
    fn small_towns_far_from_the_story_stay_off_the_map() {
        let geocoder = GazetteerGeocoder;
        let context = ["KZ".to_string(), "RU".to_string()];
        let gazetteer = corroborate_ner::Gazetteer::global();
        let far_small = gazetteer
            .geocode("Kazak", &[])
            .filter(|p| p.country_code != "KZ" && p.country_code != "RU")
            .filter(|p| p.population.unwrap_or(0) < FAR_TOWN_MIN_POPULATION);
        assert!(
            far_small.is_some(),
            "the gazetteer knows a small town of that name abroad"
        );
        assert!(geocoder.geocode("Kazak", &context).is_none());
        assert!(
            geocoder.geocode("Kazak", &[]).is_some(),
            "without a context the name is still placed"
        );
        let (_, _, country) = geocoder.geocode("Lyon", &context).expect("a large city");
        assert_eq!(country, "FR");
        assert!(geocoder.geocode("Aktau", &context).is_some());
    }

    #[test]
    fn nationalities_are_not_places() {
        let geocoder = GazetteerGeocoder;
        assert!(geocoder.is_demonym("Russian"));
        assert!(geocoder.is_demonym("Armenians"));
        assert!(!geocoder.is_demonym("Russia"));
        assert!(!geocoder.is_demonym("Aktau"));
    }
}
