use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a report's cleaned text.
///
/// Invariant: both ends lie on UTF-8 character boundaries of the text the
/// span was made for, and `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or `None` when it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Distance in bytes between two spans; 0 when they overlap or touch.
    pub fn gap(&self, other: Span) -> usize {
        other
            .start
            .saturating_sub(self.end)
            .max(self.start.saturating_sub(other.end))
    }

    /// The index of the span holding byte `offset` in `sorted`, spans in
    /// text order without overlaps (sentences, clauses).
    pub fn index_containing(sorted: &[Span], offset: usize) -> Option<usize> {
        let index = sorted.partition_point(|s| s.end <= offset);
        sorted
            .get(index)
            .filter(|s| s.start <= offset && offset < s.end)
            .map(|_| index)
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_containing_finds_the_span_or_none() {
        let spans = [Span::new(0, 5), Span::new(6, 10)];
        assert_eq!(Span::index_containing(&spans, 0), Some(0));
        assert_eq!(Span::index_containing(&spans, 7), Some(1));
        assert_eq!(Span::index_containing(&spans, 5), None, "between spans");
        assert_eq!(Span::index_containing(&spans, 10), None, "past the end");
    }

    #[test]
    fn slice_respects_bounds() {
        let text = "Almaty burned";
        assert_eq!(Span::new(0, 6).slice(text), Some("Almaty"));
        assert_eq!(Span::new(10, 40).slice(text), None);
    }

    #[test]
    fn overlap_and_gap() {
        let a = Span::new(0, 5);
        let b = Span::new(5, 9);
        let c = Span::new(3, 7);
        assert!(!a.overlaps(b));
        assert!(a.overlaps(c));
        assert_eq!(a.gap(b), 0);
        assert_eq!(a.gap(Span::new(8, 9)), 3);
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert!(Span::new(0, 9).contains(c));
    }
}
