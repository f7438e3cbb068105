//! Checks on the real seed reports, read from `$CORROBORATE_SHARED`.
//!
//! Skipped when the variable is unset; fails when it is set but the seeds
//! are missing. Person mentions are made here from a short list of names
//! (the mention finder is another crate), so speaker linking and pronoun
//! resolution can be checked.

use corroborate_attrib::extract;
use corroborate_model::{Attribution, EntityKind, Hedge, Mention, Span, Voice};

/// Surnames of people speaking in the seeds, for test mentions only.
const TEST_PERSON_NAMES: &[&str] = &[
    "Tokayev",
    "Nazarbayev",
    "Pashinyan",
    "Yertysbayev",
    "Ertysbayev",
    "Blinken",
    "Xi Jinping",
];

use corroborate_testkit::seed_texts;

fn person_mentions(text: &str) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = TEST_PERSON_NAMES
        .iter()
        .flat_map(|name| {
            text.match_indices(name).map(|(start, found)| Mention {
                span: Span::new(start, start + found.len()),
                text: found.to_string(),
                kind: EntityKind::Person,
                title: None,
                expansion: None,
            })
        })
        .collect();
    mentions.sort_by_key(|m| m.span);
    mentions
}

fn all_attributions() -> Option<Vec<(String, Attribution)>> {
    let seeds = seed_texts()?;
    let mut all = Vec::new();
    for (path, text) in &seeds {
        let sentences = corroborate_text::sentences(text);
        let tokens = corroborate_text::tokens(text);
        for a in extract(text, &sentences, &tokens, &person_mentions(text)) {
            let speaker = a.speaker.clone().unwrap_or_default();
            let content = a.content.slice(text).unwrap_or("<bad span>");
            println!("{path} | {:?} | {speaker} | {} | {content}", a.hedge, a.cue);
            all.push((text.clone(), a));
        }
    }
    Some(all)
}

#[test]
fn seed_attributions() {
    let Some(all) = all_attributions() else {
        eprintln!("CORROBORATE_SHARED unset: skipping seed test");
        return;
    };
    for (text, a) in &all {
        for span in [
            Some(a.span),
            Some(a.content),
            Some(a.cue_span),
            a.speaker_span,
        ]
        .into_iter()
        .flatten()
        {
            assert!(span.slice(text).is_some(), "span off char boundary: {a:?}");
        }
    }
    assert!(
        all.iter()
            .any(|(_, a)| a.cue == "said"
                && a.speaker.as_deref().is_some_and(|s| s.contains("Tokayev"))),
        "no `Tokayev said` attribution"
    );
    let own = |cue: &str, hedge: Hedge| {
        all.iter().any(|(_, a)| {
            a.voice == Voice::Own
                && a.speaker.is_none()
                && a.cue.eq_ignore_ascii_case(cue)
                && a.hedge == hedge
        })
    };
    assert!(own("reportedly", Hedge::Alleged), "no `reportedly` hedge");
    assert!(own("allegedly", Hedge::Alleged), "no `allegedly` hedge");
    assert!(
        own("at the time of writing", Hedge::AsOfWriting),
        "no `at the time of writing` hedge"
    );
    let quoted = all.iter().filter(|(_, a)| a.voice == Voice::Quoted).count();
    assert!(quoted >= 15, "only {quoted} speaker attributions");
}
