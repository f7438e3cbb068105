use serde::{Deserialize, Serialize};

/// A numeric interval with optional, possibly exclusive bounds.
///
/// `low: None` means unbounded below, `high: None` unbounded above.
/// "more than 9,000" is `(9000, ∞)`: `low = 9000`, `low_inclusive = false`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

impl Interval {
    pub fn exact(value: f64) -> Self {
        Interval {
            low: Some(value),
            high: Some(value),
            low_inclusive: true,
            high_inclusive: true,
        }
    }

    pub fn closed(low: f64, high: f64) -> Self {
        Interval {
            low: Some(low),
            high: Some(high),
            low_inclusive: true,
            high_inclusive: true,
        }
    }

    pub fn is_point(&self) -> bool {
        matches!((self.low, self.high), (Some(l), Some(h)) if l == h)
    }

    /// True when some number lies in both intervals.
    pub fn intersects(&self, other: &Interval) -> bool {
        self.intersection(other).is_some()
    }

    /// The common part of both intervals, if any.
    pub fn intersection(&self, other: &Interval) -> Option<Interval> {
        let (low, low_inclusive) = tighter_low(self, other);
        let (high, high_inclusive) = tighter_high(self, other);
        if let (Some(l), Some(h)) = (low, high) {
            if l > h || (l == h && !(low_inclusive && high_inclusive)) {
                return None;
            }
        }
        Some(Interval {
            low,
            high,
            low_inclusive,
            high_inclusive,
        })
    }

    /// True when every number of `self` lies at or below every number of
    /// `other` would allow `self` to be a part of `other` (a sub-count must
    /// not exceed its total): the smallest possible total is at least the
    /// smallest possible part.
    pub fn can_be_part_of(&self, total: &Interval) -> bool {
        match (self.low, total.high) {
            (Some(part_low), Some(total_high)) => part_low <= total_high,
            _ => true,
        }
    }

    /// A representative number: the midpoint of a bounded interval, else
    /// the finite bound.
    pub fn midpoint(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            (Some(l), None) => Some(l),
            (None, Some(h)) => Some(h),
            (None, None) => None,
        }
    }

    /// Human notation, e.g. `[9500, 10000)` or `(9000, ∞)`.
    pub fn notation(&self) -> String {
        let open = if self.low_inclusive && self.low.is_some() {
            '['
        } else {
            '('
        };
        let close = if self.high_inclusive && self.high.is_some() {
            ']'
        } else {
            ')'
        };
        let low = self.low.map_or("-∞".to_string(), format_number);
        let high = self.high.map_or("∞".to_string(), format_number);
        if self.is_point() {
            return low;
        }
        format!("{open}{low}, {high}{close}")
    }
}

fn tighter_low(a: &Interval, b: &Interval) -> (Option<f64>, bool) {
    match (a.low, b.low) {
        (None, None) => (None, false),
        (Some(x), None) => (Some(x), a.low_inclusive),
        (None, Some(y)) => (Some(y), b.low_inclusive),
        (Some(x), Some(y)) if x > y => (Some(x), a.low_inclusive),
        (Some(x), Some(y)) if y > x => (Some(y), b.low_inclusive),
        (Some(x), Some(_)) => (Some(x), a.low_inclusive && b.low_inclusive),
    }
}

fn tighter_high(a: &Interval, b: &Interval) -> (Option<f64>, bool) {
    match (a.high, b.high) {
        (None, None) => (None, false),
        (Some(x), None) => (Some(x), a.high_inclusive),
        (None, Some(y)) => (Some(y), b.high_inclusive),
        (Some(x), Some(y)) if x < y => (Some(x), a.high_inclusive),
        (Some(x), Some(y)) if y < x => (Some(y), b.high_inclusive),
        (Some(x), Some(_)) => (Some(x), a.high_inclusive && b.high_inclusive),
    }
}

/// Formats a number without a trailing `.0` and with thousands separators.
pub(crate) fn format_number(value: f64) -> String {
    if value.fract() != 0.0 {
        return format!("{value}");
    }
    let digits = format!("{}", value.abs() as u64);
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if value < 0.0 {
        grouped.insert(0, '-');
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn more_than(n: f64) -> Interval {
        Interval {
            low: Some(n),
            high: None,
            low_inclusive: false,
            high_inclusive: false,
        }
    }

    fn almost(low: f64, n: f64) -> Interval {
        Interval {
            low: Some(low),
            high: Some(n),
            low_inclusive: true,
            high_inclusive: false,
        }
    }

    #[test]
    fn more_than_nine_thousand_meets_nearly_ten_thousand() {
        let a = more_than(9000.0);
        let b = almost(9500.0, 10000.0);
        let both = a.intersection(&b).expect("they overlap");
        assert_eq!(both.low, Some(9500.0));
        assert_eq!(both.high, Some(10000.0));
    }

    #[test]
    fn just_over_two_thousand_misses_almost_four_thousand() {
        let a = Interval::closed(2000.0, 2100.0);
        let b = almost(3600.0, 4000.0);
        assert!(!a.intersects(&b));
    }

    #[test]
    fn touching_exclusive_bounds_do_not_intersect() {
        let a = almost(90.0, 100.0);
        let b = Interval::exact(100.0);
        assert!(!a.intersects(&b));
        assert!(Interval::closed(90.0, 100.0).intersects(&b));
    }

    #[test]
    fn notation_and_format() {
        assert_eq!(more_than(9000.0).notation(), "(9,000, ∞)");
        assert_eq!(Interval::exact(225.0).notation(), "225");
        assert_eq!(almost(9500.0, 10000.0).notation(), "[9,500, 10,000)");
        assert_eq!(format_number(1234567.0), "1,234,567");
        assert_eq!(format_number(1.5), "1.5");
    }

    #[test]
    fn part_must_fit_total() {
        assert!(Interval::exact(19.0).can_be_part_of(&Interval::exact(225.0)));
        assert!(!Interval::exact(300.0).can_be_part_of(&Interval::exact(225.0)));
    }
}
