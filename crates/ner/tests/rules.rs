//! Rule tests on invented news sentences.

use corroborate_ner::{EntityKind, Gazetteer, Mention, MentionTagger, RuleTagger};

fn tag(text: &str) -> Vec<Mention> {
    let tokens = corroborate_text::tokens(text);
    RuleTagger::default().tag(text, &corroborate_text::sentences(text), &tokens)
}

fn find<'a>(mentions: &'a [Mention], text: &str) -> Option<&'a Mention> {
    mentions.iter().find(|m| m.text == text)
}

fn kind_of(mentions: &[Mention], text: &str) -> Option<EntityKind> {
    find(mentions, text).map(|m| m.kind)
}

#[test]
fn title_travels_with_person_and_prefix_is_its_own_mention() {
    let m = tag("On Monday, French Foreign Minister Amelie Durand-Vasseur met protesters in Lyon.");
    let person = find(&m, "Amelie Durand-Vasseur");
    assert_eq!(person.map(|p| p.kind), Some(EntityKind::Person), "{m:?}");
    assert_eq!(
        person.and_then(|p| p.title.as_deref()),
        Some("French Foreign Minister")
    );
    assert_eq!(kind_of(&m, "French"), Some(EntityKind::Other));
    assert_eq!(kind_of(&m, "Lyon"), Some(EntityKind::Place));
    assert!(find(&m, "Monday").is_none());
}

#[test]
fn lower_case_titles_before_a_name() {
    let m = tag("The decree was signed by former president Tomas Brekke and regional director Ilse Marwick.");
    let brekke = find(&m, "Tomas Brekke");
    assert_eq!(
        brekke.and_then(|p| p.title.as_deref()),
        Some("former president"),
        "{m:?}"
    );
    let marwick = find(&m, "Ilse Marwick");
    assert_eq!(
        marwick.and_then(|p| p.title.as_deref()),
        Some("regional director"),
        "{m:?}"
    );
}

#[test]
fn title_with_organization_is_kept_whole() {
    let m =
        tag("The channel is run by editor-in-chief of NTX Marina Olberg, who declined to comment.");
    let person = find(&m, "Marina Olberg");
    assert_eq!(person.map(|p| p.kind), Some(EntityKind::Person), "{m:?}");
    assert_eq!(
        person.and_then(|p| p.title.as_deref()),
        Some("editor-in-chief of NTX")
    );
    assert_eq!(kind_of(&m, "NTX"), Some(EntityKind::Organization));
}

#[test]
fn multi_word_titles() {
    let m = tag("Talks were led by Secretary of State Harlan Voss in Geneva.");
    let person = find(&m, "Harlan Voss");
    assert_eq!(
        person.and_then(|p| p.title.as_deref()),
        Some("Secretary of State"),
        "{m:?}"
    );
    assert_eq!(kind_of(&m, "Geneva"), Some(EntityKind::Place));
}

#[test]
fn organizations_by_head_word_with_connectors() {
    let m = tag(
        "The Ministry of Foreign Affairs and the Northland Electoral Commission rejected it. \
         Radio Free Borduria/Radio Liberty reported the same.",
    );
    assert_eq!(
        kind_of(&m, "Ministry of Foreign Affairs"),
        Some(EntityKind::Organization),
        "{m:?}"
    );
    assert_eq!(
        kind_of(&m, "Northland Electoral Commission"),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        kind_of(&m, "Radio Free Borduria/Radio Liberty"),
        Some(EntityKind::Organization)
    );
}

#[test]
fn acronym_and_expansion_point_at_each_other() {
    let m = tag(
        "The Northern Defence Treaty Organization (NDTO) met in Oslo. Later the NDTO said troops would leave.",
    );
    let long = find(&m, "Northern Defence Treaty Organization");
    assert_eq!(
        long.and_then(|x| x.expansion.as_deref()),
        Some("NDTO"),
        "{m:?}"
    );
    let shorts: Vec<&Mention> = m.iter().filter(|x| x.text == "NDTO").collect();
    assert_eq!(shorts.len(), 2);
    for short in shorts {
        assert_eq!(short.kind, EntityKind::Organization);
        assert_eq!(
            short.expansion.as_deref(),
            Some("Northern Defence Treaty Organization")
        );
    }
}

#[test]
fn possessive_is_stripped() {
    let m = tag("Police said Ravenna Kholt's lawyer had left Kyiv’s centre.");
    assert!(find(&m, "Ravenna Kholt").is_some(), "{m:?}");
    assert_eq!(kind_of(&m, "Kyiv"), Some(EntityKind::Place));
}

#[test]
fn person_is_person_everywhere_including_last_name() {
    let m = tag(
        "Opposition leader Dmitar Velkov was detained on Friday. Velkov denied the charges. \
         Supporters of Velkov gathered outside.",
    );
    let velkovs: Vec<&Mention> = m.iter().filter(|x| x.text == "Velkov").collect();
    assert_eq!(velkovs.len(), 2, "{m:?}");
    assert!(velkovs.iter().all(|x| x.kind == EntityKind::Person));
}

#[test]
fn speech_verbs_make_people() {
    let m = tag("The strike will continue, Brannigan said on Tuesday.");
    assert_eq!(kind_of(&m, "Brannigan"), Some(EntityKind::Person), "{m:?}");
}

#[test]
fn common_words_that_are_place_names_need_context() {
    let m = tag(
        "Reading the statement, officials urged calm. Nice words were not enough. \
         Police said the March rally was peaceful. Later she moved to a flat in Reading.",
    );
    let readings: Vec<&Mention> = m.iter().filter(|x| x.text == "Reading").collect();
    assert_eq!(readings.len(), 1, "{m:?}");
    assert_eq!(readings.first().map(|x| x.kind), Some(EntityKind::Place));
    for word in ["Nice", "Police", "March"] {
        assert!(find(&m, word).is_none(), "{word} tagged: {m:?}");
    }
}

#[test]
fn sentence_initial_function_words_are_dropped() {
    let m = tag("After the vote, Marisol Aguerre left. The Interior Ministry declined to comment.");
    assert!(find(&m, "After").is_none(), "{m:?}");
    assert_eq!(
        kind_of(&m, "Interior Ministry"),
        Some(EntityKind::Organization)
    );
    assert_eq!(kind_of(&m, "Marisol Aguerre"), Some(EntityKind::Person));
}

#[test]
fn demonyms_and_named_events_are_other() {
    let m = tag("Veterans of the 2008 Borduria-Syldavia War joined Kazakh and Peruvian activists.");
    assert_eq!(
        kind_of(&m, "2008 Borduria-Syldavia War"),
        Some(EntityKind::Other),
        "{m:?}"
    );
    assert_eq!(kind_of(&m, "Kazakh"), Some(EntityKind::Other));
    assert_eq!(kind_of(&m, "Peruvian"), Some(EntityKind::Other));
}

#[test]
fn countries_and_their_spelling_variants_are_places() {
    let m = tag("Exports from Kyrgystan and Mongolia fell; Ukraine and Chad were spared.");
    for name in ["Kyrgystan", "Mongolia", "Ukraine", "Chad"] {
        assert_eq!(kind_of(&m, name), Some(EntityKind::Place), "{name}: {m:?}");
    }
}

#[test]
fn university_is_an_organization_distinct_from_person() {
    let m = tag("Professor Lena Ostrova teaches at Ostrova University in Bergen.");
    assert_eq!(
        kind_of(&m, "Lena Ostrova"),
        Some(EntityKind::Person),
        "{m:?}"
    );
    assert_eq!(
        kind_of(&m, "Ostrova University"),
        Some(EntityKind::Organization)
    );
}

#[test]
fn mentions_are_sorted_non_overlapping_and_on_char_boundaries() {
    let text =
        "«Étienne Marchand» a dit: Ünal Özdemir visited Zürich and São Paulo. Ωmega Corp said so.";
    let m = tag(text);
    for pair in m.windows(2) {
        if let [a, b] = pair {
            assert!(a.span.end <= b.span.start, "{a:?} overlaps {b:?}");
        }
    }
    for mention in &m {
        assert_eq!(mention.span.slice(text), Some(mention.text.as_str()));
    }
    assert_eq!(kind_of(&m, "Zürich"), Some(EntityKind::Place), "{m:?}");
}

#[test]
fn empty_and_odd_inputs_do_not_panic() {
    assert!(tag("").is_empty());
    assert!(tag("... --- !!!").is_empty());
    let text = "ALL CAPS HEADLINE ABOUT THE WAR IN FREEDONIA";
    let _ = tag(text);
    // Sentences that do not fit the text are ignored rather than panicking.
    let spans = [corroborate_ner::Span::new(0, 400)];
    let short = "Short text about Oslo.";
    let tokens = corroborate_text::tokens(short);
    let _ = RuleTagger::default().tag(short, &spans, &tokens);
    let _ = corroborate_ner::extract(short, &spans, &tokens);
}

#[test]
fn gazetteer_geocodes_and_knows_countries() {
    let gazetteer = Gazetteer::global();
    assert!(gazetteer.is_country("Mongolia"));
    let place = gazetteer.geocode("Bergen", &["NO"]);
    assert_eq!(place.map(|p| p.country_code), Some("NO"));
    assert!(place.and_then(|p| p.lat).is_some());
    assert_eq!(gazetteer.geocode("Freedonia", &[]), None);
}
