//! How the ECB+ figure key's vocabulary and notation are compared with the
//! extractor's (the key was annotated blind, so they differ in places).
//!
//! * **Intervals**: the key writes the lower end of "up to 6" and "under
//!   30" as unbounded (`null`); the extractor floors counts at 0
//!   (`[0, 6]`). A predicted inclusive lower bound of 0 on a non-zero
//!   value is read as unbounded. Nothing else is changed.
//! * **Units** ([`UNITS`]): the extractor's labels that the key writes
//!   differently. Every other unit is compared as is (`USD`, `EUR`, `GBP`,
//!   `percent`, `km`, `miles`, `metres`, `tonnes`, `litres`, `mph` are the
//!   same in both).
//! * **Concepts** ([`CONCEPT_CLASSES`]): both sides are lowercased and
//!   mapped to a class when they are in one ("dead", "died", "killed" →
//!   `killed`); otherwise they must be equal.
//! * **Scope**: equal after lowercasing and dropping a leading "the".

use corroborate_model::{Interval, Quantity};

use crate::quantity::Conventions;

/// Extractor unit → key unit.
const UNITS: &[(&str, &str)] = &[
    // The key's only temperature unit; the extractor says "degrees".
    ("degrees", "celsius"),
    // The key has no percentage-point unit; points of a percentage are
    // `percent` there.
    ("percentage points", "percent"),
];

/// Concept classes: the class name, then the words of either side that
/// name it. The first rows follow the key's guidelines (`dead`/`died` →
/// `killed`, `arrested` → `detained`, `wounded` → `injured`); the rest
/// join the extractor's group labels to the key's head nouns where they
/// mean the same measure.
const CONCEPT_CLASSES: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "killed",
            "dead",
            "died",
            "deaths",
            "death",
            "slain",
            "fatalities",
            "murdered",
        ],
    ),
    ("injured", &["injured", "wounded", "hurt", "injuries"]),
    (
        "detained",
        &[
            "detained",
            "arrested",
            "arrests",
            "captured",
            "jailed",
            "imprisoned",
        ],
    ),
    ("displaced", &["displaced", "evacuated"]),
    ("released", &["released", "freed"]),
    ("police", &["police", "officers", "policemen"]),
    ("troops", &["troops", "soldiers"]),
    ("wage", &["wage", "salary", "pay"]),
    ("price", &["price", "cost"]),
    ("buildings", &["buildings", "houses", "homes"]),
];

/// The ECB+ figure key's conventions.
pub(super) struct EcbConventions;

impl Conventions for EcbConventions {
    fn interval(&self, predicted: &Quantity) -> Interval {
        let mut interval = predicted.interval;
        let floored = interval.low == Some(0.0) && interval.low_inclusive && predicted.value != 0.0;
        if floored {
            interval.low = None;
            interval.low_inclusive = false;
        }
        interval
    }

    fn unit(&self, predicted: Option<&str>) -> Option<String> {
        let unit = predicted?;
        let mapped = UNITS
            .iter()
            .find(|(ours, _)| *ours == unit)
            .map_or(unit, |(_, key)| key);
        Some(mapped.to_string())
    }

    fn same_concept(&self, predicted: Option<&str>, gold: Option<&str>) -> bool {
        match (predicted, gold) {
            (Some(p), Some(g)) => concept_class(p) == concept_class(g),
            (None, None) => true,
            _ => false,
        }
    }

    fn same_scope(&self, predicted: Option<&str>, gold: &str) -> bool {
        predicted.is_some_and(|p| scope_key(p) == scope_key(gold))
    }
}

fn concept_class(concept: &str) -> String {
    let lower = concept.trim().to_lowercase();
    CONCEPT_CLASSES
        .iter()
        .find(|(_, words)| words.contains(&lower.as_str()))
        .map_or(lower, |(class, _)| class.to_string())
}

fn scope_key(scope: &str) -> String {
    let lower = scope.trim().to_lowercase();
    lower
        .strip_prefix("the ")
        .map_or(lower.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::Span;

    fn quantity(value: f64, interval: Interval) -> Quantity {
        Quantity {
            span: Span::new(0, 1),
            text: "x".into(),
            value,
            interval,
            unit: None,
            concept: None,
            qualifier: None,
            scope: None,
            part_of: None,
        }
    }

    #[test]
    fn a_zero_floor_is_an_unbounded_lower_end() {
        let up_to = Interval {
            low: Some(0.0),
            high: Some(6.0),
            low_inclusive: true,
            high_inclusive: true,
        };
        let read = EcbConventions.interval(&quantity(6.0, up_to));
        assert_eq!((read.low, read.low_inclusive), (None, false));
        let zero = EcbConventions.interval(&quantity(0.0, Interval::exact(0.0)));
        assert_eq!(zero, Interval::exact(0.0));
    }

    #[test]
    fn units_concepts_and_scopes_are_compared_through_the_maps() {
        assert_eq!(
            EcbConventions.unit(Some("degrees")).as_deref(),
            Some("celsius")
        );
        assert_eq!(EcbConventions.unit(Some("USD")).as_deref(), Some("USD"));
        assert_eq!(EcbConventions.unit(None), None);
        assert!(EcbConventions.same_concept(Some("killed"), Some("dead")));
        assert!(EcbConventions.same_concept(Some("detained"), Some("Arrested")));
        assert!(!EcbConventions.same_concept(Some("killed"), Some("injured")));
        assert!(!EcbConventions.same_concept(None, Some("points")));
        assert!(EcbConventions.same_scope(Some("The pirates"), "pirates"));
        assert!(!EcbConventions.same_scope(None, "pirates"));
    }
}
