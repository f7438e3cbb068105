//! Checks on the real seed reports. Runs when CORROBORATE_SHARED points at
//! the shared folder; fails loudly when it is set but the seeds are missing.

use corroborate_ner::{extract, EntityKind, Gazetteer, Mention};

fn seed_mentions() -> Option<Vec<Mention>> {
    let files = corroborate_testkit::seed_paths()?;
    let mut all = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let tokens = corroborate_text::tokens(&text);
        let mentions = extract(&text, &corroborate_text::sentences(&text), &tokens);
        for mention in &mentions {
            assert_eq!(mention.span.slice(&text), Some(mention.text.as_str()));
        }
        all.extend(mentions);
    }
    Some(all)
}

fn kinds_of(mentions: &[Mention], text: &str) -> Vec<EntityKind> {
    mentions
        .iter()
        .filter(|m| m.text == text)
        .map(|m| m.kind)
        .collect()
}

#[test]
fn seeds_have_sensible_mentions() {
    let Some(mentions) = seed_mentions() else {
        eprintln!("CORROBORATE_SHARED unset: skipping seed checks");
        return;
    };
    let masimov = kinds_of(&mentions, "Karim Masimov");
    assert!(
        !masimov.is_empty() && masimov.iter().all(|k| *k == EntityKind::Person),
        "{masimov:?}"
    );

    // Places only because the gazetteer has them.
    for place in ["Zhanaozen", "Almaty"] {
        assert!(
            Gazetteer::global().contains(place),
            "{place} not in gazetteer"
        );
        let kinds = kinds_of(&mentions, place);
        assert!(
            !kinds.is_empty() && kinds.iter().all(|k| *k == EntityKind::Place),
            "{place}: {kinds:?}"
        );
    }

    let csto_expansion = mentions.iter().any(|m| {
        m.text.ends_with("Collective Security Treaty Organization")
            && m.kind == EntityKind::Organization
            && m.expansion.as_deref() == Some("CSTO")
    });
    assert!(csto_expansion, "no CSTO expansion pair");
    let csto = mentions.iter().filter(|m| m.text == "CSTO");
    assert!(csto.clone().count() > 5);
    // Every report that spells the acronym out gets the expansion on each use.
    assert!(csto.clone().all(|m| m.kind == EntityKind::Organization));
    assert!(csto.clone().filter(|m| m.expansion.is_some()).count() > 5);

    assert_eq!(
        kinds_of(&mentions, "Nazarbayev University").first(),
        Some(&EntityKind::Organization)
    );
    // Surnames of people named in full are people everywhere.
    let tokayev = kinds_of(&mentions, "Tokayev");
    assert!(tokayev.len() > 10 && tokayev.iter().all(|k| *k == EntityKind::Person));
    // Titles travel with the person.
    assert!(mentions.iter().any(|m| m.text.ends_with("Tokayev")
        && m.title
            .as_deref()
            .is_some_and(|t| t.to_lowercase().contains("president"))));
}
