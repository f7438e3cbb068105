//! corroborate-quantity: figures in news text as intervals.
//!
//! [`extract`] finds every quantity in a report's sentences and returns a
//! [`Quantity`] for each: the number as stated, the interval its qualifier
//! makes of it ("almost 4,000" → [3,800, 4,000)), its unit or currency,
//! what it counts (a canonical concept such as `killed`, `detained`,
//! `troops`), whom the count is restricted to, and, for sub-counts
//! ("including 19 from law enforcement"), the total it is part of.
//!
//! Approach, per sentence:
//! 1. the number reader (`token`) views the report's shared tokens
//!    (`corroborate_text::tokens`, passed in by the caller) with digit
//!    literals and their separators ("9 900", "-1.5") as single tokens;
//! 2. `numeral` reads numerals (digits, number words, multipliers such
//!    as "1.5 million" or "$46m") with a small grammar-checked state
//!    machine, and `vague` reads vague amounts ("dozens", "tens of
//!    thousands");
//! 3. `filter` drops dates, times, years, identifiers and references;
//! 4. ranges ("between 20 and 30", "20-30") are joined, currency and unit
//!    (`units`) and qualifiers before or after (`qualifier`) are read,
//!    and the interval is built with a magnitude-aware tolerance;
//! 5. `concept` finds what is counted and the scope; sub-count cues
//!    ("including", "among them", "of whom") link a part to its total;
//! 6. `shares` reads fractions of a whole ("two-thirds of voters") as
//!    figures in percent.
//!
//! All tables (qualifiers, vague amounts, synonym sets, units) are
//! constants documented in their modules. `corroborate_eval::quantity`
//! scores the extractor on its gold set and on the Microsoft
//! Recognizers-Text number specs.

mod ages;
mod concept;
mod filter;
mod numeral;
mod qualifier;
mod shares;
mod token;
mod units;
mod vague;

pub use corroborate_model::{Interval, Quantity, Span, Token};

use numeral::Numeral;
use qualifier::{interval_for, prefix_at, suffix_at, vague_interval_for, QualifierKind};
use token::{Kind, Tok};

/// Extracts the quantities of `text` found in `sentences` (spans of
/// `text`), sorted by position and without overlap; `tokens` are the
/// text's tokens (`corroborate_text::tokens`). `part_of` indices point
/// into the returned list.
pub fn extract(text: &str, sentences: &[Span], tokens: &[Token]) -> Vec<Quantity> {
    let mut ordered = sentences.to_vec();
    ordered.sort();
    let mut out = Vec::new();
    for sentence in ordered {
        extract_sentence(text, sentence, tokens, &mut out);
    }
    out
}

/// Parents before "of N" ("a mother of 12"): the number counts children.
const PARENTS: &[&str] = &[
    "mother",
    "mom",
    "mum",
    "father",
    "dad",
    "parent",
    "parents",
    "grandmother",
    "grandfather",
];

/// Frames around a count that change what it counts (tokens `first..=last`
/// hold the number):
/// * "arrested four times": a frequency, no count of people (no concept),
///   nor is a punishment ("sentenced him to seven life terms");
/// * "a mother of 12": children, not the toll the sentence tells;
/// * "five other workers", "the other 100 workers": a population apart
///   from the one the sentence's other figures count (scope `others`).
fn relabel_by_frame(text: &str, toks: &[Tok], first: usize, last: usize, quantity: &mut Quantity) {
    let word = |i: Option<usize>| -> Option<String> {
        let t = toks.get(i?)?;
        (t.kind == Kind::Word).then(|| t.text(text).to_ascii_lowercase())
    };
    let next = word(Some(last + 1));
    let (prev, prev2) = (word(first.checked_sub(1)), word(first.checked_sub(2)));
    let punished = prev.as_deref() == Some("to")
        && (2..=4).any(|back| {
            word(first.checked_sub(back))
                .is_some_and(|w| matches!(w.as_str(), "sentenced" | "condemned" | "jailed"))
        });
    if matches!(next.as_deref(), Some("times" | "time")) || punished {
        quantity.concept = None;
        quantity.scope = None;
    } else if prev.as_deref() == Some("of")
        && prev2.as_deref().is_some_and(|w| PARENTS.contains(&w))
    {
        quantity.concept = Some("children".to_string());
        quantity.scope = None;
    } else if next.as_deref() == Some("other") || prev.as_deref() == Some("other") {
        quantity.scope = Some(corroborate_model::OTHERS_SCOPE.to_string());
    }
}

/// The quantities that overlap none of `excluded`: the pipeline passes the
/// spans of the report's dates and clock times, so that the day of "Oct.
/// 19" or the hour of "at 1353 (1023 GMT)" is never a figure.
/// A sub-count's `part_of` follows its total to its new index, and is
/// dropped with it.
pub fn outside_spans(quantities: Vec<Quantity>, excluded: &[Span]) -> Vec<Quantity> {
    let kept: Vec<bool> = quantities
        .iter()
        .map(|q| {
            !excluded
                .iter()
                .any(|e| e.start < q.span.end && q.span.start < e.end)
        })
        .collect();
    let mut new_index = Vec::with_capacity(kept.len());
    let mut next = 0;
    for &keep in &kept {
        new_index.push(keep.then_some(next));
        next += usize::from(keep);
    }
    quantities
        .into_iter()
        .zip(kept)
        .filter(|(_, keep)| *keep)
        .map(|(mut quantity, _)| {
            quantity.part_of = quantity
                .part_of
                .and_then(|total| new_index.get(total).copied().flatten());
            quantity
        })
        .collect()
}

/// The numerals of `text` as the numeral reader alone finds them (no
/// filtering of dates or identifiers), without vague amounts and numbers
/// with a glued unit ("29km"): its span and value each.
pub fn numerals(text: &str, tokens: &[Token]) -> Vec<(Span, f64)> {
    let toks = token::read(text, Span::new(0, text.len()), tokens);
    numeral::numerals(text, &toks)
        .iter()
        .filter(|n| n.vague.is_none() && n.glued_unit.is_none())
        .map(|n| (Span::new(n.start, n.end), n.value))
        .collect()
}

fn extract_sentence(text: &str, sentence: Span, tokens: &[Token], out: &mut Vec<Quantity>) {
    let toks = token::read(text, sentence, tokens);
    let nums = numeral::numerals(text, &toks);
    let dates = filter::date_flags(text, &toks, &nums);
    let ctx = Sentence {
        text,
        toks: &toks,
        nums: &nums,
        dates: &dates,
        first_quantity: out.len(),
    };
    let mut shares = shares::shares(text, &toks).into_iter().peekable();
    let mut k = 0;
    while k < nums.len() {
        let numeral_start = nums.get(k).map_or(usize::MAX, |n| n.first);
        while let Some(share) = shares.next_if(|s| s.last < numeral_start) {
            ctx.push_share(&share, out);
        }
        k += ctx.quantity_at(k, out);
    }
    for share in shares {
        ctx.push_share(&share, out);
    }
    link_breakdown_items(text, &mut out[ctx.first_quantity..], ctx.first_quantity);
}

/// Locative words that open a breakdown item's place ("12 in Pizath").
const BREAKDOWN_LOCATIVES: &[&str] = &["in", "at", "from", "on"];

/// The items of a breakdown after a sub-count ("including 12 children,
/// 5 women and 3 officers"; "37 of the candidates in the capital, 46 in
/// Akhal, 25 in Balkan") are parts of the same total: a figure listed
/// right after a sub-count ([`is_list_gap`]) that repeats its shape
/// ([`same_item_shape`]) and fits in the total takes that total.
fn link_breakdown_items(text: &str, sentence: &mut [Quantity], first_index: usize) {
    let mut order: Vec<usize> = (0..sentence.len()).collect();
    order.sort_by_key(|&i| sentence[i].span.start);
    for pair in order.windows(2) {
        let (previous, current) = (&sentence[pair[0]], &sentence[pair[1]]);
        let Some(total) = previous.part_of else {
            continue;
        };
        let total_is_earlier = total < first_index + pair[1];
        let listed = text
            .get(previous.span.end..current.span.start)
            .is_some_and(is_list_gap);
        let fits = sentence
            .get(total.wrapping_sub(first_index))
            .is_none_or(|t| current.interval.can_be_part_of(&t.interval));
        if current.part_of.is_none()
            && total_is_earlier
            && listed
            && fits
            && same_item_shape(text, previous, current)
        {
            let concept = previous.concept.clone();
            let current = &mut sentence[pair[1]];
            current.part_of = Some(total);
            current.concept = current.concept.take().or(concept);
        }
    }
}

/// The stretch between two list items: a phrase of at most twelve words
/// ("of the candidates registered in the capital city of Turkmenistan -
/// Ashgabat,") ending in a comma or "and", with no clause break inside.
fn is_list_gap(gap: &str) -> bool {
    let trimmed = gap.trim_end();
    let separated = trimmed.ends_with(',')
        || trimmed.ends_with(" and")
        || trimmed.ends_with(", and")
        || trimmed == "and";
    separated
        && !gap.contains([';', ':', '(', ')'])
        && corroborate_text::alphanumeric_runs(gap).count() <= 12
}

/// Words after a number that make it no item of a breakdown.
const NOT_ITEM_WORDS: &[&str] = &[
    "were", "was", "are", "is", "had", "have", "has", "will", "would", "of", "more", "times",
];

/// Both figures are followed by the same word or by counted nouns
/// ("12 children, 5 women"), or the current one by a locative and a
/// capitalized name ("46 in Akhal").
fn same_item_shape(text: &str, previous: &Quantity, current: &Quantity) -> bool {
    let next_words = |q: &Quantity| -> Vec<&str> {
        text.get(q.span.end..)
            .map(|rest| corroborate_text::alphanumeric_runs(rest).take(2).collect())
            .unwrap_or_default()
    };
    let (before, after) = (next_words(previous), next_words(current));
    let same_next =
        matches!((before.first(), after.first()), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b));
    let located = after
        .first()
        .is_some_and(|w| BREAKDOWN_LOCATIVES.contains(w))
        && after
            .get(1)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let counted = |words: &[&str]| {
        words.first().is_some_and(|w| {
            w.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) && !NOT_ITEM_WORDS.contains(w)
        })
    };
    same_next || located || (counted(&before) && counted(&after))
}

/// One sentence being read.
struct Sentence<'a> {
    text: &'a str,
    toks: &'a [Tok],
    nums: &'a [Numeral],
    dates: &'a [bool],
    /// Index in the output of this sentence's first quantity.
    first_quantity: usize,
}

/// The numbers of a quantity: one numeral or a range of two.
struct Figure {
    /// First token of the quantity's text (qualifier, currency, "between").
    first: usize,
    /// Last token of the numeral(s) and glued unit.
    last: usize,
    value: f64,
    range_high: Option<f64>,
    vague: Option<(f64, f64)>,
    currency: Option<&'static str>,
    /// "between"/"from" opening a range.
    range_word: bool,
    numerals: usize,
}

impl Sentence<'_> {
    /// Reads the quantity starting at numeral `k`, pushes it if it is one,
    /// and returns how many numerals it used.
    fn quantity_at(&self, k: usize, out: &mut Vec<Quantity>) -> usize {
        let Some(num) = self.nums.get(k) else {
            return 1;
        };
        let skip = self.dates.get(k).copied().unwrap_or(false)
            || filter::is_not_quantity(self.text, self.toks, num, 0)
            || filter::in_url(self.text, num);
        if skip {
            return 1;
        }
        let figure = self.figure(k, num);
        if let Some(quantity) = self.build(&figure, num, out) {
            out.push(quantity);
        }
        figure.numerals
    }

    /// Pushes a share ("two-thirds of voters") as a figure in percent,
    /// unless it overlaps the previous quantity.
    fn push_share(&self, share: &shares::Share, out: &mut Vec<Quantity>) {
        let prefix = prefix_at(self.text, self.toks, share.first)
            .filter(|(first, _)| self.starts_after_previous(*first, out));
        let first = prefix.map_or(share.first, |p| p.0);
        let (Some(first_tok), Some(last_tok)) = (self.toks.get(first), self.toks.get(share.last))
        else {
            return;
        };
        let span = Span::new(first_tok.start, last_tok.end);
        if out.last().is_some_and(|q| q.span.end > span.start) {
            return;
        }
        let Some(text) = span.slice(self.text) else {
            return;
        };
        let interval = match prefix {
            Some((_, kind)) => interval_for(Some(kind), share.percent),
            None => Interval::exact(share.percent),
        };
        let found = concept::find(self.text, self.toks, first, share.last + 1, false);
        let qualifier = prefix.and_then(|(first, _)| {
            let start = self.toks.get(first)?.start;
            let end = self.toks.get(share.first.checked_sub(1)?)?.end;
            self.text.get(start..end).map(str::to_string)
        });
        out.push(Quantity {
            span,
            text: text.to_string(),
            value: share.percent,
            interval,
            unit: Some("percent".to_string()),
            concept: found.concept.map(str::to_string),
            qualifier,
            scope: found.scope,
            part_of: None,
        });
    }

    fn figure(&self, k: usize, num: &Numeral) -> Figure {
        let currency = units::currency_before(self.text, self.toks, num.first);
        let lead = currency.map_or(num.first, |c| c.0);
        let mut figure = Figure {
            first: lead,
            last: num.glued_unit.unwrap_or(num.last),
            value: num.value,
            range_high: None,
            vague: num.vague,
            currency: currency.map(|c| c.1),
            range_word: false,
            numerals: 1,
        };
        if let Some((high, low, opener)) = self.range_after(k, num, lead) {
            figure.value = low;
            figure.range_high = Some(high.value);
            figure.last = high.glued_unit.unwrap_or(high.last);
            figure.numerals = 2;
            if let Some(opener) = opener {
                figure.first = opener;
                figure.range_word = true;
            }
        }
        figure
    }

    /// A second numeral making a range with numeral `k`: (it, low value,
    /// index of an opening "between"/"from").
    fn range_after(
        &self,
        k: usize,
        a: &Numeral,
        lead: usize,
    ) -> Option<(Numeral, f64, Option<usize>)> {
        let b = *self.nums.get(k + 1)?;
        let b_date = self.dates.get(k + 1).copied().unwrap_or(false);
        if a.vague.is_some()
            || b.vague.is_some()
            || b_date
            || filter::is_not_quantity(self.text, self.toks, &b, 0)
        {
            return None;
        }
        if filter::year_like(self.text, self.toks, a) && filter::year_like(self.text, self.toks, &b)
        {
            return None;
        }
        let mut from = a.glued_unit.unwrap_or(a.last) + 1;
        let mut a_unit = None;
        if let Some((unit_last, label)) = units::unit_after(self.text, self.toks, from) {
            from = unit_last + 1;
            a_unit = Some(label);
        }
        // "2.5 percentage points to 11 per cent": two figures, not a range.
        let b_unit = units::unit_after(self.text, self.toks, b.glued_unit.unwrap_or(b.last) + 1)
            .map(|(_, label)| label);
        if let (Some(a_unit), Some(b_unit)) = (a_unit, b_unit) {
            if a_unit != b_unit {
                return None;
            }
        }
        let to = units::currency_before(self.text, self.toks, b.first).map_or(b.first, |c| c.0);
        if !filter::range_connector(self.text, self.toks, from, to) {
            return None;
        }
        let opener = lead
            .checked_sub(1)
            .filter(|&i| self.is_word(i, "between") || self.is_word(i, "from"));
        let connector_is = |w: &str| self.is_word(from, w);
        if connector_is("and") && !opener.is_some_and(|i| self.is_word(i, "between")) {
            return None;
        }
        if opener.is_some_and(|i| self.is_word(i, "from") && self.change_verb_before(i)) {
            return None;
        }
        let mut low = a.value;
        if a.multiplier == 1.0 && b.multiplier > 1.0 && low * b.multiplier <= b.value {
            low *= b.multiplier;
        }
        (b.value > low).then_some((b, low, opener))
    }

    fn is_word(&self, i: usize, word: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(self.text, word))
    }

    /// "rose from 20 to 30" states a change, not a range.
    fn change_verb_before(&self, from_tok: usize) -> bool {
        const CHANGE: &[&str] = &[
            "rose",
            "risen",
            "rising",
            "increased",
            "increase",
            "increases",
            "fell",
            "fallen",
            "dropped",
            "jumped",
            "doubled",
            "climbed",
            "grew",
            "raised",
            "cut",
            "reduced",
            "lowered",
            "surged",
            "soared",
            "hiked",
            "declined",
            "decreased",
            "slashed",
            "went",
            "changed",
            "revised",
            "up",
            "down",
        ];
        let lo = from_tok.saturating_sub(4);
        (lo..from_tok).any(|i| CHANGE.iter().any(|w| self.is_word(i, w)))
    }

    fn build(&self, figure: &Figure, num: &Numeral, out: &[Quantity]) -> Option<Quantity> {
        let text = self.text;
        let glued = num
            .glued_unit
            .and_then(|i| self.toks.get(i))
            .and_then(|t| units::glued_unit(t.text(text)));
        let mut last = figure.last;
        let mut unit = glued.or(figure.currency);
        // "29 km", and hyphenated as an adjective: "a 3.5-million-dollar grant".
        let hyphen_after = self
            .toks
            .get(last + 1)
            .is_some_and(|t| t.is_punct(text, &['-']));
        let unit_found = units::unit_after(text, self.toks, last + 1).or_else(|| {
            hyphen_after
                .then(|| units::unit_after(text, self.toks, last + 2))
                .flatten()
        });
        if let Some((unit_last, label)) = unit_found {
            last = unit_last;
            unit = Some(label);
        }
        if unit.is_none() {
            if let Some((age_last, age_unit)) = ages::hyphenated_age(text, self.toks, last + 1) {
                return self.hyphenated_age(figure, age_last, age_unit);
            }
        }
        if unit.is_none() && self.is_duration(last + 1) {
            return None;
        }
        let counted = concept::counts_after(text, self.toks, last + 1);
        if unit.is_none() && ((!counted && self.not_a_count(num)) || self.year_before_noun(num)) {
            return None;
        }
        let suffix = suffix_at(text, self.toks, last + 1);
        // A bounding suffix ("or more", "or less") overrides a loose prefix
        // ("about five hundred or more" is [500, ∞)).
        let suffix_bounds =
            suffix.is_some_and(|s| !matches!(s.1, QualifierKind::About | QualifierKind::JustOver));
        let prefix = (!figure.range_word)
            .then(|| prefix_at(text, self.toks, figure.first))
            .flatten()
            .filter(|(first, _)| self.starts_after_previous(*first, out))
            .filter(|(_, kind)| {
                !(suffix_bounds && matches!(kind, QualifierKind::About | QualifierKind::Exactly))
            });
        let kind = prefix.map(|p| p.1).or(suffix.map(|s| s.1));
        let first = prefix.map_or(figure.first, |p| p.0);
        if let Some((suffix_last, _)) = suffix {
            last = suffix_last;
        }
        let interval = match (figure.vague, figure.range_high) {
            (Some((low, high)), _) => vague_interval_for(kind, low, high),
            (None, Some(high)) => Interval::closed(figure.value, high),
            (None, None) => interval_for(kind, figure.value),
        };
        let span = Span::new(self.toks.get(first)?.start, self.toks.get(last)?.end);
        let monetary = unit.is_some_and(units::is_money_or_share);
        let found = concept::find(text, self.toks, first, last + 1, monetary);
        let qualifier = self.qualifier_text(
            figure,
            prefix.map(|p| (p.0, figure.first)),
            suffix.map(|s| s.0),
        );
        let mut quantity = Quantity {
            span,
            text: span.slice(text)?.to_string(),
            value: figure.value,
            interval,
            unit: unit.map(str::to_string),
            concept: found.concept.map(str::to_string),
            qualifier,
            scope: found.scope.clone(),
            part_of: None,
        };
        if unit.is_none() {
            relabel_by_frame(text, self.toks, figure.first, last, &mut quantity);
        }
        if unit.is_none() && ages::is_age(text, self.toks, figure.first, last, figure.value) {
            quantity.concept = Some(corroborate_model::AGE_CONCEPT.to_string());
            quantity.unit = Some("years".to_string());
            quantity.scope = None;
            return Some(quantity);
        }
        self.link_to_total(&mut quantity, first, num, &found, out);
        Some(quantity)
    }

    /// "a 45-year-old teacher": the whole compound is the figure, an age.
    fn hyphenated_age(&self, figure: &Figure, last: usize, unit: &str) -> Option<Quantity> {
        let span = Span::new(self.toks.get(figure.first)?.start, self.toks.get(last)?.end);
        Some(Quantity {
            span,
            text: span.slice(self.text)?.to_string(),
            value: figure.value,
            interval: Interval::exact(figure.value),
            unit: Some(unit.to_string()),
            concept: Some(corroborate_model::AGE_CONCEPT.to_string()),
            qualifier: None,
            scope: None,
            part_of: None,
        })
    }

    /// Whether a qualifier starting at token `first` stays clear of the
    /// previous quantity.
    fn starts_after_previous(&self, first: usize, out: &[Quantity]) -> bool {
        let start = self.toks.get(first).map_or(0, |t| t.start);
        out.last().is_none_or(|q| q.span.end <= start)
    }

    /// Numbers kept only when a counted noun follows: year-like numbers,
    /// a lone "one", and numbers right after a name ("NLR 46").
    fn not_a_count(&self, num: &Numeral) -> bool {
        let lone_one = num.single_word && num.value == 1.0;
        filter::year_like(self.text, self.toks, num)
            || lone_one
            || filter::after_name(self.text, self.toks, num, 0)
    }

    /// "the 2022 protests", "in 2019 elections": a year used as a modifier.
    fn year_before_noun(&self, num: &Numeral) -> bool {
        const BEFORE_YEARS: &[&str] = &[
            "the", "a", "in", "since", "of", "by", "until", "from", "after", "before", "its",
            "their",
        ];
        let prev = num.first.checked_sub(1);
        filter::year_like(self.text, self.toks, num)
            && prev.is_some_and(|p| BEFORE_YEARS.iter().any(|w| self.is_word(p, w)))
    }

    /// A time unit after the number ("ten days", "30-year"): a duration.
    fn is_duration(&self, at: usize) -> bool {
        let Some(tok) = self.toks.get(at) else {
            return false;
        };
        let unit_at = |i: usize| {
            self.toks
                .get(i)
                .is_some_and(|t| t.kind == Kind::Word && units::is_time_unit(t.text(self.text)))
        };
        unit_at(at) || (tok.is_punct(self.text, &['-']) && unit_at(at + 1))
    }

    fn qualifier_text(
        &self,
        figure: &Figure,
        prefix: Option<(usize, usize)>,
        suffix_from: Option<usize>,
    ) -> Option<String> {
        let span_text = |a: usize, b: usize| -> Option<String> {
            let start = self.toks.get(a)?.start;
            let end = self.toks.get(b)?.end;
            self.text.get(start..end).map(str::to_string)
        };
        if figure.range_word {
            return span_text(figure.first, figure.first);
        }
        if let Some((first, next)) = prefix {
            return span_text(first, next.checked_sub(1)?);
        }
        let from = suffix_from?;
        let last = suffix_at(self.text, self.toks, from)?.0;
        span_text(from, last)
    }

    /// Sets `part_of` for sub-counts ("including 19 …", "among them 5 …")
    /// and lets them inherit the total's concept.
    fn link_to_total(
        &self,
        quantity: &mut Quantity,
        first: usize,
        num: &Numeral,
        found: &concept::Found,
        out: &[Quantity],
    ) {
        let share_of_the = self.share_of_named_group(num);
        if !share_of_the && !self.subcount_cue(first, num) {
            return;
        }
        // The total is told before its part ("11 employees … Four of
        // those", "40 dead, including 12 children"); figures are not found
        // in text order, so a later one may already be listed.
        let told_before = |q: &Quantity| q.span.end <= quantity.span.start;
        let last_before = || {
            out.iter()
                .enumerate()
                .filter(|(_, q)| told_before(q))
                .max_by_key(|(_, q)| q.span.start)
                .map(|(i, _)| i)
        };
        let in_sentence = out.get(self.first_quantity..).unwrap_or(&[]);
        let group = share_of_the.then(|| self.group_named_after(num)).flatten();
        let candidates = || {
            in_sentence.iter().enumerate().filter(|(_, q)| {
                told_before(q)
                    && q.part_of.is_none()
                    && quantity.interval.can_be_part_of(&q.interval)
            })
        };
        // "288 candidates … 125 seats, with 37 of the candidates": the
        // figure that counts the named group, else the nearest before.
        let counts_group = |q: &Quantity| group.as_deref().is_some_and(|g| self.counts_noun(q, g));
        let parent = candidates()
            .filter(|(_, q)| counts_group(q))
            .max_by_key(|(_, q)| q.span.start)
            .or_else(|| candidates().max_by_key(|(_, q)| q.span.start))
            .map(|(i, _)| self.first_quantity + i)
            .or_else(|| {
                // "Four of those" may point back a sentence; "37 of the
                // candidates" only within its own.
                (!share_of_the && (first == 0 || self.opens_with_cue()))
                    .then(last_before)
                    .flatten()
            });
        let Some(parent_index) = parent else { return };
        quantity.part_of = Some(parent_index);
        let parent_concept = out.get(parent_index).and_then(|p| p.concept.clone());
        if !found.is_event && parent_concept.is_some() {
            quantity.concept = parent_concept;
            quantity.scope = found.scope.clone().or_else(|| found.np_scope.clone());
        }
    }

    fn opens_with_cue(&self) -> bool {
        (self.is_word(0, "among") || self.is_word(0, "of"))
            && (1..3).any(|i| {
                self.is_word(i, "them") || self.is_word(i, "whom") || self.is_word(i, "those")
            })
    }

    /// The group a share names: "candidates" of "37 of the candidates"
    /// (none when a number follows the article).
    fn group_named_after(&self, num: &Numeral) -> Option<String> {
        let tok = self.toks.get(num.last + 3)?;
        let word = tok.text(self.text);
        (tok.kind == Kind::Word && word.chars().all(char::is_alphabetic))
            .then(|| word.to_lowercase())
    }

    /// The figure's concept or the word right after it is `noun` (or its
    /// singular).
    fn counts_noun(&self, figure: &Quantity, noun: &str) -> bool {
        let stem = noun.strip_suffix('s').unwrap_or(noun);
        let same = |word: &str| {
            let word = word.to_lowercase();
            word == noun || word.strip_suffix('s').unwrap_or(&word) == stem
        };
        let next = self
            .text
            .get(figure.span.end..)
            .and_then(|rest| corroborate_text::alphanumeric_runs(rest).next());
        figure.concept.as_deref().is_some_and(same) || next.is_some_and(same)
    }

    /// "37 of the candidates", "two of these workers": a share of a group
    /// the sentence has counted before (not "3 of the 5 judges", whose
    /// total follows).
    fn share_of_named_group(&self, num: &Numeral) -> bool {
        self.is_word(num.last + 1, "of")
            && (self.is_word(num.last + 2, "the") || self.is_word(num.last + 2, "these"))
            && self.group_named_after(num).is_some()
    }

    /// "including", "among them", "of whom" before (an article between
    /// is skipped: "including the two officers"); "of them" after.
    fn subcount_cue(&self, first: usize, num: &Numeral) -> bool {
        let mut i = first;
        let mut words = Vec::with_capacity(3);
        while i > 0 && words.len() < 3 {
            i -= 1;
            let article =
                words.is_empty() && ["the", "its", "their"].iter().any(|a| self.is_word(i, a));
            match self.toks.get(i) {
                Some(t) if t.kind == Kind::Word && article => continue,
                Some(t) if t.kind == Kind::Word => words.push(i),
                Some(t) if t.is_punct(self.text, &[',']) => continue,
                _ => break,
            }
        }
        let w = |n: usize, word: &str| words.get(n).is_some_and(|&i| self.is_word(i, word));
        let pronoun = |n: usize| {
            ["them", "whom", "those", "these", "which"]
                .iter()
                .any(|p| w(n, p))
        };
        let before = w(0, "including")
            || w(0, "includes")
            || w(0, "included")
            || ((w(1, "among") || w(1, "of")) && pronoun(0));
        let after = self.is_word(num.last + 1, "of")
            && ["them", "whom", "those"]
                .iter()
                .any(|p| self.is_word(num.last + 2, p));
        before || after
    }
}

#[cfg(test)]
mod tests;
