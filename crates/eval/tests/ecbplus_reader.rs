//! The ECB+ reader on real documents (under `CORROBORATE_SHARED`): every
//! token is exactly its span of the rebuilt text, mentions point at
//! tokens that exist, and the annotated-sentence list names real
//! sentences.

use corroborate_eval::ecbplus::{
    read_annotated_sentences, read_document, topic_files, Document, FileId, Split,
};

/// One training topic and one development topic.
const TOPICS: [u32; 2] = [1, 12];

fn check_document(name: &str, document: &Document) {
    assert!(!document.tokens.is_empty(), "{name}: no tokens");
    for token in &document.tokens {
        assert_eq!(
            token.span.slice(&document.text),
            Some(token.text.as_str()),
            "{name}: token {} is not its span",
            token.id
        );
    }
    let lines = document.text.split('\n').count();
    assert_eq!(
        lines,
        document.sentences.len(),
        "{name}: one line per sentence"
    );
    for sentence in &document.sentences {
        let line = document.sentence_text(sentence.number).unwrap_or("\n");
        assert!(!line.contains('\n'), "{name}: sentence {}", sentence.number);
    }
    for mention in &document.mentions {
        for id in &mention.tokens {
            assert!(
                document.token(*id).is_some(),
                "{name}: mention {} points at missing token {id}",
                mention.id
            );
        }
    }
}

#[test]
fn every_token_is_its_span_of_the_text() {
    let Some(root) = corroborate_testkit::shared_path("testdata/ecbplus") else {
        return;
    };
    let annotated = read_annotated_sentences(&root.join("ECBplus_coreference_sentences.csv"))
        .expect("sentence list readable");
    assert!(
        annotated.len() > 1000,
        "{} annotated sentences",
        annotated.len()
    );
    let mut documents = 0;
    let mut with_instances = 0;
    for topic in TOPICS {
        let files = topic_files(&root, topic).expect("topic folder readable");
        assert!(files.len() > 10, "topic {topic}: {} files", files.len());
        for path in files {
            let document = read_document(&path).expect("document parses");
            let name = path.display().to_string();
            let file: FileId = document.file.expect("corpus file name");
            assert_eq!(file.topic, topic);
            assert!(file
                .split()
                .is_some_and(|s| s == Split::Train || topic == 12));
            check_document(&name, &document);
            for sentence in annotated.of_file(file) {
                assert!(
                    !document.sentence_tokens(sentence).is_empty(),
                    "{name}: annotated sentence {sentence} missing"
                );
            }
            if document.mentions.iter().any(|m| m.instance.is_some()) {
                with_instances += 1;
            }
            documents += 1;
        }
    }
    assert!(documents > 20, "{documents} documents read");
    assert!(
        with_instances * 10 >= documents * 9,
        "{with_instances} of {documents} documents have cross-document instances"
    );
}
