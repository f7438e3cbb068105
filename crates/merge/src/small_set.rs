//! Small sets as sorted slices.

/// A set of a few values as a sorted, deduplicated boxed slice: what an
/// event mention holds several of (its entities, people, places,
/// countries). An empty one allocates nothing and a full one only its
/// values, where a `BTreeSet` allocates a node of eleven slots for one
/// value; a 100,000-report corpus has about a million event mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SmallSet<T>(Box<[T]>);

impl<T> Default for SmallSet<T> {
    fn default() -> Self {
        SmallSet(Box::default())
    }
}

impl<T: Ord> FromIterator<T> for SmallSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut values: Vec<T> = values.into_iter().collect();
        values.sort_unstable();
        values.dedup();
        SmallSet(values.into_boxed_slice())
    }
}

impl<T: Ord> SmallSet<T> {
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn contains(&self, value: &T) -> bool {
        self.0.binary_search(value).is_ok()
    }

    pub(crate) fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The values both sets hold, in order.
    pub(crate) fn intersection<'a>(
        &'a self,
        other: &'a SmallSet<T>,
    ) -> impl Iterator<Item = &'a T> {
        corroborate_text::sorted_intersection(&self.0, &other.0)
    }

    pub(crate) fn is_disjoint(&self, other: &SmallSet<T>) -> bool {
        self.intersection(other).next().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_sorted_set_does() {
        let a: SmallSet<usize> = [5, 1, 3, 3].into_iter().collect();
        let b: SmallSet<usize> = [4, 3, 5].into_iter().collect();
        let c: SmallSet<usize> = [2].into_iter().collect();
        assert_eq!(a.iter().copied().collect::<Vec<_>>(), [1, 3, 5]);
        assert_eq!(a.intersection(&b).copied().collect::<Vec<_>>(), [3, 5]);
        assert!(!a.is_disjoint(&b));
        assert!(a.is_disjoint(&c));
        assert!(a.contains(&3) && !a.contains(&4));
        assert!(SmallSet::<usize>::default().is_empty());
        assert!(SmallSet::<usize>::default().is_disjoint(&a));
    }
}
