//! Checks on the shared seed reports.
//! Skipped when CORROBORATE_SHARED is unset; fails loudly when it is set
//! but the files are missing.

use std::path::{Path, PathBuf};

use corroborate_quantity::{extract, Quantity};

fn shared() -> Option<PathBuf> {
    std::env::var_os("CORROBORATE_SHARED").map(PathBuf::from)
}

/// All quantities of all seed reports, with the sentence each is in.
fn seed_quantities(root: &Path) -> Vec<(Quantity, String)> {
    let dir = root.join("corpus/seeds");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "CORROBORATE_SHARED set but {} unreadable: {e}",
            dir.display()
        )
    });
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let sentences = corroborate_text::sentences(&text);
        let tokens = corroborate_text::tokens(&text);
        for q in extract(&text, &sentences, &tokens) {
            let sentence = sentences
                .iter()
                .find(|s| s.contains(q.span))
                .and_then(|s| s.slice(&text))
                .unwrap_or("")
                .to_string();
            out.push((q, sentence));
        }
    }
    assert!(!out.is_empty(), "no quantities found in {}", dir.display());
    out
}

fn find<'a>(all: &'a [(Quantity, String)], text: &str, sentence_has: &str) -> &'a Quantity {
    all.iter()
        .find(|(q, s)| q.text == text && s.contains(sentence_has))
        .map(|(q, _)| q)
        .unwrap_or_else(|| panic!("{text:?} (in a sentence with {sentence_has:?}) not extracted"))
}

#[test]
fn seed_figures_compare_as_intervals() {
    let Some(root) = shared() else {
        eprintln!("CORROBORATE_SHARED unset: skipping");
        return;
    };
    let all = seed_quantities(&root);

    let just_over = find(&all, "just over 2,000", "troops");
    let almost = find(&all, "almost 4,000", "peacekeeping");
    assert_eq!(just_over.concept.as_deref(), Some("troops"));
    assert_eq!(almost.concept.as_deref(), Some("troops"));
    assert!(!just_over.interval.intersects(&almost.interval));

    let more_than = find(&all, "more than 9,000", "arrested");
    let nearly = find(&all, "nearly 10,000", "detained");
    assert_eq!(more_than.concept.as_deref(), Some("detained"));
    assert_eq!(nearly.concept.as_deref(), Some("detained"));
    assert!(more_than.interval.intersects(&nearly.interval));

    let eighteen = find(&all, "at least eighteen", "security officers");
    let nineteen = find(&all, "19", "law enforcement");
    assert_eq!(eighteen.concept.as_deref(), Some("killed"));
    assert_eq!(eighteen.scope.as_deref(), Some("security officers"));
    assert_eq!(nineteen.concept.as_deref(), Some("killed"));
    assert_eq!(nineteen.scope.as_deref(), Some("law enforcement"));
    assert!(nineteen.part_of.is_some());
    assert!(eighteen.interval.intersects(&nineteen.interval));
}

#[test]
fn seeds_have_no_dates_or_names_as_quantities() {
    let Some(root) = shared() else {
        eprintln!("CORROBORATE_SHARED unset: skipping");
        return;
    };
    for (q, sentence) in seed_quantities(&root) {
        let year = (1900.0..=2100.0).contains(&q.value) && q.text.len() == 4;
        assert!(!year, "year taken as quantity: {:?} in {sentence}", q.text);
        for name in ["Covid-", "COVID-", "NLR "] {
            let glued = format!("{name}{}", q.text);
            assert!(
                !sentence.contains(&glued),
                "identifier taken as quantity: {glued} in {sentence}"
            );
        }
    }
}
