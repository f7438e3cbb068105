//! Prints the quantities found in text files (or, with `--gold` / `--recognizers`,
//! the evaluation scores).
//!
//! `cargo run -p corroborate-eval --example quantities -- FILE...`
//! (`--gold [FILE]`, `--recognizers DIR`, `--bench FILE...`)

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--gold") => {
            let path = args.get(1).map_or(
                "crates/eval/gold/quantities/quantities.jsonl",
                String::as_str,
            );
            match corroborate_eval::quantity::eval_gold(Path::new(path)) {
                Ok(scores) => {
                    println!("{scores}");
                    for e in &scores.errors {
                        println!("{e}");
                    }
                }
                Err(e) => eprintln!("{e}"),
            }
        }
        Some("--recognizers") => {
            let dir = args.get(1).map_or("", String::as_str);
            match corroborate_eval::quantity::eval_recognizers_numbers(Path::new(dir)) {
                Ok(scores) => {
                    println!("{scores}");
                    for f in &scores.files {
                        for failure in &f.failures {
                            println!("FAIL {}: {failure}", f.file);
                        }
                    }
                }
                Err(e) => eprintln!("{e}"),
            }
        }
        Some("--bench") => bench(args.get(1..).unwrap_or(&[])),
        _ => {
            for path in &args {
                let Ok(text) = std::fs::read_to_string(path) else {
                    eprintln!("cannot read {path}");
                    continue;
                };
                let sentences = corroborate_text::sentences(&text);
                let tokens = corroborate_text::tokens(&text);
                for (i, q) in corroborate_quantity::extract(&text, &sentences, &tokens)
                    .iter()
                    .enumerate()
                {
                    println!(
                        "{i:>3} {:<32} {:<22} unit={:<8} concept={:<12} scope={:<20} qual={:<12} part_of={:?}",
                        format!("{:?}", q.text),
                        q.interval.notation(),
                        q.unit.as_deref().unwrap_or("-"),
                        q.concept.as_deref().unwrap_or("-"),
                        q.scope.as_deref().unwrap_or("-"),
                        q.qualifier.as_deref().unwrap_or("-"),
                        q.part_of
                    );
                }
            }
        }
    }
}

/// Extracts from the given files 100 times and prints words per second.
fn bench(paths: &[String]) {
    type Doc = (
        String,
        Vec<corroborate_quantity::Span>,
        Vec<corroborate_quantity::Token>,
    );
    let docs: Vec<Doc> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| {
            let s = corroborate_text::sentences(&t);
            let k = corroborate_text::tokens(&t);
            (t, s, k)
        })
        .collect();
    let words: usize = docs
        .iter()
        .map(|(t, _, _)| t.split_whitespace().count())
        .sum();
    let start = std::time::Instant::now();
    let mut found = 0;
    for _ in 0..100 {
        for (text, sentences, tokens) in &docs {
            found += corroborate_quantity::extract(text, sentences, tokens).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{found} quantities, {:.0} words/s ({:.0} 1,000-word reports/s)",
        100.0 * words as f64 / secs,
        100.0 * words as f64 / secs / 1000.0
    );
}
