//! Unit tests on invented CROMER fixtures.

use super::*;

/// A document of invented sentences; `tokens` are `(sentence, text)`.
fn xml(tokens: &[(u32, &str)], markables: &str, relations: &str) -> String {
    let mut out = String::from("<Document doc_name=\"t.xml\" doc_id=\"D1\">\n");
    let mut number = 0;
    let mut last_sentence = None;
    for (i, (sentence, text)) in tokens.iter().enumerate() {
        if last_sentence != Some(*sentence) {
            number = 0;
        }
        out.push_str(&format!(
            "<token t_id=\"{}\" sentence=\"{sentence}\" number=\"{number}\">{text}</token>\n",
            i + 1
        ));
        number += 1;
        last_sentence = Some(*sentence);
    }
    out.push_str(&format!(
        "<Markables>\n{markables}</Markables>\n<Relations>\n{relations}</Relations>\n</Document>\n"
    ));
    out
}

fn words(sentence: u32, text: &str) -> Vec<(u32, &str)> {
    text.split(' ').map(|w| (sentence, w)).collect()
}

fn rebuilt(text: &str, subtopic: Subtopic) -> String {
    let document = parse_document(&xml(&words(1, text), "", ""), subtopic).expect("fixture parses");
    document.text
}

fn assert_spans_exact(document: &Document) {
    for token in &document.tokens {
        assert_eq!(
            token.span.slice(&document.text),
            Some(token.text.as_str()),
            "token {}",
            token.id
        );
    }
}

#[test]
fn punctuation_clitics_and_brackets_lose_their_spaces() {
    let text = rebuilt(
        "The clerk ( a former guard ) said : `` We did n't see it '' , and she 's sure .",
        Subtopic::Ecb,
    );
    assert_eq!(
        text,
        "The clerk (a former guard) said: ``We didn't see it'', and she's sure."
    );
}

#[test]
fn ecbplus_numbers_and_compounds_are_joined() {
    let text = rebuilt(
        "A 45 - year - old paid $2 . 4 million for 8 , 000 bottles , 2 . 5 % more than the co - owner",
        Subtopic::EcbPlus,
    );
    assert_eq!(
        text,
        "A 45-year-old paid $2.4 million for 8,000 bottles, 2.5% more than the co-owner"
    );
}

#[test]
fn ecbplus_times_dates_and_abbreviations_are_joined() {
    let text = rebuilt(
        "At 1 : 30 a . m . on 05 / 02 / 2013 in L . A .",
        Subtopic::EcbPlus,
    );
    assert_eq!(text, "At 1:30 a.m. on 05/02/2013 in L.A.");
    let ecb = rebuilt("Polls close at 6 : 00 p.m. , officials said", Subtopic::Ecb);
    assert_eq!(ecb, "Polls close at 6:00 p.m., officials said");
}

#[test]
fn ecb_keeps_lists_and_dashes_but_joins_currency() {
    let text = rebuilt(
        "He paid $ 250 million - a record - for items 3 , 500 and 7",
        Subtopic::Ecb,
    );
    assert_eq!(
        text,
        "He paid $250 million - a record - for items 3, 500 and 7"
    );
}

#[test]
fn years_and_dashes_are_not_numbers_or_compounds() {
    let text = rebuilt(
        "In 2009 , 300 boats sailed - - all of them - - at 1 , 000 , 000 feet",
        Subtopic::EcbPlus,
    );
    assert_eq!(
        text,
        "In 2009, 300 boats sailed - - all of them - - at 1,000,000 feet"
    );
}

#[test]
fn split_apostrophes_and_quotes_are_rejoined() {
    let text = rebuilt(
        "“ She ’ s here , ” he said , adding \" it didn ’ t matter . \" The owners ’ agent agreed",
        Subtopic::EcbPlus,
    );
    assert_eq!(
        text,
        "“She’s here,” he said, adding \"it didn’t matter.\" The owners’ agent agreed"
    );
}

#[test]
fn sentences_are_lines_and_entities_are_unescaped() {
    let mut tokens = words(0, "http : / / example . org");
    tokens.extend(words(1, "Smith &amp; Sons lost 7 trucks ."));
    tokens.extend(words(2, "Nobody was hurt ."));
    let document = parse_document(&xml(&tokens, "", ""), Subtopic::EcbPlus).expect("parses");
    assert_eq!(
        document.text,
        "http: / / example. org\nSmith & Sons lost 7 trucks.\nNobody was hurt."
    );
    assert_eq!(
        document.sentence_text(1),
        Some("Smith & Sons lost 7 trucks.")
    );
    assert_eq!(document.sentence_tokens(2).len(), 4);
    assert_eq!(document.sentence_tokens(9).len(), 0);
    assert_eq!(document.token(9).map(|t| t.text.as_str()), Some("&"));
    assert_spans_exact(&document);
}

#[test]
fn trailing_tabs_are_kept_in_the_token_and_its_span() {
    let tokens = vec![
        (1, "Awards\t"),
        (1, "night"),
        (1, "\t"),
        (1, "ends"),
        (1, "."),
    ];
    let document = parse_document(&xml(&tokens, "", ""), Subtopic::EcbPlus).expect("parses");
    assert_eq!(document.text, "Awards\t night \t ends.");
    assert_spans_exact(&document);
}

#[test]
fn mentions_carry_type_tokens_instance_and_chain() {
    let tokens = words(1, "Two guards arrested the driver in Springfield");
    let markables = r#"<HUMAN_PART_PER m_id="1"><token_anchor t_id="1"/><token_anchor t_id="2"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<NEG_ACTION_STATE m_id="3"><token_anchor t_id="5"/></NEG_ACTION_STATE>
<LOC_GEO m_id="4"><token_anchor t_id="7"/></LOC_GEO>
<ACTION_OCCURRENCE m_id="9" RELATED_TO="" TAG_DESCRIPTOR="t1_arrest" instance_id="ACT1" />
<UNKNOWN_INSTANCE_TAG m_id="10" RELATED_TO="" TAG_DESCRIPTOR="" />
"#;
    let relations = r#"<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="2"/><target m_id="9"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="2"><source m_id="4"/><target m_id="10"/></INTRA_DOC_COREF>
"#;
    let document =
        parse_document(&xml(&tokens, markables, relations), Subtopic::Ecb).expect("parses");
    let kinds: Vec<(u32, MentionType)> = document.mentions.iter().map(|m| (m.id, m.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            (1, MentionType::HumanParticipant),
            (2, MentionType::Action),
            (3, MentionType::NegatedAction),
            (4, MentionType::Location),
        ]
    );
    let arrest = &document.mentions[1];
    assert_eq!(arrest.tokens, vec![3]);
    assert_eq!(arrest.instance.as_deref(), Some("ACT1"));
    assert_eq!(document.mentions[0].tokens, vec![1, 2]);
    assert_eq!(document.mentions[3].chain, Some(10));
    assert_eq!(document.mentions[3].instance, None);
}

#[test]
fn malformed_input_is_an_error_not_a_panic() {
    let cases = [
        "<Document><token t_id=\"x\" sentence=\"0\" number=\"0\">a</token></Document>",
        "<Document><token sentence=\"0\" number=\"0\">a</token></Document>",
        "<Document><token t_id=\"1\" sentence=\"0\" number=\"0\">a</tokn></Document>",
        "<Document><Markables><ACTION_OCCURRENCE><token_anchor t_id=\"1\"/></ACTION_OCCURRENCE></Markables></Document>",
        "<Document><token t_id=\"1\" sentence=\"0\" number=\"0\">a &bogus; b</token></Document>",
    ];
    for case in cases {
        assert!(
            parse_document(case, Subtopic::EcbPlus).is_err(),
            "{case} should not parse"
        );
    }
    let empty = parse_document("", Subtopic::EcbPlus).expect("empty input is an empty document");
    assert!(empty.tokens.is_empty() && empty.text.is_empty());
}

#[test]
fn file_ids_and_splits() {
    let id = FileId::from_path(Path::new("/data/12/12_4ecbplus.xml")).expect("valid name");
    assert_eq!(
        id,
        FileId {
            topic: 12,
            number: 4,
            subtopic: Subtopic::EcbPlus
        }
    );
    assert_eq!(id.split(), Some(Split::Dev));
    assert_eq!(id.relative_path(), PathBuf::from("12/12_4ecbplus.xml"));
    let ecb = FileId::from_path(Path::new("3_10ecb.xml")).expect("valid name");
    assert_eq!(
        (ecb.subtopic, ecb.split()),
        (Subtopic::Ecb, Some(Split::Train))
    );
    for bad in ["3_10.xml", "x_1ecb.xml", "3_1ecb.txt", "310ecb.xml"] {
        assert!(FileId::from_path(Path::new(bad)).is_err(), "{bad}");
    }
    assert_eq!(Split::of_topic(40), None);
    assert!(TRAIN_TOPICS.iter().all(|t| !DEV_TOPICS.contains(t)));
}

#[test]
fn annotated_sentence_list_is_read() {
    let csv = "Topic,File,Sentence Number\r\n1,10ecbplus,1\r\n1,10ecbplus,3 \r\n2,4ecb,0\r\n\r\n";
    let annotated = parse_annotated_sentences(csv).expect("valid list");
    let file = FileId {
        topic: 1,
        number: 10,
        subtopic: Subtopic::EcbPlus,
    };
    assert_eq!(annotated.len(), 3);
    assert!(annotated.contains(file, 3));
    assert!(!annotated.contains(file, 2));
    assert_eq!(annotated.of_file(file), vec![1, 3]);
    assert_eq!(
        parse_annotated_sentences("h\n1,10ecbplus\n"),
        Err((
            2,
            "expected topic,file,sentence, found \"1,10ecbplus\"".to_string()
        ))
    );
}
