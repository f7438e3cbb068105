//! Scores the rule tagger on CoNLL files, or prints the mentions of text files.
//!
//! `cargo run -p corroborate-ner --release --example ner_eval -- eval PATH...`
//! `cargo run -p corroborate-ner --release --example ner_eval -- show FILE...`

use corroborate_ner::{eval_conll, extract};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((mode, paths)) = args.split_first() else {
        eprintln!("usage: ner_eval eval|show PATH...");
        std::process::exit(2);
    };
    for path in paths {
        match mode.as_str() {
            "eval" => evaluate(path),
            _ => show(path),
        }
    }
}

fn evaluate(path: &str) {
    match eval_conll(path) {
        Ok(scores) => {
            println!(
                "{path}: {} docs, {} tokens, {:.0} tokens/s",
                scores.documents,
                scores.tokens,
                scores.tokens_per_second()
            );
            for (name, s) in [
                ("person", scores.person),
                ("organization", scores.organization),
                ("place", scores.place),
                ("overall", scores.overall),
            ] {
                println!(
                    "  {name:<13} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.true_positives,
                    s.false_positives,
                    s.false_negatives
                );
            }
        }
        Err(error) => eprintln!("{path}: {error}"),
    }
}

fn show(path: &str) {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let sentences = corroborate_text::sentences(&text);
    for mention in extract(&text, &sentences) {
        println!(
            "{:>6} {:<12} {:<40} title={:?} expansion={:?}",
            mention.span.start,
            mention.kind.as_str(),
            mention.text,
            mention.title,
            mention.expansion
        );
    }
}
