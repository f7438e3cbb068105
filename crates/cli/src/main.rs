//! The `corroborate` command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use corroborate::annotate::{annotate_output, annotate_text, annotate_text_view};
use corroborate::pipeline::{find_curation_file, load_curation};
use corroborate::timeline::{filter_timeline, TimelineFilter};
use corroborate::{analyze_paths, AnalyzeOptions};
use corroborate_ingest::{
    default_readers, read_all, read_one, IngestOptions, DEFAULT_MAX_REPORT_BYTES,
};
use corroborate_model::Analysis;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// mimalloc: a large merge allocates millions of small values, and it
/// runs faster with it than with the system allocator (measured in
/// ARCHITECTURE.md, `crates/cli`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "corroborate",
    version,
    about = "Corroborate crisis reports: a timeline, a claims ledger and entities, every item traced to its quote."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse reports: timeline, claims ledger, conflicts, entities.
    Analyze {
        /// Files and folders (read recursively); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write the output to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Largest report accepted, in bytes.
        #[arg(long, default_value_t = DEFAULT_MAX_REPORT_BYTES)]
        max_report_bytes: u64,
        /// Exit with status 2 when any input was skipped.
        #[arg(long)]
        strict: bool,
        /// Curation file (merges, splits, kinds); default: corroborate.toml beside the corpus.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Print the timeline, optionally for one entity and a date window.
    Timeline {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Only events involving this entity (any of its spellings).
        #[arg(long)]
        entity: Option<String>,
        /// Only events on or after this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Only events on or before this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        to: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Show one report's annotations with byte offsets into its cleaned text.
    Annotate {
        file: PathBuf,
        /// Creation (publication) date to anchor relative dates, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        dct: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = AnnotateFormat::Text)]
        format: AnnotateFormat,
        /// Treat every line as its own text; print one JSON object per line.
        #[arg(long)]
        each_line: bool,
    },
    /// Evaluate a stage on a test set.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Add reports to a workspace folder (created when missing) and merge it.
    Add {
        /// Files and folders (read recursively); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The workspace folder.
        #[arg(long)]
        workspace: PathBuf,
        /// Largest report accepted, in bytes.
        #[arg(long, default_value_t = DEFAULT_MAX_REPORT_BYTES)]
        max_report_bytes: u64,
        /// Exit with status 2 when any input was skipped.
        #[arg(long)]
        strict: bool,
    },
    /// Serve a workspace: the JSON API (see /openapi.json) and the web app.
    Serve {
        /// The workspace folder (made by `corroborate add`).
        #[arg(long)]
        workspace: PathBuf,
        /// Address to listen on; another address than loopback needs --token.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// Every request must then carry this token (Authorization: Bearer,
        /// or open /?token=… once in the browser).
        #[arg(long)]
        token: Option<String>,
        /// Largest request body accepted (a posted report), in bytes.
        #[arg(long, default_value_t = corroborate_server::ServeOptions::DEFAULT_MAX_BODY_BYTES)]
        max_body_bytes: usize,
    },
    /// Measure throughput (reports/s, MB/s on one core) and peak memory.
    Bench {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Process the corpus this many times.
        #[arg(long, default_value_t = 20)]
        repeat: usize,
    },
    /// Load an HTTP server: latency percentiles per path and throughput.
    Loadtest(corroborate::loadtest::LoadtestArgs),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// TempEval-3 measures on TimeML files (WikiWars, TempEval-3 style).
    /// Several files or folders are scored as one corpus (e.g. one half of a split).
    Timeml {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the system's TimeML files here.
        #[arg(long)]
        write: Option<PathBuf>,
    },
    /// TempEval-3 measures on MEANTIME CAT XML files (sentences 0–5).
    /// Several files or folders are scored as one corpus.
    Meantime {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Events dated right: MEANTIME events that a TLINK places in a
    /// calendar date, found by our events and with the date the timeline
    /// shows. The files given are analysed together as one corpus.
    EventDates {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also list every gold mention missed or dated otherwise, with its sentence.
        #[arg(long)]
        failures: bool,
    },
    /// Share of Recognizers-Text English cases matched (DateTime and Number specs).
    /// Given spec files (or several folders) instead of one root folder,
    /// scores only those DateTime spec files.
    Recognizers {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also list every failed in-scope DateTime case: input, expected, produced.
        #[arg(long)]
        failures: bool,
    },
    /// Value, interval and concept accuracy on a quantity gold file.
    Quantities { file: PathBuf },
    /// Exact-span NER precision/recall/F1 on CoNLL-column files, or on a
    /// MEANTIME folder (named PER/ORG/LOC mentions, annotated sentences).
    Ner {
        path: PathBuf,
        /// Also list every missed and every extra name with its sentence.
        #[arg(long)]
        failures: bool,
    },
    /// Figures on the blind ECB+ key (crates/eval/gold/ecbplus-figures.jsonl):
    /// value P/R/F1, interval, unit, concept, scope and part_of accuracy.
    Figures(EcbKeyArgs),
    /// Time expressions on the blind ECB+ TIMEX3 key
    /// (crates/eval/gold/ecbplus-timex.jsonl): TempEval-3 extent, type and
    /// value P/R/F1 on whole news articles.
    EcbplusTimex(EcbKeyArgs),
    /// ECB+ event coreference: gold action mentions matched, happenings
    /// reached, cross-report link P/R/F1 beside a same-stem baseline, CoNLL F1.
    Ecbplus {
        /// The ECB+ root (topic folders and ECBplus_coreference_sentences.csv).
        dir: PathBuf,
        /// Comma-separated topic numbers (instead of the split).
        #[arg(long)]
        topics: Option<String>,
        /// Topics of the usual split (ignored with --topics).
        #[arg(long, value_enum, default_value_t = EcbSplit::Train)]
        split: EcbSplit,
        /// Also list every gold happening reported by two or more articles,
        /// its mentions and the events of ours they matched.
        #[arg(long)]
        failures: bool,
    },
    /// Story detection on a corpus of several crises, and the conflicts,
    /// claims and events that mix crises: every ECB+ topic of the split
    /// in one run (gold: topic and ECB/ECB+ half), or a folder of reports
    /// with a manifest of `file<TAB>crisis` lines (`bench/generate_reports.py
    /// --manifest`).
    Stories {
        /// The ECB+ root, or with --manifest a folder of reports.
        path: PathBuf,
        /// The crisis of each file under PATH (instead of ECB+).
        #[arg(long)]
        manifest: Option<PathBuf>,
        /// Comma-separated ECB+ topic numbers (instead of the split).
        #[arg(long)]
        topics: Option<String>,
        /// ECB+ topics of the usual split (ignored with --topics).
        #[arg(long, value_enum, default_value_t = EcbSplit::Train)]
        split: EcbSplit,
    },
    /// ECB+ named persons, organizations and places: mention P/R/F1 by kind,
    /// cross-report merge P/R/F1 beside a same-string baseline.
    Entities {
        /// The ECB+ root (topic folders and ECBplus_coreference_sentences.csv).
        dir: PathBuf,
        /// Comma-separated topic numbers (instead of the split).
        #[arg(long)]
        topics: Option<String>,
        /// Topics of the usual split (ignored with --topics).
        #[arg(long, value_enum, default_value_t = EcbSplit::Train)]
        split: EcbSplit,
        /// Also list the merge errors (surface pairs not merged or wrongly
        /// merged across articles) and the gold mentions missed, most
        /// frequent first.
        #[arg(long)]
        failures: bool,
    },
}

/// A blind answer key on ECB+ articles and the half of it to score.
#[derive(clap::Args)]
struct EcbKeyArgs {
    key: PathBuf,
    /// Key half to score: tune on train, report dev once at the end.
    #[arg(long, default_value = "train", value_parser = ["train", "dev", "all"])]
    split: String,
    /// ECB+ corpus root (default: $CORROBORATE_SHARED/testdata/ecbplus).
    #[arg(long)]
    data: Option<PathBuf>,
    /// Also list every disagreement with the key.
    #[arg(long)]
    failures: bool,
}

/// The ECB+ topics scored by `eval ecbplus` and `eval entities`.
#[derive(Clone, Copy, ValueEnum)]
enum EcbSplit {
    Train,
    Dev,
}

#[derive(Subcommand)]
enum TrainCommand {
    /// The entity tagger, from CoNLL-column files (held-out test documents are never used).
    /// Rebuild afterwards so that the binary embeds the new model.
    Ner {
        /// Data folders or files (e.g. ../shared/testdata/ner).
        #[arg(required = true)]
        data: Vec<PathBuf>,
        /// Where to write the model.
        #[arg(short, long, default_value = "crates/ner/model/ner.model")]
        output: PathBuf,
        /// Training passes over the data.
        #[arg(long)]
        epochs: Option<usize>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Readable terminal view.
    Text,
    /// The full analysis (schema/analysis.schema.json).
    Json,
    /// One self-contained HTML page.
    Html,
    /// Knight Lab TimelineJS JSON (dated events).
    Timelinejs,
    /// GeoJSON of located places and events.
    Geojson,
    /// The events as CSV.
    Csv,
    /// The claims as CSV.
    ClaimsCsv,
}

#[derive(Clone, Copy, ValueEnum)]
enum AnnotateFormat {
    Text,
    Json,
}

fn parse_date(raw: &str) -> Result<NaiveDate, String> {
    corroborate_ingest::parse_iso_date(raw).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli.command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("corroborate: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Analyze {
            paths,
            format,
            output,
            max_report_bytes,
            strict,
            config,
        } => {
            let options = analyze_options(&paths, config.as_deref(), max_report_bytes)?;
            analyze(&paths, format, output.as_deref(), &options, strict)
        }
        Command::Timeline {
            paths,
            entity,
            from,
            to,
            format,
            output,
            config,
        } => {
            let options = analyze_options(&paths, config.as_deref(), DEFAULT_MAX_REPORT_BYTES)?;
            let filter = TimelineFilter { entity, from, to };
            timeline(&paths, &options, &filter, format, output.as_deref())
        }
        Command::Annotate {
            file,
            dct,
            format,
            each_line,
        } => annotate(&file, dct, format, each_line),
        Command::Eval(eval) => run_eval(eval),
        Command::Train(TrainCommand::Ner {
            data,
            output,
            epochs,
        }) => train_ner(&data, &output, epochs),
        Command::Bench { paths, repeat } => bench(&paths, repeat),
        Command::Add {
            paths,
            workspace,
            max_report_bytes,
            strict,
        } => add(&paths, &workspace, max_report_bytes, strict),
        Command::Serve {
            workspace,
            bind,
            token,
            max_body_bytes,
        } => serve(&workspace, bind, token, max_body_bytes),
        Command::Loadtest(args) => corroborate::loadtest::run_cli(&args),
    }
}

/// Opens the workspace and serves it until Ctrl-C or SIGTERM.
fn serve(
    dir: &Path,
    bind: std::net::SocketAddr,
    token: Option<String>,
    max_body_bytes: usize,
) -> Result<ExitCode, String> {
    if !dir.join(corroborate::workspace::DATABASE_FILE).is_file() {
        return Err(format!(
            "{} is not a workspace yet: add reports first with `corroborate add PATH... --workspace {}`",
            dir.display(),
            dir.display()
        ));
    }
    let workspace = corroborate::workspace::Workspace::open(dir).map_err(|e| e.to_string())?;
    let backend =
        corroborate::workspace::SharedWorkspace::new(workspace).map_err(|e| e.to_string())?;
    let mut options =
        corroborate_server::ServeOptions::new(bind, token).map_err(|e| e.to_string())?;
    options.max_body_bytes = max_body_bytes;
    corroborate_server::serve_blocking(std::sync::Arc::new(backend), &options, |address| {
        println!("listening on http://{address}");
        let _ = std::io::stdout().flush();
    })
    .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn analyze(
    paths: &[PathBuf],
    format: Format,
    output: Option<&Path>,
    options: &AnalyzeOptions,
    strict: bool,
) -> Result<ExitCode, String> {
    let result = run_pipeline(paths, options);
    let rendered = render(&result, format, output, corroborate_render::render_text)?;
    write_output(output, &rendered)?;
    let analysis = &result.analysis;
    eprintln!(
        "analysed {} report(s); {} skipped",
        analysis.reports.len(),
        analysis.skipped.len()
    );
    let failed = analysis.reports.is_empty() || (strict && !analysis.skipped.is_empty());
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn add(
    paths: &[PathBuf],
    dir: &Path,
    max_report_bytes: u64,
    strict: bool,
) -> Result<ExitCode, String> {
    let started = std::time::Instant::now();
    let mut workspace = corroborate::workspace::Workspace::open(dir).map_err(|e| e.to_string())?;
    let summary = workspace
        .add_paths(paths, &IngestOptions { max_report_bytes })
        .map_err(|e| e.to_string())?;
    for skipped in &summary.skipped {
        eprintln!("skipped {}: {}", skipped.source, skipped.reason);
    }
    let total = workspace.report_count().map_err(|e| e.to_string())?;
    println!(
        "added {}, already present {}, re-extracted {}, skipped {}; {total} report(s) in {} ({:.2} s)",
        summary.added,
        summary.already_present,
        summary.re_extracted,
        summary.skipped.len(),
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(if strict && !summary.skipped.is_empty() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn analyze_options(
    paths: &[PathBuf],
    config: Option<&Path>,
    max_report_bytes: u64,
) -> Result<AnalyzeOptions, String> {
    let curation = match find_curation_file(paths, config) {
        Some(path) => load_curation(&path)?,
        None => Default::default(),
    };
    Ok(AnalyzeOptions {
        ingest: IngestOptions { max_report_bytes },
        curation,
    })
}

/// Runs the pipeline with a progress bar and lists skipped inputs.
fn run_pipeline(paths: &[PathBuf], options: &AnalyzeOptions) -> corroborate::AnalyzeOutput {
    let progress = progress_bar();
    let on_read = |n: usize| progress.set_length(n as u64);
    let on_done = || progress.inc(1);
    let result = analyze_paths(paths, options, &on_read, &on_done);
    progress.finish_and_clear();
    for skipped in &result.analysis.skipped {
        eprintln!("skipped {}: {}", skipped.source, skipped.reason);
    }
    result
}

fn render(
    result: &corroborate::AnalyzeOutput,
    format: Format,
    output: Option<&Path>,
    text_view: fn(&Analysis, bool) -> String,
) -> Result<String, String> {
    use corroborate_render::exports;
    let analysis = &result.analysis;
    let shown = |r: Result<String, corroborate_render::RenderError>| r.map_err(|e| e.to_string());
    Ok(match format {
        Format::Json => shown(corroborate_render::render_json(analysis))?,
        Format::Html => corroborate_render::render_html(analysis, &result.reports),
        Format::Timelinejs => shown(exports::render_timelinejs(analysis))?,
        Format::Geojson => shown(exports::render_geojson(analysis))?,
        Format::Csv => exports::render_events_csv(analysis),
        Format::ClaimsCsv => exports::render_claims_csv(analysis),
        Format::Text => {
            let color = output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none();
            text_view(analysis, color)
        }
    })
}

fn timeline(
    paths: &[PathBuf],
    options: &AnalyzeOptions,
    filter: &TimelineFilter,
    format: Format,
    output: Option<&Path>,
) -> Result<ExitCode, String> {
    let mut result = run_pipeline(paths, options);
    if result.analysis.reports.is_empty() {
        return Ok(ExitCode::from(2));
    }
    result.analysis = filter_timeline(result.analysis, filter)?;
    let rendered = render(
        &result,
        format,
        output,
        corroborate_render::render_timeline_text,
    )?;
    write_output(output, &rendered)?;
    Ok(ExitCode::SUCCESS)
}

fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} reports {elapsed}") {
        bar.set_style(style);
    }
    bar
}

fn write_output(output: Option<&Path>, text: &str) -> Result<(), String> {
    match output {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|_| {
                    if text.ends_with('\n') {
                        Ok(())
                    } else {
                        stdout.write_all(b"\n")
                    }
                })
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    }
}

fn annotate(
    file: &Path,
    dct: Option<NaiveDate>,
    format: AnnotateFormat,
    each_line: bool,
) -> Result<ExitCode, String> {
    if each_line {
        return annotate_each_line(file, dct);
    }
    let readers = default_readers();
    let reports = read_one(file, &readers, &IngestOptions::default())
        .map_err(|e| format!("{}: {e}", file.display()))?;
    for mut report in reports {
        if report.meta.id.is_empty() {
            report.meta.id = "report".to_string();
        }
        if let Some(date) = dct {
            report.meta.published = Some(date);
            report.meta.published_origin = corroborate_model::DateOrigin::User;
        }
        let annotated = corroborate_extract::extract(report);
        let rendered = match format {
            AnnotateFormat::Json => serde_json::to_string_pretty(&annotate_output(&annotated))
                .map_err(|e| e.to_string())?,
            AnnotateFormat::Text => annotate_text_view(&annotated),
        };
        write_output(None, &rendered)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn annotate_each_line(file: &Path, dct: Option<NaiveDate>) -> Result<ExitCode, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{}: not valid UTF-8 ({e})", file.display()))?;
    let source = file.display().to_string();
    let mut out = String::new();
    for (n, line) in text.lines().enumerate() {
        let annotated = annotate_text(&format!("line{}", n + 1), &source, line, dct);
        let json =
            serde_json::to_string(&annotate_output(&annotated)).map_err(|e| e.to_string())?;
        out.push_str(&json);
        out.push('\n');
    }
    write_output(None, &out)?;
    Ok(ExitCode::SUCCESS)
}

fn run_eval(eval: EvalCommand) -> Result<ExitCode, String> {
    /// The report, followed by its failure listing when asked for.
    fn listed(report: &dyn std::fmt::Display, failures: bool, listing: String) -> String {
        if failures {
            format!("{report}{listing}")
        } else {
            report.to_string()
        }
    }
    fn shown<T: std::fmt::Display, E: std::fmt::Display>(
        result: Result<T, E>,
    ) -> Result<String, String> {
        result.map(|s| s.to_string()).map_err(|e| e.to_string())
    }
    let report = match eval {
        EvalCommand::Timeml { paths, write } => shown(corroborate_eval::time::eval_timeml_paths(
            &paths,
            write.as_deref(),
        )),
        EvalCommand::Meantime { paths } => {
            shown(corroborate_eval::time::eval_meantime_paths(&paths))
        }
        EvalCommand::EventDates { paths, failures } => {
            corroborate_eval::event_dates::eval_event_dates(&paths, &ecb_pipeline)
                .map(|counts| listed(&counts, failures, counts.failure_listing()))
                .map_err(|e| e.to_string())
        }
        EvalCommand::Recognizers { paths, failures } => match paths.as_slice() {
            [root] if root.join("Specs").is_dir() || root.join("DateTime").is_dir() => {
                eval_recognizers(root, failures)
            }
            _ => eval_recognizer_specs(&paths, failures),
        },
        EvalCommand::Quantities { file } => shown(corroborate_eval::quantity::eval_gold(&file)),
        EvalCommand::Ner { path, failures } => corroborate_eval::ner::eval_conll(&path)
            .map(|scores| listed(&scores, failures, scores.failure_listing()))
            .map_err(|e| e.to_string()),
        EvalCommand::Figures(args) => corroborate_eval::figures::run(
            &args.key,
            args.data.as_deref(),
            &args.split,
            args.failures,
        )
        .map_err(|e| e.to_string()),
        EvalCommand::EcbplusTimex(args) => corroborate_eval::time::ecbplus_key::run(
            &args.key,
            args.data.as_deref(),
            &args.split,
            args.failures,
        )
        .map_err(|e| e.to_string()),
        EvalCommand::Ecbplus {
            dir,
            topics,
            split,
            failures,
        } => ecb_selection(topics.as_deref(), split)
            .and_then(|selection| {
                corroborate_eval::ecb_events::eval_ecbplus(&dir, &selection, &ecb_pipeline)
            })
            .map(|report| listed(&report, failures, report.happening_listing()))
            .map_err(|e| e.to_string()),
        EvalCommand::Stories {
            path,
            manifest: Some(manifest),
            ..
        } => eval_manifest_stories(&path, &manifest),
        EvalCommand::Stories {
            path,
            manifest: None,
            topics,
            split,
        } => ecb_selection(topics.as_deref(), split)
            .and_then(|selection| {
                corroborate_eval::stories::eval_ecbplus_stories(&path, &selection, &ecb_pipeline)
            })
            .map(|scores| scores.to_string())
            .map_err(|e| e.to_string()),
        EvalCommand::Entities {
            dir,
            topics,
            split,
            failures,
        } => ecb_selection(topics.as_deref(), split)
            .and_then(|selection| {
                corroborate_eval::ecb_entities::eval_entities(&dir, &selection, &ecb_pipeline)
            })
            .map(|report| listed(&report, failures, report.failure_listing()))
            .map_err(|e| e.to_string()),
    }?;
    write_output(None, &report)?;
    Ok(ExitCode::SUCCESS)
}

/// DateTime cases are scored by the time tagger, Number cases by the
/// quantity extractor; `dir` is the Recognizers-Text root (holding `Specs`).
fn eval_recognizers(dir: &Path, list_failures: bool) -> Result<String, String> {
    let specs = if dir.join("Specs").is_dir() {
        dir.join("Specs")
    } else {
        dir.to_path_buf()
    };
    let date_specs = specs.join("DateTime").join("English");
    let dates = corroborate_eval::time::eval_recognizers(&date_specs).map_err(|e| e.to_string())?;
    let numbers =
        corroborate_eval::quantity::eval_recognizers_numbers(&specs.join("Number").join("English"))
            .map_err(|e| e.to_string())?;
    let mut out = String::new();
    if list_failures {
        let failed = corroborate_eval::time::failures(&date_specs).map_err(|e| e.to_string())?;
        for failure in &failed {
            out.push_str(&format!("{failure}\n"));
        }
        out.push_str(&format!("{} failed DateTime cases\n\n", failed.len()));
    }
    out.push_str(&format!("{dates}\n{numbers}"));
    Ok(out)
}

/// Only the given DateTime spec files (or folders of them), e.g. one half
/// of a tuning/checking split; Number specs are not scored.
fn eval_recognizer_specs(paths: &[PathBuf], list_failures: bool) -> Result<String, String> {
    let dates = corroborate_eval::time::eval_recognizers_paths(paths).map_err(|e| e.to_string())?;
    let mut out = String::new();
    if list_failures {
        let failed = corroborate_eval::time::failures_in_paths(paths).map_err(|e| e.to_string())?;
        for failure in &failed {
            out.push_str(&format!("{failure}\n"));
        }
        out.push_str(&format!("{} failed DateTime cases\n\n", failed.len()));
    }
    out.push_str(&dates.to_string());
    Ok(out)
}

fn train_ner(data: &[PathBuf], output: &Path, epochs: Option<usize>) -> Result<ExitCode, String> {
    let mut options = corroborate_eval::ner::TrainOptions::default();
    if let Some(epochs) = epochs {
        options.epochs = epochs;
    }
    let report = corroborate_eval::ner::train(data, output, &options).map_err(|e| e.to_string())?;
    eprintln!(
        "trained on {} documents ({} held out), {} sentences, {} tokens in {:.1} s: {} weighted attributes, {} bytes written to {}",
        report.documents,
        report.held_out_documents,
        report.sentences,
        report.tokens,
        report.seconds,
        report.attributes,
        report.model_bytes,
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn bench(paths: &[PathBuf], repeat: usize) -> Result<ExitCode, String> {
    let ingested = read_all(paths, &default_readers(), &IngestOptions::default());
    if ingested.reports.is_empty() {
        return Err("no report to benchmark".to_string());
    }
    let result = corroborate::bench::run_bench(&ingested.reports, repeat);
    write_output(None, &result.report())?;
    Ok(ExitCode::SUCCESS)
}

/// `eval stories DIR --manifest FILE`: the folder analysed as `analyze`
/// does, scored against the manifest's crises.
fn eval_manifest_stories(dir: &Path, manifest: &Path) -> Result<String, String> {
    let crisis_of =
        corroborate_eval::stories::read_manifest(manifest).map_err(|e| e.to_string())?;
    let options = corroborate::pipeline::AnalyzeOptions {
        ingest: Default::default(),
        curation: Default::default(),
    };
    let output =
        corroborate::pipeline::analyze_paths(&[dir.to_path_buf()], &options, &|_| {}, &|| {});
    let gold = corroborate_eval::stories::manifest_gold(&output.analysis, &crisis_of);
    let label = format!("{} ({})", dir.display(), manifest.display());
    Ok(corroborate_eval::stories::score(&output.analysis, &gold, &label).to_string())
}

/// The topics `eval ecbplus` and `eval entities` score.
fn ecb_selection(
    topics: Option<&str>,
    split: EcbSplit,
) -> Result<corroborate_eval::ecb_topics::TopicSelection, corroborate_eval::ecb_topics::EcbEvalError>
{
    let split = match split {
        EcbSplit::Train => corroborate_eval::ecbplus::Split::Train,
        EcbSplit::Dev => corroborate_eval::ecbplus::Split::Dev,
    };
    corroborate_eval::ecb_topics::TopicSelection::new(topics, split)
}

/// The pipeline of `analyze` on one ECB+ topic's reports.
fn ecb_pipeline(
    reports: Vec<corroborate_model::Report>,
) -> corroborate_eval::ecb_topics::TopicAnalysis {
    corroborate_eval::ecb_topics::analyze_reports(
        reports,
        &corroborate::pipeline::GazetteerGeocoder,
    )
}
