//! The committed perceptron model on invented news sentences.

use std::time::Instant;

use corroborate_ner::{extract, EntityKind, Mention, MentionTagger, PerceptronTagger};

fn tag(text: &str) -> Vec<Mention> {
    let tokens = corroborate_text::tokens(text);
    extract(text, &corroborate_text::sentences(text), &tokens)
}

fn kinds_of(mentions: &[Mention], text: &str) -> Vec<EntityKind> {
    mentions
        .iter()
        .filter(|m| m.text == text)
        .map(|m| m.kind)
        .collect()
}

fn find<'a>(mentions: &'a [Mention], text: &str) -> Option<&'a Mention> {
    mentions.iter().find(|m| m.text == text)
}

#[test]
fn embedded_model_loads() {
    let started = Instant::now();
    let tagger = PerceptronTagger::embedded().unwrap_or_else(|e| panic!("{e}"));
    let elapsed = started.elapsed();
    assert!(
        tagger.attribute_count() > 10_000,
        "{}",
        tagger.attribute_count()
    );
    eprintln!("model loaded in {elapsed:?} (gazetteer included)");
    let garbage = PerceptronTagger::from_bytes(b"not a model");
    assert!(garbage.is_err());
}

#[test]
fn people_organizations_and_places() {
    let m = tag(
        "Officials at the Northland Electoral Commission said on Monday that Anna Volkova \
         had met the protesters in Oslo before she flew to Geneva.",
    );
    assert_eq!(
        kinds_of(&m, "Northland Electoral Commission"),
        vec![EntityKind::Organization],
        "{m:?}"
    );
    assert_eq!(
        kinds_of(&m, "Anna Volkova"),
        vec![EntityKind::Person],
        "{m:?}"
    );
    assert_eq!(kinds_of(&m, "Oslo"), vec![EntityKind::Place], "{m:?}");
    assert_eq!(kinds_of(&m, "Geneva"), vec![EntityKind::Place], "{m:?}");
    assert!(find(&m, "Monday").is_none(), "{m:?}");
}

#[test]
fn titles_are_stripped_into_title() {
    let m = tag("Foreign Minister Tomas Brekke met protesters outside the parliament in Bergen.");
    let brekke = find(&m, "Tomas Brekke");
    assert_eq!(brekke.map(|p| p.kind), Some(EntityKind::Person), "{m:?}");
    assert_eq!(
        brekke.and_then(|p| p.title.as_deref()),
        Some("Foreign Minister")
    );
    assert_eq!(kinds_of(&m, "Bergen"), vec![EntityKind::Place]);
}

#[test]
fn acronyms_get_their_expansion_everywhere() {
    let m = tag(
        "The Baltic Grain Union (BGU) said exports fell. A BGU spokesman, Ilse Marwick, \
         declined to comment.",
    );
    let union = find(&m, "Baltic Grain Union");
    assert_eq!(
        union.map(|u| u.kind),
        Some(EntityKind::Organization),
        "{m:?}"
    );
    assert_eq!(union.and_then(|u| u.expansion.as_deref()), Some("BGU"));
    let acronyms: Vec<&Mention> = m.iter().filter(|x| x.text == "BGU").collect();
    assert_eq!(acronyms.len(), 2, "{m:?}");
    assert!(acronyms
        .iter()
        .all(|a| a.expansion.as_deref() == Some("Baltic Grain Union")
            && a.kind == EntityKind::Organization));
    assert_eq!(kinds_of(&m, "Ilse Marwick"), vec![EntityKind::Person]);
}

#[test]
fn possessives_are_stripped_and_names_stay_consistent() {
    let m = tag(
        "Anna Volkova's lawyers appealed on Friday. Volkova said the Northland Electoral \
         Commission had ignored her. The commission's chairman disagreed.",
    );
    assert_eq!(
        kinds_of(&m, "Anna Volkova"),
        vec![EntityKind::Person],
        "{m:?}"
    );
    assert_eq!(kinds_of(&m, "Volkova"), vec![EntityKind::Person], "{m:?}");
    for mention in &m {
        assert!(!mention.text.ends_with("'s"), "{mention:?}");
    }
}

#[test]
fn spans_point_into_the_text() {
    let text = "Protests spread from Zhetisu Oblast to the port of Mar Vell, where \
                General Ruslan Okoye of the Northern Guard said the curfew would hold.";
    for mention in PerceptronTagger::embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .tag(
            text,
            &corroborate_text::sentences(text),
            &corroborate_text::tokens(text),
        )
    {
        assert_eq!(mention.span.slice(text), Some(mention.text.as_str()));
    }
    assert!(tag("").is_empty());
    assert!(tag("... --- !!!").is_empty());
    let spans = [corroborate_ner::Span::new(0, 400)];
    let short = "Short text about Oslo.";
    let _ = extract(short, &spans, &corroborate_text::tokens(short));
}
