//! How the claims of one happening relate: agreeing sets of figures,
//! and for two disjoint sets a series step, a revision or a conflict.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use corroborate_model::Interval;

use super::Figure;

/// Figures whose intervals share a common part: one claim.
pub(super) struct Draft {
    pub members: Vec<usize>,
    pub interval: Interval,
}

/// Greedy sweep: sorted by lower bound, a figure joins the current set
/// while the running intersection stays non-empty. A large round figure
/// written bare ("$1 million", "2,000 troops") is a rounded one: it joins
/// through its rounding margin (see [`rounding_margin`]), so "more than
/// $1 million" agrees with "$1 million"; the claim keeps the stated
/// bounds where they meet.
pub(super) fn agreeing_sets(figures: &[Figure], members: &[usize]) -> Vec<Draft> {
    let mut sorted = members.to_vec();
    sorted.sort_by(|&a, &b| {
        let key = |i: usize| figures[i].quantity.interval.low.unwrap_or(f64::MIN);
        key(a).total_cmp(&key(b))
    });
    let mut drafts: Vec<(Draft, Interval)> = Vec::new();
    for i in sorted {
        let quantity = figures[i].quantity;
        let interval = quantity.interval;
        let loose = rounding_margin(quantity).unwrap_or(interval);
        if let Some((current, current_loose)) = drafts.last_mut() {
            if let Some(common_loose) = current_loose.intersection(&loose) {
                current.interval = current
                    .interval
                    .intersection(&interval)
                    .unwrap_or(common_loose);
                *current_loose = common_loose;
                current.members.push(i);
                continue;
            }
        }
        drafts.push((
            Draft {
                members: vec![i],
                interval,
            },
            loose,
        ));
    }
    drafts.into_iter().map(|(draft, _)| draft).collect()
}

/// The interval a bare, large, round figure stands for: a number of 1,000
/// or more that ends in two zeros and has no qualifier is rounded in news
/// writing, to half the place of its last non-zero digit, at most a tenth
/// of its value ("$1 million" ±100,000, "1,500" ±50).
fn rounding_margin(quantity: &corroborate_model::Quantity) -> Option<Interval> {
    let value = quantity.value;
    let exact = quantity.interval.low == Some(value) && quantity.interval.high == Some(value);
    let round = value >= 1000.0 && value.fract() == 0.0 && value % 100.0 == 0.0;
    if quantity.qualifier.is_some() || !exact || !round {
        return None;
    }
    let mut place = 100.0;
    while value % (place * 10.0) == 0.0 {
        place *= 10.0;
    }
    let margin = (place / 2.0).min(value / 10.0);
    Some(Interval::closed(value - margin, value + margin))
}

/// How two disjoint claims of one happening relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Relation {
    /// Given for different days, the later one higher: the count grew.
    Series,
    /// Given for different days, the later one lower and said to revise.
    Revision,
    /// The same day, no certain dates, or lower later without a revision.
    Conflict,
    /// A vague amount ("dozens", "hundreds") and a figure of another
    /// event: "hundreds at the gates" and "thousands in the square"
    /// describe different groups, so they are not compared.
    Apart,
}

pub(super) fn relation(figures: &[Figure], a: &Draft, b: &Draft) -> Relation {
    let all_vague = |d: &Draft| d.members.iter().all(|&m| is_vague(figures[m].quantity));
    if (all_vague(a) || all_vague(b)) && !share_an_event(figures, a, b) {
        return Relation::Apart;
    }
    let all_enumerated = |d: &Draft| d.members.iter().all(|&m| figures[m].enumerated);
    if all_enumerated(a) || all_enumerated(b) {
        return Relation::Apart;
    }
    if share_a_sentence(figures, a, b)
        || part_of_running_total(figures, a, b)
        || in_other_countries(figures, a, b)
    {
        return Relation::Apart;
    }
    let (days_a, days_b) = (certain_days(figures, a), certain_days(figures, b));
    if !at_different_times(&days_a, &days_b) {
        return Relation::Conflict;
    }
    let (earlier, later) = if days_a.last() < days_b.last() {
        (a, b)
    } else {
        (b, a)
    };
    let rose = match (later.interval.midpoint(), earlier.interval.midpoint()) {
        (Some(l), Some(e)) => l > e,
        _ => false,
    };
    if rose {
        Relation::Series
    } else if later.members.iter().any(|&m| figures[m].revised) {
        Relation::Revision
    } else {
        Relation::Conflict
    }
}

/// The two claims' sentences name countries, and none in common: "more
/// than a dozen were killed by a quake in eastern China" in a report on a
/// quake in Iran is another happening's toll.
fn in_other_countries(figures: &[Figure], a: &Draft, b: &Draft) -> bool {
    let countries = |d: &Draft| -> BTreeSet<&str> {
        d.members
            .iter()
            .flat_map(|&m| figures[m].countries.iter().map(String::as_str))
            .collect()
    };
    let (in_a, in_b) = (countries(a), countries(b));
    !in_a.is_empty() && !in_b.is_empty() && in_a.is_disjoint(&in_b)
}

/// A round amount without a numeral that spans a factor of two or more:
/// "dozens", "hundreds", "several thousand", "tens of thousands".
pub(super) fn is_vague(q: &corroborate_model::Quantity) -> bool {
    let numeral = q.text.chars().any(|c| c.is_ascii_digit());
    match (q.interval.low, q.interval.high) {
        (Some(low), Some(high)) => !numeral && low > 0.0 && high >= 2.0 * low,
        _ => false,
    }
}

/// Some figure of each claim comes from one sentence: figures a sentence
/// gives side by side are different groups (items of a list, "12
/// Somalis and 11 Yemenis") or a part and its whole ("out of 23
/// arrested, 12 …"), never a disagreement.
fn share_a_sentence(figures: &[Figure], a: &Draft, b: &Draft) -> bool {
    let sentences = |d: &Draft| -> BTreeSet<(usize, usize)> {
        d.members
            .iter()
            .map(|&m| (figures[m].report, figures[m].quote.start))
            .collect()
    };
    !sentences(a).is_disjoint(&sentences(b))
}

/// One claim is a running total ("so far", "a total of") and the other,
/// lower, is not: the lower figure may be one part of the total.
fn part_of_running_total(figures: &[Figure], a: &Draft, b: &Draft) -> bool {
    let running = |d: &Draft| d.members.iter().all(|&m| figures[m].running_total);
    let none_running = |d: &Draft| !d.members.iter().any(|&m| figures[m].running_total);
    let higher = |x: &Draft, y: &Draft| match (x.interval.midpoint(), y.interval.midpoint()) {
        (Some(p), Some(q)) => p > q,
        _ => false,
    };
    (running(a) && none_running(b) && higher(a, b))
        || (running(b) && none_running(a) && higher(b, a))
}

/// Some figure of each claim states the same merged event.
fn share_an_event(figures: &[Figure], a: &Draft, b: &Draft) -> bool {
    let events = |d: &Draft| -> BTreeSet<usize> {
        d.members
            .iter()
            .filter_map(|&m| figures[m].anchor.map(|x| x.event))
            .collect()
    };
    !events(a).is_disjoint(&events(b))
}

/// Days of a claim's figures whose as-of dates are certain.
fn certain_days(figures: &[Figure], draft: &Draft) -> BTreeSet<NaiveDate> {
    draft
        .members
        .iter()
        .filter(|&&m| figures[m].as_of_certain)
        .filter_map(|&m| figures[m].as_of)
        .collect()
}

/// Two disjoint claims are told apart in time when each has a figure
/// with a certain as-of date and no two such figures across them share a
/// day.
fn at_different_times(days_a: &BTreeSet<NaiveDate>, days_b: &BTreeSet<NaiveDate>) -> bool {
    !days_a.is_empty() && !days_b.is_empty() && days_a.is_disjoint(days_b)
}

/// How far apart two disjoint intervals are, relative to the larger of
/// the facing bounds: 0 when they touch, near 1 when one dwarfs the other.
pub(super) fn relative_gap(a: &Interval, b: &Interval) -> f64 {
    let (low, high) = match (a.midpoint(), b.midpoint()) {
        (Some(x), Some(y)) if x <= y => (a, b),
        _ => (b, a),
    };
    match (low.high, high.low) {
        (Some(top), Some(bottom)) => {
            let scale = top.abs().max(bottom.abs());
            if scale > 0.0 {
                ((bottom - top) / scale).clamp(0.0, 1.0)
            } else {
                0.0
            }
        }
        _ => 0.0,
    }
}

pub(super) fn time_phrase(figures: &[Figure], a: &Draft, b: &Draft) -> String {
    let date = |d: &Draft| d.members.iter().filter_map(|&m| figures[m].as_of).max();
    match (date(a), date(b)) {
        (Some(x), Some(y)) if x == y => format!(" for the same date ({})", x.format("%-d %b %Y")),
        (Some(_), Some(_))
            if at_different_times(&certain_days(figures, a), &certain_days(figures, b)) =>
        {
            " and the later figure is lower with no word of revision".to_string()
        }
        (Some(_), Some(_)) => {
            " and the dates that would make them a series are not certain".to_string()
        }
        _ => " and no dates tell them apart".to_string(),
    }
}

/// " (security forces)" after a measure; nothing for no scope.
pub(super) fn scope_phrase(scope: &str) -> String {
    if scope.is_empty() {
        String::new()
    } else {
        format!(" ({scope})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_is_relative_to_the_facing_bounds() {
        let two = Interval::closed(2000.0, 2100.0);
        let four = Interval::closed(3800.0, 4000.0);
        let gap = relative_gap(&two, &four);
        assert!((gap - (1700.0 / 3800.0)).abs() < 1e-9, "{gap}");
        assert_eq!(gap, relative_gap(&four, &two));
        let near = relative_gap(&Interval::exact(99.0), &Interval::exact(100.0));
        assert!(near < 0.02);
    }
}
