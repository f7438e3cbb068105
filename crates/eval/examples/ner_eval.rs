//! Trains and scores the taggers, writes the held-out split, or prints the
//! mentions of text files.
//!
//! ```text
//! cargo run -p corroborate-eval --release --example ner_eval -- eval PATH...        # default (perceptron) tagger
//! cargo run -p corroborate-eval --release --example ner_eval -- eval-rules PATH...  # rule tagger
//! cargo run -p corroborate-eval --release --example ner_eval -- eval-model MODEL PATH...
//! cargo run -p corroborate-eval --release --example ner_eval -- split DATA_ROOT OUT_DIR
//! cargo run -p corroborate-eval --release --example ner_eval -- meantime MEANTIME_DIR OUT.conll
//! cargo run -p corroborate-eval --release --example ner_eval -- load      # load times
//! cargo run -p corroborate-eval --release --example ner_eval -- train OUT DATA... [KEY=VALUE...]
//! cargo run -p corroborate-eval --release --example ner_eval -- show FILE...
//! ```
//!
//! Training keys: `epochs`, `social` (tweet weight), `min_count`,
//! `min_weight`, `verbose`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use corroborate_eval::ner::{
    eval_conll_with, meantime_conll, train, write_test_split, NerEvalError, TrainOptions,
};
use corroborate_ner::{default_tagger, extract, MentionTagger, PerceptronTagger, RuleTagger};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((mode, rest)) = args.split_first() else {
        eprintln!("usage: ner_eval eval|eval-rules|eval-model|split|train|show ...");
        return ExitCode::from(2);
    };
    let result = match mode.as_str() {
        "eval" => evaluate(default_tagger(), rest),
        "eval-rules" => evaluate(&RuleTagger::default(), rest),
        "eval-model" => eval_model(rest),
        "split" => split(rest),
        "meantime" => write_meantime(rest),
        "load" => load_times(),
        "train" => run_training(rest),
        _ => {
            rest.iter().for_each(|path| show(path));
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn evaluate(tagger: &dyn MentionTagger, paths: &[String]) -> Result<(), NerEvalError> {
    for path in paths {
        let scores = eval_conll_with(tagger, path)?;
        println!("{path}:\n{scores}");
        for (name, s) in [
            ("person", scores.person),
            ("organization", scores.organization),
            ("place", scores.place),
            ("other", scores.other),
            ("overall", scores.overall),
        ] {
            println!(
                "  {name:<13} tp {:>5} fp {:>5} fn {:>5}",
                s.true_positives, s.false_positives, s.false_negatives
            );
        }
    }
    Ok(())
}

fn eval_model(args: &[String]) -> Result<(), NerEvalError> {
    let Some((model, paths)) = args.split_first() else {
        return Err(NerEvalError::NoData(PathBuf::new()));
    };
    let started = std::time::Instant::now();
    let tagger = PerceptronTagger::from_file(Path::new(model))?;
    println!(
        "loaded {} attributes in {:.1} ms",
        tagger.attribute_count(),
        started.elapsed().as_secs_f64() * 1e3
    );
    evaluate(&tagger, paths)
}

/// Times the gazetteer parse and the embedded model load separately.
fn load_times() -> Result<(), NerEvalError> {
    let started = std::time::Instant::now();
    let places = corroborate_ner::Gazetteer::global().len();
    let gazetteer = started.elapsed();
    let started = std::time::Instant::now();
    let tagger = PerceptronTagger::embedded()?;
    let model = started.elapsed();
    println!(
        "gazetteer ({places} places): {:.1} ms; embedded model ({} attributes): {:.1} ms",
        gazetteer.as_secs_f64() * 1e3,
        tagger.attribute_count(),
        model.as_secs_f64() * 1e3
    );
    Ok(())
}

fn split(args: &[String]) -> Result<(), NerEvalError> {
    let [data, out] = args else {
        return Err(NerEvalError::NoData(PathBuf::new()));
    };
    let report = write_test_split(Path::new(data), Path::new(out))?;
    println!(
        "{} held-out documents, {} tokens: {:?}",
        report.documents, report.tokens, report.files
    );
    Ok(())
}

fn write_meantime(args: &[String]) -> Result<(), NerEvalError> {
    let [data, out] = args else {
        return Err(NerEvalError::NoData(PathBuf::new()));
    };
    let conll = meantime_conll(Path::new(data))?;
    std::fs::write(out, conll).map_err(|source| NerEvalError::Io {
        path: PathBuf::from(out),
        source,
    })
}

fn run_training(args: &[String]) -> Result<(), NerEvalError> {
    let Some((out, rest)) = args.split_first() else {
        return Err(NerEvalError::NoData(PathBuf::new()));
    };
    let mut options = TrainOptions::default();
    let mut files = Vec::new();
    for arg in rest {
        match arg.split_once('=') {
            Some((key, value)) => set_option(&mut options, key, value),
            None => files.push(PathBuf::from(arg)),
        }
    }
    println!("training with {options:?}");
    let report = train(&files, Path::new(out), &options)?;
    println!("{report:?}");
    Ok(())
}

fn set_option(options: &mut TrainOptions, key: &str, value: &str) {
    let number: f64 = value.parse().unwrap_or(0.0);
    match key {
        "epochs" => options.epochs = number as usize,
        "social" => options.social_media_weight = number as f32,
        "min_count" => options.min_count = number as u32,
        "min_weight" => options.min_weight = number as f32,
        "verbose" => options.verbose = number > 0.0,
        _ => eprintln!("unknown option {key}"),
    }
}

fn show(path: &str) {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let sentences = corroborate_text::sentences(&text);
    let tokens = corroborate_text::tokens(&text);
    for mention in extract(&text, &sentences, &tokens) {
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
