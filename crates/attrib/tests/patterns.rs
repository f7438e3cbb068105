//! Cue patterns and hedges on hand-written news sentences.

use corroborate_attrib::{extract, sentence_hedge};
use corroborate_model::{Attribution, EntityKind, Hedge, Mention, Span, Voice};

fn person(text: &str, name: &str, occurrence: usize) -> Mention {
    let start = text
        .match_indices(name)
        .nth(occurrence)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{name} not in text"));
    Mention {
        span: Span::new(start, start + name.len()),
        text: name.to_string(),
        kind: EntityKind::Person,
        title: None,
        expansion: None,
    }
}

fn tokens(text: &str) -> Vec<corroborate_model::Token> {
    corroborate_text::tokens(text)
}

fn run(text: &str, mentions: &[Mention]) -> Vec<Attribution> {
    let tokens = corroborate_text::tokens(text);
    extract(text, &corroborate_text::sentences(text), &tokens, mentions)
}

fn quoted(text: &str, mentions: &[Mention]) -> Vec<Attribution> {
    run(text, mentions)
        .into_iter()
        .filter(|a| a.voice == Voice::Quoted)
        .collect()
}

fn slice(text: &str, span: Span) -> &str {
    &text[span.start..span.end]
}

/// The single quoted attribution: (speaker, cue, content, hedge).
fn only(text: &str, mentions: &[Mention]) -> (String, String, String, Hedge) {
    let found = quoted(text, mentions);
    assert_eq!(
        found.len(),
        1,
        "expected one attribution in {text:?}, got {found:#?}"
    );
    let a = &found[0];
    (
        a.speaker.clone().unwrap_or_default(),
        a.cue.clone(),
        slice(text, a.content).to_string(),
        a.hedge,
    )
}

#[test]
fn speaker_said_that_content() {
    let text = "The interior ministry said that 40 people had been detained.";
    let (speaker, cue, content, hedge) = only(text, &[]);
    assert_eq!(speaker, "The interior ministry");
    assert_eq!(cue, "said");
    assert_eq!(content, "40 people had been detained");
    assert_eq!(hedge, Hedge::Reported);
}

#[test]
fn content_then_speaker_said() {
    let text = "Roads into the capital were closed, a police spokesman said on Tuesday.";
    let (speaker, _, content, _) = only(text, &[]);
    assert_eq!(speaker, "a police spokesman");
    assert_eq!(content, "Roads into the capital were closed");
}

#[test]
fn quote_then_said_speaker() {
    let text = "“We will not negotiate with looters,” said Interior Minister Dana Holt.";
    let mentions = [person(text, "Dana Holt", 0)];
    let found = quoted(text, &mentions);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].speaker.as_deref(), Some("Dana Holt"));
    assert_eq!(
        slice(text, found[0].content),
        "We will not negotiate with looters"
    );
    assert_eq!(found[0].speaker_span, Some(mentions[0].span));
}

#[test]
fn quote_then_pronoun_resolves_to_previous_person() {
    let text = "Governor Ilse Marr spoke to reporters. “The city is calm,” she said on Monday.";
    let mentions = [person(text, "Ilse Marr", 0)];
    let (speaker, cue, content, _) = only(text, &mentions);
    assert_eq!(speaker, "Ilse Marr");
    assert_eq!(cue, "said");
    assert_eq!(content, "The city is calm");
}

#[test]
fn unresolved_pronoun_stays_as_written() {
    let text = "“The city is calm,” he said.";
    let (speaker, ..) = only(text, &[]);
    assert_eq!(speaker, "he");
}

#[test]
fn according_to_both_orders() {
    let text = "According to the health ministry, 12 people died in the fire.";
    let (speaker, cue, content, _) = only(text, &[]);
    assert_eq!(speaker, "the health ministry");
    assert_eq!(cue, "according to");
    assert_eq!(content, "12 people died in the fire");

    let text = "Twelve people died in the fire, according to local media.";
    let (speaker, _, content, _) = only(text, &[]);
    assert_eq!(speaker, "local media");
    assert_eq!(content, "Twelve people died in the fire");
}

#[test]
fn told_someone_that() {
    let text = "The mayor told reporters that the curfew would be lifted.";
    let (speaker, cue, content, _) = only(text, &[]);
    assert_eq!((speaker.as_str(), cue.as_str()), ("The mayor", "told"));
    assert_eq!(content, "the curfew would be lifted");
}

#[test]
fn accused_someone_of() {
    let text = "The opposition accused the police of firing on unarmed crowds.";
    let (speaker, cue, content, hedge) = only(text, &[]);
    assert_eq!(
        (speaker.as_str(), cue.as_str()),
        ("The opposition", "accused")
    );
    assert_eq!(content, "the police of firing on unarmed crowds");
    assert_eq!(hedge, Hedge::Alleged);
}

#[test]
fn alleged_and_claimed() {
    let text = "State television alleged that foreign agents had organised the riots.";
    let (speaker, _, content, hedge) = only(text, &[]);
    assert_eq!(speaker, "State television");
    assert_eq!(content, "foreign agents had organised the riots");
    assert_eq!(hedge, Hedge::Alleged);

    let text = "The rebels claimed the airport was under their control.";
    let (_, cue, content, hedge) = only(text, &[]);
    assert_eq!(cue, "claimed");
    assert_eq!(content, "the airport was under their control");
    assert_eq!(hedge, Hedge::Alleged);
}

#[test]
fn confirmed_and_denied_speakers() {
    let text = "The army confirmed that two soldiers were wounded.";
    assert_eq!(only(text, &[]).3, Hedge::Confirmed);
    let text = "The governor denied that troops had fired on protesters.";
    let (speaker, _, _, hedge) = only(text, &[]);
    assert_eq!((speaker.as_str(), hedge), ("The governor", Hedge::Denied));
    let text = "The ministry dismissed claims that the vote was rigged.";
    assert_eq!(only(text, &[]).3, Hedge::Denied);
}

#[test]
fn dismissing_officials_is_not_a_denial() {
    let text = "The president dismissed the government on Monday.";
    assert!(quoted(text, &[]).is_empty());
}

#[test]
fn other_reporting_verbs() {
    for (sentence, verb, hedge) in [
        (
            "The council announced that elections would be held in May.",
            "announced",
            Hedge::Reported,
        ),
        (
            "The envoy stated that talks had failed.",
            "stated",
            Hedge::Reported,
        ),
        (
            "Local media reported that the bridge had collapsed.",
            "reported",
            Hedge::Reported,
        ),
        (
            "The minister warned that prices would rise again.",
            "warned",
            Hedge::Reported,
        ),
        (
            "The mayor noted that schools remained open.",
            "noted",
            Hedge::Reported,
        ),
        (
            "The activists argued that the law was unconstitutional.",
            "argued",
            Hedge::Reported,
        ),
        (
            "The governor promised that order would be restored.",
            "promised",
            Hedge::Reported,
        ),
        (
            "The general insisted that his men had acted lawfully.",
            "insisted",
            Hedge::Alleged,
        ),
        (
            "The president blamed the unrest on foreign agents.",
            "blamed",
            Hedge::Alleged,
        ),
        (
            "Some analysts believe that the coup was planned for months.",
            "believe",
            Hedge::Speculative,
        ),
    ] {
        let (_, cue, content, found_hedge) = only(sentence, &[]);
        assert_eq!(cue, verb, "{sentence}");
        assert_eq!(found_hedge, hedge, "{sentence}");
        assert!(
            content.split_whitespace().count() >= 3,
            "{sentence}: {content}"
        );
    }
}

#[test]
fn second_cue_shares_speaker() {
    let text = "The spokesman said the roads were open and added that trains would run.";
    let found = quoted(text, &[]);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[1].cue, "added");
    assert_eq!(found[1].speaker.as_deref(), Some("The spokesman"));
    assert_eq!(slice(text, found[1].content), "trains would run");
}

#[test]
fn appositive_is_skipped() {
    let text =
        "Mira Tal, the head of the election commission, announced that turnout was 60 percent.";
    let mentions = [person(text, "Mira Tal", 0)];
    let (speaker, cue, content, _) = only(text, &mentions);
    assert_eq!((speaker.as_str(), cue.as_str()), ("Mira Tal", "announced"));
    assert_eq!(content, "turnout was 60 percent");
}

#[test]
fn participle_cue_takes_main_clause_actor() {
    let text = "Senator Ruiz criticised the budget, warning that “the deficit will explode.”";
    let mentions = [person(text, "Ruiz", 0)];
    let (speaker, cue, content, _) = only(text, &mentions);
    assert_eq!((speaker.as_str(), cue.as_str()), ("Ruiz", "warning"));
    assert_eq!(content, "the deficit will explode.");
}

#[test]
fn possessive_speaker_is_not_linked_to_the_owner() {
    let text = "Ruiz's spokesman said the senator was resting.";
    let mentions = [person(text, "Ruiz", 0)];
    let (speaker, ..) = only(text, &mentions);
    assert_eq!(speaker, "Ruiz's spokesman");
}

#[test]
fn described_as_and_words_of() {
    let text = "The protests were what the Daily Courier described as “the largest in decades.”";
    let (speaker, cue, content, _) = only(text, &[]);
    assert_eq!(
        (speaker.as_str(), cue.as_str()),
        ("the Daily Courier", "described as")
    );
    assert_eq!(content, "the largest in decades.");

    let text = "The country is a ‘steady partner’ (in the words of the foreign minister).";
    let (speaker, cue, content, _) = only(text, &[]);
    assert_eq!(
        (speaker.as_str(), cue.as_str()),
        ("the foreign minister", "in the words of")
    );
    assert_eq!(content, "steady partner");
}

#[test]
fn passive_said_is_an_alleged_hedge_not_a_speaker() {
    let text = "The general was said to have fled the capital.";
    let found = run(text, &[]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].voice, Voice::Own);
    assert_eq!(found[0].hedge, Hedge::Alleged);
    assert_eq!(found[0].speaker, None);
}

fn own(text: &str) -> Vec<(Hedge, String)> {
    run(text, &[])
        .into_iter()
        .filter(|a| a.voice == Voice::Own)
        .map(|a| (a.hedge, a.cue))
        .collect()
}

#[test]
fn own_voice_hedges() {
    let cases = [
        (
            "Six guards were reportedly injured in the blast.",
            Hedge::Alleged,
            "reportedly",
        ),
        (
            "The convoy allegedly carried weapons.",
            Hedge::Alleged,
            "allegedly",
        ),
        (
            "The leak purportedly came from the ministry.",
            Hedge::Alleged,
            "purportedly",
        ),
        (
            "The colonel is believed to be in hiding.",
            Hedge::Alleged,
            "is believed to",
        ),
        (
            "At the time of writing, 31 people have died.",
            Hedge::AsOfWriting,
            "At the time of writing",
        ),
        (
            "As of Monday, the border remained closed.",
            Hedge::AsOfWriting,
            "As of Monday",
        ),
        (
            "No arrests have been made so far.",
            Hedge::AsOfWriting,
            "so far",
        ),
        (
            "Forty homes have been destroyed to date.",
            Hedge::AsOfWriting,
            "to date",
        ),
        (
            "Two bodies have been confirmed by the coroner.",
            Hedge::Confirmed,
            "have been confirmed",
        ),
        (
            "One can only speculate about the motive.",
            Hedge::Speculative,
            "One can only speculate",
        ),
        (
            "It is possible that the fire was set deliberately.",
            Hedge::Speculative,
            "It is possible that",
        ),
        (
            "The militia may have crossed the river.",
            Hedge::Speculative,
            "may have",
        ),
        (
            "The talks might resume next week.",
            Hedge::Speculative,
            "might",
        ),
        (
            "The strike could spread to the mines.",
            Hedge::Speculative,
            "could",
        ),
        (
            "Perhaps the army will stay neutral.",
            Hedge::Speculative,
            "Perhaps",
        ),
        (
            "It seems the airport has reopened.",
            Hedge::Speculative,
            "It seems",
        ),
        (
            "The mayor apparently left by car.",
            Hedge::Speculative,
            "apparently",
        ),
        (
            "Fresh protests are likely this weekend.",
            Hedge::Speculative,
            "likely",
        ),
        (
            "The move fuelled speculation about a purge.",
            Hedge::Speculative,
            "speculation",
        ),
    ];
    for (sentence, hedge, cue) in cases {
        assert_eq!(own(sentence), vec![(hedge, cue.to_string())], "{sentence}");
    }
}

#[test]
fn own_hedge_attribution_covers_the_sentence() {
    let text = "Calm returned. Six guards were reportedly injured in the blast.";
    let found = run(text, &[]);
    assert_eq!(found.len(), 1);
    assert_eq!(
        slice(text, found[0].content),
        "Six guards were reportedly injured in the blast."
    );
    assert_eq!(found[0].span, found[0].content);
    assert_eq!(slice(text, found[0].cue_span), "reportedly");
}

#[test]
fn no_hedge_in_plain_or_negated_sentences() {
    assert!(own("The police could not reach the village.").is_empty());
    assert!(own("Troops entered the city in May.").is_empty());
    assert!(run("Troops entered the city on Friday.", &[]).is_empty());
}

#[test]
fn hedges_inside_quotes_belong_to_the_speaker() {
    let text = "“Things may improve,” the mayor said.";
    assert!(own(text).is_empty());
    assert_eq!(quoted(text, &[]).len(), 1);
}

#[test]
fn reportedly_said_is_alleged() {
    let text = "The general reportedly said that the troops would stay.";
    let (_, _, _, hedge) = only(text, &[]);
    assert_eq!(hedge, Hedge::Alleged);
}

#[test]
fn strongest_hedge_of_a_sentence() {
    let text = "Officials said at the time of writing that 20 people were reportedly killed.";
    let sentence = Span::new(0, text.len());
    let (hedge, cue) = sentence_hedge(text, &tokens(text), sentence).expect("hedged");
    assert_eq!(hedge, Hedge::Alleged);
    assert_eq!(slice(text, cue), "reportedly");

    let text = "At the time of writing, 225 people have been confirmed dead.";
    let (hedge, _) = sentence_hedge(text, &tokens(text), Span::new(0, text.len())).expect("hedged");
    assert_eq!(hedge, Hedge::Confirmed);

    let text = "The river flooded the valley.";
    assert_eq!(
        sentence_hedge(text, &tokens(text), Span::new(0, text.len())),
        None
    );
}

#[test]
fn out_of_range_spans_do_not_panic() {
    let text = "He said “yes”.";
    assert!(extract(text, &[Span::new(5, 400)], &tokens(text), &[]).is_empty());
    assert_eq!(sentence_hedge(text, &tokens(text), Span::new(2, 400)), None);
    let multibyte = "“Ça va,” dit-il — said Éloïse.";
    let _ = extract(
        multibyte,
        &[Span::new(0, multibyte.len())],
        &tokens(multibyte),
        &[],
    );
}

fn mention_of(text: &str, name: &str, kind: EntityKind) -> Mention {
    Mention {
        kind,
        ..person(text, name, 0)
    }
}

#[test]
fn a_place_or_person_after_a_preposition_is_not_the_speaker() {
    let text = "Diplomats in Dravenza stated that talks had stalled.";
    let place = [mention_of(text, "Dravenza", EntityKind::Place)];
    assert_eq!(only(text, &place).0, "Diplomats in Dravenza");

    let text = "Residents of Dravenza said the water had run out.";
    let place = [mention_of(text, "Dravenza", EntityKind::Place)];
    assert_eq!(only(text, &place).0, "Residents of Dravenza");

    let text = "A lawyer for Marta Oslenko said she would appeal.";
    assert_eq!(
        only(text, &[person(text, "Marta Oslenko", 0)]).0,
        "A lawyer for Marta Oslenko"
    );

    let text = "President Ilse Varga of Velkaria said the border would stay shut.";
    let mentions = [
        person(text, "Ilse Varga", 0),
        mention_of(text, "Velkaria", EntityKind::Place),
    ];
    assert_eq!(only(text, &mentions).0, "Ilse Varga");

    // An organization speaks through its spokesman.
    let text = "A spokesman for the Velkarian Interior Ministry said 40 were held.";
    let ministry = [mention_of(
        text,
        "Velkarian Interior Ministry",
        EntityKind::Organization,
    )];
    assert_eq!(only(text, &ministry).0, "Velkarian Interior Ministry");
}
