//! Counts, over the ECB+ training topics only, how often each word form is
//! annotated as an occurrence (`ACTION_OCCURRENCE`, `NEG_ACTION_OCCURRENCE`)
//! against how often it appears in the annotated sentences, and in how many
//! topics. The word list of the events crate's general actions is built
//! from this table (see `crates/events/data/README.md`).
//!
//! ```text
//! cargo run -p corroborate-eval --release --example ecb_action_words -- ECB_ROOT > counts.tsv
//! ```
//!
//! Output: one line per word form annotated at least once: form, times
//! annotated, times seen in annotated sentences, topics annotated in.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::ExitCode;

use corroborate_eval::ecbplus::{
    read_annotated_sentences, read_document, topic_files, Document, MentionType, TRAIN_TOPICS,
};

#[derive(Default)]
struct FormCounts {
    annotated: usize,
    seen: usize,
    topics: BTreeSet<u32>,
}

fn main() -> ExitCode {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: ecb_action_words ECB_ROOT");
        return ExitCode::from(2);
    };
    match count(Path::new(&root)) {
        Ok(counts) => {
            println!("# form\tannotated\tseen\ttopics");
            for (form, c) in counts {
                if c.annotated > 0 {
                    println!("{form}\t{}\t{}\t{}", c.annotated, c.seen, c.topics.len());
                }
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn count(root: &Path) -> Result<BTreeMap<String, FormCounts>, String> {
    let annotated = read_annotated_sentences(&root.join("ECBplus_coreference_sentences.csv"))
        .map_err(|e| e.to_string())?;
    let mut counts: BTreeMap<String, FormCounts> = BTreeMap::new();
    for topic in TRAIN_TOPICS {
        for path in topic_files(root, topic).map_err(|e| e.to_string())? {
            let document = read_document(&path).map_err(|e| e.to_string())?;
            let Some(file) = document.file else { continue };
            let sentences: BTreeSet<u32> = annotated.of_file(file).into_iter().collect();
            count_document(&document, &sentences, topic, &mut counts);
        }
    }
    Ok(counts)
}

/// Counts the forms of one document: every word of its annotated
/// sentences as seen, the first word of every occurrence mention as
/// annotated.
fn count_document(
    document: &Document,
    sentences: &BTreeSet<u32>,
    topic: u32,
    counts: &mut BTreeMap<String, FormCounts>,
) {
    for token in &document.tokens {
        if sentences.contains(&token.sentence) {
            counts.entry(form(&token.text)).or_default().seen += 1;
        }
    }
    for mention in &document.mentions {
        let occurrence = matches!(
            mention.kind,
            MentionType::Action | MentionType::NegatedAction
        ) && mention.tag.ends_with("_OCCURRENCE");
        let Some(token) = mention.tokens.first().and_then(|&id| document.token(id)) else {
            continue;
        };
        if occurrence && sentences.contains(&token.sentence) {
            let entry = counts.entry(form(&token.text)).or_default();
            entry.annotated += 1;
            entry.topics.insert(topic);
        }
    }
}

fn form(token: &str) -> String {
    token.trim().to_lowercase()
}
