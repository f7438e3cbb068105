//! Durations (values, and days when pinned to a base: "the next 3 days")
//! and clock times folded into a resolved date or set.

use super::days::shift_days;
use super::relative::shift_by_units;
use super::{Grain, Resolved, Resolver};
use crate::expr::{Candidate, Expr};
use corroborate_model::TimexType;

impl Resolver<'_> {
    /// A duration keeps its ISO value; "the next 3 days" / "the past 3
    /// weeks" also get the days they cover, counted from the deictic base
    /// (next: the day after the base to base + duration; past: base −
    /// duration to the base).
    pub(super) fn duration(
        &self,
        value: &str,
        candidate: &Candidate,
        paragraph: usize,
    ) -> Resolved {
        let mut resolved = Resolved::plain(value, TimexType::Duration);
        let (Some(direction), Some((count, unit))) = (candidate.direction, candidate.measure)
        else {
            return resolved;
        };
        let Some((reference, dct)) = self
            .deictic_base(paragraph)
            .filter(|(r, _)| r.grain == Grain::Day)
        else {
            return resolved;
        };
        let Some(far_end) = shift_by_units(reference.date, unit, count, direction) else {
            return resolved;
        };
        resolved.range = Some(if direction > 0 {
            (shift_days(reference.date, 1), far_end)
        } else {
            (far_end, reference.date)
        });
        resolved.anchor = self.anchor_of(dct);
        resolved.used_dct = dct;
        resolved
    }

    /// Adds a part of day or clock time to a day-precision value; the
    /// timex becomes a TIME.
    pub(super) fn apply_time_of_day(&self, candidate: &Candidate, resolved: &mut Resolved) {
        let suffix = if let Some((h, m, second)) = candidate.clock {
            let zone = candidate.zone.unwrap_or("");
            match second {
                Some(sec) => format!("T{h:02}:{m:02}:{sec:02}{zone}"),
                None => format!("T{h:02}:{m:02}{zone}"),
            }
        } else if let Some(part) = candidate.part_of_day {
            format!("T{part}")
        } else {
            return;
        };
        if resolved.timex_type == TimexType::Set && candidate.clock.is_some() {
            // "3pm every day" → XXXX-XX-XXT15:00, "9am on Mondays" → XXXX-WXX-1T09:00.
            let day = if resolved.value.starts_with("XXXX-WXX-") {
                resolved
                    .value
                    .split('T')
                    .next()
                    .unwrap_or("XXXX-XX-XX")
                    .to_string()
            } else {
                "XXXX-XX-XX".to_string()
            };
            resolved.value = format!("{day}{suffix}");
            return;
        }
        if matches!(resolved.timex_type, TimexType::Duration | TimexType::Set) {
            return;
        }
        let is_day = resolved.value.len() == 10 && resolved.value.as_bytes().get(4) == Some(&b'-');
        let is_week_day = resolved.value.starts_with("XXXX-WXX");
        if is_day || is_week_day || resolved.value == "XXXX-XX-XX" {
            resolved.value.push_str(&suffix);
        } else if candidate.expr == Expr::Clock {
            resolved.value = format!("XXXX-XX-XX{suffix}");
            resolved.range = None;
        }
        resolved.timex_type = TimexType::Time;
    }
}
