//! Evaluation of `corroborate-quantity`: the gold set of news sentences
//! (`gold/quantities/quantities.jsonl` in this crate, format in
//! `gold/quantities/README.md`) and the English number specs of Microsoft
//! Recognizers-Text.
//!
//! **Gold scoring.** A predicted quantity matches a gold one when their
//! spans overlap and their values are equal; precision, recall and F1 count
//! such matches. Interval, concept, unit, scope and `part_of` accuracy are
//! measured over matched pairs (scope and `part_of` only where the gold
//! line gives them). The scorer core (`score_sentence` over `KeySentence`s
//! and `Prediction`s, with a key's `Conventions`) is shared with the ECB+
//! figure key ([`crate::figures`]), which places figures by token ids
//! instead of bytes and maps its own unit and concept vocabulary.
//!
//! **Recognizers-Text.** Three spec files are read:
//! * `NumberModel.json` — the numeral reader alone
//!   ([`corroborate_quantity::numerals`]);
//!   a case is matched when the list of (text, value) pairs equals the
//!   expected one, case-insensitively. Out of scope: fractions ("two
//!   thirds", "1/2", "one over three"), powers ("1e10", "1.1^23"), Indian
//!   numbering (lakh, crore), non-English digit grouping ("1,3",
//!   "12,34,567.89"), spoken decimals ("two hundred point zero three") and
//!   a sign separated by a space ("- 10 k").
//! * `NumberRangeModel.json` — [`corroborate_quantity::extract`]; matched when texts and
//!   intervals agree. Recognizers read every two-number range as half-open
//!   `[a, b)` while we read "between 20 and 30" as closed, so the upper
//!   bound's inclusivity is not compared for two-number ranges; an
//!   unbounded lower end equals our 0 floor for counts. Out of scope:
//!   two-sided comparisons ("larger than 10 and smaller than 20"),
//!   symbolic operators ("<=", ">"), ordinals ("the tenth"), fractions
//!   ("1/2", "half", "2 in 5"), dangling comparators ("200 or greater
//!   than") and ages ("thirty years old", durations are left to the time
//!   stage).
//! * `PercentModel.json` — [`corroborate_quantity::extract`] with unit `percent`; out of
//!   scope: inverted forms ("per cent of twenty") and bare "percent"
//!   without a number.

use std::fmt;
use std::path::{Path, PathBuf};

use corroborate_model::{Interval, Quantity, Span};
use serde::Deserialize;
use serde_json::Value;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} line {line}: invalid JSON: {source}")]
    Json {
        path: PathBuf,
        line: usize,
        #[source]
        source: serde_json::Error,
    },
    #[error("{path} line {line}: {message}")]
    Gold {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

#[derive(Debug, Deserialize)]
struct GoldLine {
    sentence: String,
    quantities: Vec<GoldQuantity>,
}

#[derive(Debug, Deserialize)]
struct GoldQuantity {
    text: String,
    #[serde(flatten)]
    annotation: FigureAnnotation,
}

/// What an answer key says of one figure, whatever its extent is written
/// as (the text in the project's key, token ids in the ECB+ key).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct FigureAnnotation {
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    low_inclusive: bool,
    high_inclusive: bool,
    unit: Option<String>,
    concept: Option<String>,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    part_of: Option<usize>,
}

impl FigureAnnotation {
    /// The gold figure at `extent`, written `text`.
    pub(crate) fn into_figure(self, extent: Span, text: String) -> GoldFigure {
        GoldFigure {
            extent,
            text,
            value: self.value,
            interval: Interval {
                low: self.low,
                high: self.high,
                low_inclusive: self.low_inclusive,
                high_inclusive: self.high_inclusive,
            },
            unit: self.unit,
            concept: self.concept,
            scope: self.scope,
            part_of: self.part_of,
        }
    }
}

/// Scores on the gold set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldScores {
    pub sentences: usize,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub interval_correct: usize,
    pub concept_correct: usize,
    pub unit_correct: usize,
    pub scope_total: usize,
    pub scope_correct: usize,
    pub part_of_total: usize,
    pub part_of_correct: usize,
    /// Matched figures the key counts as no part that we link to a total.
    pub part_of_spurious: usize,
    /// Matched figures the key counts as no part.
    pub whole_total: usize,
    /// Predictions left out because they overlap a don't-care span of the
    /// key (counted neither as hits nor as false positives).
    pub ignored: usize,
    /// One line per error, for inspection.
    pub errors: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl GoldScores {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn interval_accuracy(&self) -> f64 {
        ratio(self.interval_correct, self.matched)
    }
    pub fn concept_accuracy(&self) -> f64 {
        ratio(self.concept_correct, self.matched)
    }
    pub fn unit_accuracy(&self) -> f64 {
        ratio(self.unit_correct, self.matched)
    }
    pub fn scope_accuracy(&self) -> f64 {
        ratio(self.scope_correct, self.scope_total)
    }
    pub fn part_of_accuracy(&self) -> f64 {
        ratio(self.part_of_correct, self.part_of_total)
    }
}

impl fmt::Display for GoldScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "| measure            | value  | count            |")?;
        writeln!(f, "|--------------------|--------|------------------|")?;
        let rows = [
            (
                "value precision",
                self.precision(),
                format!("{}/{}", self.matched, self.predicted),
            ),
            (
                "value recall",
                self.recall(),
                format!("{}/{}", self.matched, self.gold),
            ),
            (
                "value F1",
                self.f1(),
                format!("{} sentences", self.sentences),
            ),
            (
                "interval accuracy",
                self.interval_accuracy(),
                format!("{}/{}", self.interval_correct, self.matched),
            ),
            (
                "concept accuracy",
                self.concept_accuracy(),
                format!("{}/{}", self.concept_correct, self.matched),
            ),
            (
                "unit accuracy",
                self.unit_accuracy(),
                format!("{}/{}", self.unit_correct, self.matched),
            ),
            (
                "scope accuracy",
                self.scope_accuracy(),
                format!("{}/{}", self.scope_correct, self.scope_total),
            ),
            (
                "part_of accuracy",
                self.part_of_accuracy(),
                format!("{}/{}", self.part_of_correct, self.part_of_total),
            ),
            (
                "part_of spurious",
                ratio(self.part_of_spurious, self.whole_total),
                format!("{}/{}", self.part_of_spurious, self.whole_total),
            ),
        ];
        for (name, value, count) in rows {
            writeln!(f, "| {name:<18} | {value:.3}  | {count:<16} |")?;
        }
        Ok(())
    }
}

/// The quantities of `text` read as one sentence, outside its dates and
/// clock times as in the pipeline (`corroborate_extract::date_spans`).
pub(crate) fn extract_whole(text: &str) -> Vec<Quantity> {
    let tokens = corroborate_text::tokens(text);
    let dates = corroborate_extract::date_spans(&corroborate_time::tag(text, None, false));
    corroborate_quantity::outside_spans(
        corroborate_quantity::extract(text, &[Span::new(0, text.len())], &tokens),
        &dates,
    )
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn same_bound(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => same_value(x, y),
        _ => false,
    }
}

fn same_interval(a: &Interval, b: &Interval) -> bool {
    same_bound(a.low, b.low)
        && same_bound(a.high, b.high)
        && (a.low.is_none() || a.low_inclusive == b.low_inclusive)
        && (a.high.is_none() || a.high_inclusive == b.high_inclusive)
}

/// Scores [`corroborate_quantity::extract`] on a gold file (see
/// `gold/quantities/README.md`).
pub fn eval_gold(path: &Path) -> Result<GoldScores, EvalError> {
    let content = read(path)?;
    let mut scores = GoldScores::default();
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let gold: GoldLine = serde_json::from_str(line).map_err(|source| EvalError::Json {
            path: path.to_path_buf(),
            line: n + 1,
            source,
        })?;
        let key = key_sentence(gold).map_err(|message| EvalError::Gold {
            path: path.to_path_buf(),
            line: n + 1,
            message,
        })?;
        let quantities = extract_whole(&key.label);
        let predicted: Vec<Prediction> = quantities
            .iter()
            .map(|quantity| Prediction {
                extent: Some(quantity.span),
                quantity,
            })
            .collect();
        score_sentence(&key, &predicted, &ExactConventions, &mut scores);
    }
    Ok(scores)
}

/// A project gold line as a key sentence: extents are byte spans of the
/// sentence, which is also the label of its error lines.
fn key_sentence(gold: GoldLine) -> Result<KeySentence, String> {
    let spans = gold_spans(&gold)?;
    let figures = gold
        .quantities
        .into_iter()
        .zip(spans)
        .map(|(q, extent)| q.annotation.into_figure(extent, q.text))
        .collect();
    Ok(KeySentence {
        label: gold.sentence,
        figures,
        ignore: Vec::new(),
    })
}

/// Locates each gold quantity's text in the sentence, left to right.
fn gold_spans(gold: &GoldLine) -> Result<Vec<Span>, String> {
    let mut cursor = 0;
    let mut spans = Vec::with_capacity(gold.quantities.len());
    for q in &gold.quantities {
        let found = gold
            .sentence
            .get(cursor..)
            .and_then(|rest| rest.find(&q.text))
            .ok_or_else(|| format!("quantity text {:?} not found in sentence", q.text))?;
        let start = cursor + found;
        spans.push(Span::new(start, start + q.text.len()));
        cursor = start + 1;
        while !gold.sentence.is_char_boundary(cursor) {
            cursor += 1;
        }
    }
    Ok(spans)
}

// ---------------------------------------------------------------------------
// The scorer core, shared by the project's key (above) and the ECB+ figure
// key (`crate::figures`): each reader turns its key into `KeySentence`s and
// the extractor's output into `Prediction`s in the same coordinates.

/// A gold figure placed in its sentence. `extent` is in the key's own
/// coordinates: byte offsets of the sentence for the project's key, token
/// ids (`first..last + 1`) for the ECB+ key; only overlap is compared.
pub(crate) struct GoldFigure {
    pub(crate) extent: Span,
    /// The figure as written, for error lines.
    pub(crate) text: String,
    pub(crate) value: f64,
    pub(crate) interval: Interval,
    pub(crate) unit: Option<String>,
    pub(crate) concept: Option<String>,
    pub(crate) scope: Option<String>,
    /// Index in [`KeySentence::figures`] of the total this is a part of.
    pub(crate) part_of: Option<usize>,
}

/// One sentence of a key.
pub(crate) struct KeySentence {
    /// How error lines name the sentence (its text, or document and
    /// sentence number and text).
    pub(crate) label: String,
    pub(crate) figures: Vec<GoldFigure>,
    /// Don't-care extents: a prediction that overlaps one and matches no
    /// gold figure is neither a hit nor a false positive.
    pub(crate) ignore: Vec<Span>,
}

/// A predicted quantity in the key's coordinates; `extent` is `None` when
/// it cannot be placed (it then matches nothing). Predictions keep the
/// extractor's order, so that `part_of` indices stay valid.
pub(crate) struct Prediction<'a> {
    pub(crate) extent: Option<Span>,
    pub(crate) quantity: &'a Quantity,
}

impl Prediction<'_> {
    fn overlaps(&self, extent: Span) -> bool {
        self.extent.is_some_and(|e| e.overlaps(extent))
    }
}

/// How a key's vocabulary and notation are compared with the extractor's.
/// The defaults compare exactly (the project's key shares the extractor's
/// vocabulary).
pub(crate) trait Conventions {
    /// The predicted interval in the key's notation.
    fn interval(&self, predicted: &Quantity) -> Interval {
        predicted.interval
    }
    /// The predicted unit in the key's vocabulary.
    fn unit(&self, predicted: Option<&str>) -> Option<String> {
        predicted.map(str::to_string)
    }
    fn same_concept(&self, predicted: Option<&str>, gold: Option<&str>) -> bool {
        predicted == gold
    }
    fn same_scope(&self, predicted: Option<&str>, gold: &str) -> bool {
        predicted == Some(gold)
    }
}

/// The project's key: the extractor's own vocabulary.
struct ExactConventions;

impl Conventions for ExactConventions {}

/// Matches gold figures to predictions (greedy in gold order, one-to-one:
/// the first unused prediction that overlaps and has the same value) and
/// counts hits, misses, false positives and attribute agreement.
pub(crate) fn score_sentence(
    key: &KeySentence,
    predicted: &[Prediction],
    conventions: &dyn Conventions,
    scores: &mut GoldScores,
) {
    scores.sentences += 1;
    scores.gold += key.figures.len();
    let mut used = vec![false; predicted.len()];
    let mut gold_to_pred: Vec<Option<usize>> = vec![None; key.figures.len()];
    for (g, figure) in key.figures.iter().enumerate() {
        let found = predicted.iter().enumerate().find(|(i, p)| {
            !used.get(*i).copied().unwrap_or(true)
                && p.overlaps(figure.extent)
                && same_value(p.quantity.value, figure.value)
        });
        let Some((i, p)) = found else {
            let line = missed_line(figure, predicted, &used, &key.label);
            scores.errors.push(line);
            continue;
        };
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
        if let Some(slot) = gold_to_pred.get_mut(g) {
            *slot = Some(i);
        }
        scores.matched += 1;
        compare_attributes(figure, p.quantity, conventions, &key.label, scores);
    }
    count_unmatched(key, predicted, &used, scores);
    score_part_of(key, &gold_to_pred, predicted, scores);
}

/// "MISSED": the gold figure, and any unused prediction over it (a value
/// mismatch).
fn missed_line(
    figure: &GoldFigure,
    predicted: &[Prediction],
    used: &[bool],
    label: &str,
) -> String {
    let overlapping: Vec<String> = predicted
        .iter()
        .enumerate()
        .filter(|(i, p)| !used.get(*i).copied().unwrap_or(true) && p.overlaps(figure.extent))
        .map(|(_, p)| format!("{:?} ({})", p.quantity.text, p.quantity.value))
        .collect();
    let got = if overlapping.is_empty() {
        String::new()
    } else {
        format!(", got {}", overlapping.join(", "))
    };
    format!(
        "MISSED {:?} ({}){got} in: {label}",
        figure.text, figure.value
    )
}

/// Unmatched predictions are false positives unless they overlap a
/// don't-care extent.
fn count_unmatched(
    key: &KeySentence,
    predicted: &[Prediction],
    used: &[bool],
    scores: &mut GoldScores,
) {
    for (i, p) in predicted.iter().enumerate() {
        if used.get(i).copied().unwrap_or(false) {
            scores.predicted += 1;
        } else if key.ignore.iter().any(|&span| p.overlaps(span)) {
            scores.ignored += 1;
        } else {
            scores.predicted += 1;
            scores.errors.push(format!(
                "EXTRA {:?} ({}) in: {}",
                p.quantity.text, p.quantity.value, key.label
            ));
        }
    }
}

fn compare_attributes(
    figure: &GoldFigure,
    p: &Quantity,
    conventions: &dyn Conventions,
    label: &str,
    scores: &mut GoldScores,
) {
    let mut check = |ok: bool,
                     counter: fn(&mut GoldScores) -> &mut usize,
                     what: &str,
                     got: String,
                     want: String| {
        if ok {
            *counter(scores) += 1;
        } else {
            scores.errors.push(format!(
                "{what} of {:?}: got {got}, want {want} in: {label}",
                figure.text
            ));
        }
    };
    let interval = conventions.interval(p);
    check(
        same_interval(&interval, &figure.interval),
        |s| &mut s.interval_correct,
        "INTERVAL",
        interval.notation(),
        figure.interval.notation(),
    );
    check(
        conventions.same_concept(p.concept.as_deref(), figure.concept.as_deref()),
        |s| &mut s.concept_correct,
        "CONCEPT",
        format!("{:?}", p.concept),
        format!("{:?}", figure.concept),
    );
    let unit = conventions.unit(p.unit.as_deref());
    check(
        unit == figure.unit,
        |s| &mut s.unit_correct,
        "UNIT",
        format!("{unit:?}"),
        format!("{:?}", figure.unit),
    );
    if let Some(scope) = &figure.scope {
        scores.scope_total += 1;
        if conventions.same_scope(p.scope.as_deref(), scope) {
            scores.scope_correct += 1;
        } else {
            scores.errors.push(format!(
                "SCOPE of {:?}: got {:?}, want {scope:?} in: {label}",
                figure.text, p.scope
            ));
        }
    }
}

fn score_part_of(
    key: &KeySentence,
    gold_to_pred: &[Option<usize>],
    predicted: &[Prediction],
    scores: &mut GoldScores,
) {
    for (g, figure) in key.figures.iter().enumerate() {
        let pred = gold_to_pred
            .get(g)
            .copied()
            .flatten()
            .and_then(|i| predicted.get(i));
        let Some(parent) = figure.part_of else {
            if let Some(pred) = pred {
                scores.whole_total += 1;
                if pred.quantity.part_of.is_some() {
                    scores.part_of_spurious += 1;
                    scores.errors.push(format!(
                        "SPURIOUS PART_OF of {:?} in: {}",
                        figure.text, key.label
                    ));
                }
            }
            continue;
        };
        scores.part_of_total += 1;
        let want = gold_to_pred.get(parent).copied().flatten();
        if pred.is_some_and(|p| p.quantity.part_of.is_some() && p.quantity.part_of == want) {
            scores.part_of_correct += 1;
        } else {
            scores
                .errors
                .push(format!("PART_OF of {:?} in: {}", figure.text, key.label));
        }
    }
}

/// Share of cases matched in one spec file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpecScore {
    pub file: String,
    pub total: usize,
    pub in_scope: usize,
    pub matched: usize,
    /// Out-of-scope cases per category.
    pub out_of_scope: Vec<(String, usize)>,
    /// In-scope cases not matched: input, expected, got.
    pub failures: Vec<String>,
}

impl SpecScore {
    pub fn share(&self) -> f64 {
        ratio(self.matched, self.in_scope)
    }

    fn skip(&mut self, category: &str) {
        match self.out_of_scope.iter_mut().find(|(c, _)| c == category) {
            Some((_, n)) => *n += 1,
            None => self.out_of_scope.push((category.to_string(), 1)),
        }
    }
}

/// Scores on the Recognizers-Text English number specs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecognizerScores {
    pub files: Vec<SpecScore>,
}

impl RecognizerScores {
    pub fn in_scope(&self) -> usize {
        self.files.iter().map(|f| f.in_scope).sum()
    }
    pub fn matched(&self) -> usize {
        self.files.iter().map(|f| f.matched).sum()
    }
    pub fn share(&self) -> f64 {
        ratio(self.matched(), self.in_scope())
    }
}

impl fmt::Display for RecognizerScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| spec file                 | cases | in scope | matched | share |"
        )?;
        writeln!(
            f,
            "|---------------------------|-------|----------|---------|-------|"
        )?;
        for s in &self.files {
            writeln!(
                f,
                "| {:<25} | {:>5} | {:>8} | {:>7} | {:.3} |",
                s.file,
                s.total,
                s.in_scope,
                s.matched,
                s.share()
            )?;
        }
        writeln!(
            f,
            "| {:<25} |       | {:>8} | {:>7} | {:.3} |",
            "all",
            self.in_scope(),
            self.matched(),
            self.share()
        )?;
        for s in &self.files {
            for (category, n) in &s.out_of_scope {
                writeln!(f, "out of scope in {}: {category}: {n}", s.file)?;
            }
        }
        Ok(())
    }
}

/// One expected result of a spec case.
struct Expected {
    text: String,
    value: String,
    subtype: String,
}

fn expected(case: &Value) -> Vec<Expected> {
    let results = case
        .get("Results")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    results
        .iter()
        .map(|r| {
            let res = r.get("Resolution");
            let field = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_string();
            Expected {
                text: field(r.get("Text")),
                value: field(res.and_then(|x| x.get("value"))),
                subtype: field(res.and_then(|x| x.get("subtype"))),
            }
        })
        .collect()
}

fn load_spec(path: &Path) -> Result<Vec<Value>, EvalError> {
    let content = read(path)?;
    let json = content.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(json).map_err(|source| EvalError::Json {
        path: path.to_path_buf(),
        line: source.line(),
        source,
    })?;
    match value {
        Value::Array(cases) => Ok(cases),
        _ => Err(EvalError::Gold {
            path: path.to_path_buf(),
            line: 1,
            message: "expected a JSON array of cases".into(),
        }),
    }
}

/// Scores one spec case into a file's score.
type CaseScorer = fn(&Value, &mut SpecScore);

/// A range bound: value and inclusivity.
type Bound = Option<(f64, bool)>;

/// Scores the scanner and extractor on the Recognizers-Text English
/// number specs in `dir` (`NumberModel.json`, `NumberRangeModel.json`,
/// `PercentModel.json`).
pub fn eval_recognizers_numbers(dir: &Path) -> Result<RecognizerScores, EvalError> {
    let parts: [(&str, CaseScorer); 3] = [
        ("NumberModel.json", number_case),
        ("NumberRangeModel.json", range_case),
        ("PercentModel.json", percent_case),
    ];
    let mut scores = RecognizerScores::default();
    for (file, score_case) in parts {
        let cases = load_spec(&dir.join(file))?;
        let mut spec = SpecScore {
            file: file.to_string(),
            total: cases.len(),
            ..SpecScore::default()
        };
        for case in &cases {
            score_case(case, &mut spec);
        }
        scores.files.push(spec);
    }
    Ok(scores)
}

fn input(case: &Value) -> &str {
    case.get("Input").and_then(Value::as_str).unwrap_or("")
}

fn number_out_of_scope(input: &str, expected: &[Expected]) -> Option<&'static str> {
    let lower = input.to_lowercase();
    if expected.iter().any(|e| e.subtype == "fraction") {
        return Some("fractions");
    }
    if expected.iter().any(|e| e.subtype == "power") {
        return Some("powers");
    }
    if lower.contains("lakh") || lower.contains("crore") {
        return Some("Indian numbering (lakh, crore)");
    }
    if expected
        .iter()
        .any(|e| e.text.contains(',') && !english_grouping(&e.text))
    {
        return Some("non-English digit grouping");
    }
    if expected.iter().any(|e| e.text.contains(" point ")) {
        return Some("spoken decimals");
    }
    if expected.iter().any(|e| e.text.starts_with("- ")) {
        return Some("sign separated by a space");
    }
    None
}

/// "1,234,567.89": groups of three after the first comma.
fn english_grouping(text: &str) -> bool {
    if text
        .find('.')
        .is_some_and(|dot| text.find(',').is_some_and(|comma| dot < comma))
    {
        return false;
    }
    let number: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
        .collect();
    let integer = number.split('.').next().unwrap_or("");
    let mut groups = integer.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok && groups.all(|g| g.len() == 3)
}

fn number_case(case: &Value, spec: &mut SpecScore) {
    let text = input(case);
    let want = expected(case);
    if let Some(category) = number_out_of_scope(text, &want) {
        spec.skip(category);
        return;
    }
    spec.in_scope += 1;
    let tokens = corroborate_text::tokens(text);
    let got: Vec<(String, f64)> = corroborate_quantity::numerals(text, &tokens)
        .into_iter()
        .map(|(span, value)| (span.slice(text).unwrap_or("").to_lowercase(), value))
        .collect();
    let ok = got.len() == want.len()
        && got.iter().zip(&want).all(|((t, v), e)| {
            *t == e.text.to_lowercase() && e.value.parse::<f64>().is_ok_and(|ev| same_value(*v, ev))
        });
    if ok {
        spec.matched += 1;
    } else {
        let want: Vec<(&str, &str)> = want
            .iter()
            .map(|e| (e.text.as_str(), e.value.as_str()))
            .collect();
        spec.failures
            .push(format!("{text:?}: want {want:?}, got {got:?}"));
    }
}

fn range_out_of_scope(input: &str, expected: &[Expected]) -> Option<&'static str> {
    let lower = input.to_lowercase();
    if lower.contains("years old") {
        return Some("ages and durations (time stage)");
    }
    if lower.contains(['<', '>']) {
        return Some("symbolic operators");
    }
    if lower.contains("years old") {
        return Some("ages and durations (time stage)");
    }
    for e in expected {
        let t = e.text.to_lowercase();
        if t.contains(['<', '>', '=', '~']) && !t.contains("equal") {
            return Some("symbolic operators");
        }
        if t.split_whitespace().any(is_ordinal_word) {
            return Some("ordinals");
        }
        if t.contains('/') || t.contains("half") || t.contains("quarter") || t.contains(" in ") {
            return Some("fractions");
        }
        if t.ends_with("than") || t.ends_with("equal") || t.ends_with("equal to") {
            return Some("dangling comparators");
        }
        let (low, high) = parse_range(&e.value);
        let to_range = t.contains(" to ") && !t.contains("equal to");
        let simple = t.starts_with("between")
            || t.starts_with("from")
            || t.contains(['-', '–'])
            || to_range
            || t.contains(" through ");
        if low.is_some() && high.is_some() && low != high && !simple {
            return Some("two-sided comparisons");
        }
    }
    None
}

fn is_ordinal_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphabetic());
    (w.ends_with("th") && w.len() > 4 && !matches!(w, "north" | "worth" | "month"))
        || matches!(w, "first" | "second" | "third")
}

/// "(20,35]" → bounds with inclusivity.
fn parse_range(value: &str) -> (Bound, Bound) {
    let v = value.trim();
    let low_inclusive = v.starts_with('[');
    let high_inclusive = v.ends_with(']');
    let inner = v
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')']);
    let mut parts = inner.splitn(2, ',');
    let bound = |s: Option<&str>, inclusive: bool| {
        s.and_then(|x| x.trim().parse::<f64>().ok())
            .map(|x| (x, inclusive))
    };
    let low = bound(parts.next(), low_inclusive);
    let high = bound(parts.next(), high_inclusive);
    (low, high)
}

/// Our interval agrees with a Recognizers range (see module docs).
fn range_agrees(got: &Interval, want: &str) -> bool {
    let (low, high) = parse_range(want);
    let two_numbers = low.is_some() && high.is_some();
    let low_ok = match (low, got.low) {
        (None, None) | (None, Some(0.0)) => true,
        (Some((w, wi)), Some(g)) => same_value(w, g) && wi == got.low_inclusive,
        _ => false,
    };
    let high_ok = match (high, got.high) {
        (None, None) => true,
        (Some((w, wi)), Some(g)) => same_value(w, g) && (two_numbers || wi == got.high_inclusive),
        _ => false,
    };
    low_ok && high_ok
}

fn range_case(case: &Value, spec: &mut SpecScore) {
    let text = input(case);
    let want = expected(case);
    if let Some(category) = range_out_of_scope(text, &want) {
        spec.skip(category);
        return;
    }
    spec.in_scope += 1;
    let got = extract_whole(text);
    let ok = got.len() == want.len()
        && got.iter().zip(&want).all(|(q, e)| {
            q.text.to_lowercase() == e.text.to_lowercase() && range_agrees(&q.interval, &e.value)
        });
    record(spec, ok, text, &want, &got);
}

fn record(spec: &mut SpecScore, ok: bool, text: &str, want: &[Expected], got: &[Quantity]) {
    if ok {
        spec.matched += 1;
        return;
    }
    let want: Vec<(&str, &str)> = want
        .iter()
        .map(|e| (e.text.as_str(), e.value.as_str()))
        .collect();
    let got: Vec<(String, String)> = got
        .iter()
        .map(|q| (q.text.clone(), q.interval.notation()))
        .collect();
    spec.failures
        .push(format!("{text:?}: want {want:?}, got {got:?}"));
}

fn percent_case(case: &Value, spec: &mut SpecScore) {
    let text = input(case);
    let want = expected(case);
    let inverted = want
        .iter()
        .any(|e| e.text.to_lowercase().starts_with("per"));
    if inverted || want.iter().any(|e| e.value == "null" || e.value.is_empty()) {
        spec.skip(if inverted {
            "inverted forms (percent of N)"
        } else {
            "bare percent without a number"
        });
        return;
    }
    spec.in_scope += 1;
    let got = extract_whole(text);
    let ok = got.len() == want.len()
        && got.iter().zip(&want).all(|(q, e)| {
            let value = e.value.trim_end_matches('%').parse::<f64>();
            q.text.to_lowercase() == e.text.to_lowercase()
                && q.unit.as_deref() == Some("percent")
                && value.is_ok_and(|v| same_value(v, q.value))
        });
    record(spec, ok, text, &want, &got);
}
