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
pub struct GazetteerGeocoder;

impl Geocoder for GazetteerGeocoder {
    fn geocode(&self, name: &str, context_countries: &[String]) -> Option<(f64, f64, String)> {
        let context: Vec<&str> = context_countries.iter().map(String::as_str).collect();
        let place = corroborate_ner::Gazetteer::global().geocode(name, &context)?;
        Some((place.lat?, place.lon?, place.country_code.to_string()))
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
