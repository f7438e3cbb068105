//! Kinds that the shape of a name and its neighbours rule out, applied to
//! a report's drafts after the kind vote and the organization passes:
//!
//! * **two person names side by side** ("Spokeswoman Sandy Angers" tagged
//!   "Sandy" and "Angers", the second also a town) are one person: a list
//!   of people is separated by commas or "and";
//! * **a digit is no part of a person's name** ("A380", "Boeing 787"): such
//!   a name is a product or a designation, kind `other`;
//! * **a person's name takes no article**: a single-word name right after
//!   "the", "a" or "an" and heading its noun phrase ("the `Dreamliner`
//!   made its first flight") names a thing, so the name is `other` in the
//!   whole report. A name used as a modifier ("the Obama administration")
//!   is not affected;
//! * **a nationality word** ("Irish", "Kazakhs") tagged as a person or an
//!   organization is `other` (it links to its country later);
//! * **a capitalized plural after "the"** in mid-sentence ("the Colts",
//!   "the Tar Heels", "the Houthis") names a group: a team, band, party or
//!   movement, kind organization — unless it is a nationality, a place
//!   ("the Philippines"), an event ("the Olympics") or a title.

use std::collections::HashSet;

use corroborate_model::{EntityKind, Span};

use crate::document::Draft;
use crate::gazetteer::Gazetteer;
use crate::lexicon::WordClasses;
use crate::sentence::Tok;

/// Applies the kind rules above to a report's drafts (the joining of
/// persons is [`join_adjacent_persons`], run after repeated names are
/// found, so that a surname alone is still found on its own).
pub(crate) fn apply(drafts: &mut [Draft], sentence_toks: &[Vec<Tok>], gazetteer: &Gazetteer) {
    let mut things: HashSet<String> = HashSet::new();
    for draft in drafts.iter() {
        let Some(toks) = sentence_of(sentence_toks, draft.span) else {
            continue;
        };
        if draft.kind == Some(EntityKind::Person)
            && (has_digit(draft, toks) || heads_an_article_phrase(draft, toks))
        {
            things.insert(draft.text.clone());
        }
    }
    // A word that ends a longer person's name ("Vito Genovese") is a
    // surname, whatever "the Genovese family" suggests.
    for draft in drafts.iter() {
        if draft.kind == Some(EntityKind::Person) {
            if let Some((_, last)) = draft.text.rsplit_once(' ') {
                things.remove(last);
            }
        }
    }
    for draft in drafts.iter_mut() {
        let person_or_organization = matches!(
            draft.kind,
            Some(EntityKind::Person | EntityKind::Organization)
        );
        let nationality = person_or_organization
            && !draft.text.contains(' ')
            && gazetteer.demonym_country(&draft.text).is_some();
        let thing = draft.kind == Some(EntityKind::Person) && things.contains(&draft.text);
        if nationality || thing {
            draft.kind = Some(EntityKind::Other);
        }
    }
}

/// Adds the group names described in the module documentation where the
/// model found nothing.
pub(crate) fn add_plural_groups(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
    gazetteer: &Gazetteer,
) {
    let covered: Vec<Span> = drafts.iter().map(|d| d.span).collect();
    let mut added = Vec::new();
    for toks in sentence_toks {
        for start in 1..toks.len() {
            if toks[start - 1].text != "the" {
                continue;
            }
            let Some(end) = plural_group_end(toks, start, gazetteer) else {
                continue;
            };
            let draft = Draft::firm_run(toks, start, end, EntityKind::Organization, text)
                .filter(|d| !crate::document::overlaps_any(&covered, d.span));
            added.extend(draft);
        }
    }
    drafts.extend(added);
    drafts.sort_by_key(|d| d.span.start);
}

/// The end of a run of one to three capitalized words at `start`, not at a
/// sentence start, whose last word is a plural and which is no
/// nationality, place, event or title.
fn plural_group_end(toks: &[Tok], start: usize, gazetteer: &Gazetteer) -> Option<usize> {
    let run = toks[start..]
        .iter()
        .take_while(|t| t.is_word && t.capitalized && !t.acronym && !t.initial)
        .count();
    if !(1..=3).contains(&run) || toks.get(start + run).is_some_and(Tok::is_name_part) {
        return None;
    }
    let end = start + run;
    let last = &toks[end - 1];
    let plural = last.text.len() >= 4 && last.text.ends_with('s') && !last.text.ends_with("ss");
    let excluded = toks[start..end].iter().any(|t| {
        t.classes.has(WordClasses::EVENT)
            || t.classes.has(WordClasses::TITLE_WORD)
            || t.classes.has(WordClasses::CALENDAR)
            || gazetteer.demonym_country(t.text).is_some()
    });
    let span = Span::new(toks[start].span.start, last.span.end);
    let name = toks[start..end]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ");
    let place = gazetteer.contains(&name) || gazetteer.contains(last.text);
    (plural && !excluded && !place && span.start < span.end).then_some(end)
}

/// The sentence holding `span`.
fn sentence_of<'a, 't>(sentence_toks: &'a [Vec<Tok<'t>>], span: Span) -> Option<&'a [Tok<'t>]> {
    sentence_toks
        .iter()
        .find(|toks| {
            toks.first().is_some_and(|t| t.span.start <= span.start)
                && toks.last().is_some_and(|t| span.end <= t.span.end)
        })
        .map(Vec::as_slice)
}

fn has_digit(draft: &Draft, toks: &[Tok]) -> bool {
    toks.get(draft.first_token..draft.end_token)
        .is_some_and(|run| {
            run.iter()
                .any(|t| t.text.chars().any(|c| c.is_ascii_digit()))
        })
}

/// "the Dreamliner," / "a `Dreamliner` is": one word after an article
/// (quotes between allowed), followed by punctuation, the sentence end or
/// an auxiliary verb, so that the name heads its phrase.
fn heads_an_article_phrase(draft: &Draft, toks: &[Tok]) -> bool {
    if draft.end_token != draft.first_token + 1 || draft.title.is_some() {
        return false;
    }
    let is_quote = |t: &&Tok| !t.is_word && matches!(t.text, "\"" | "``" | "“" | "'" | "‘");
    let before = toks[..draft.first_token]
        .iter()
        .rev()
        .find(|t| !is_quote(t));
    let article = before.is_some_and(|t| matches!(t.lower.as_ref(), "the" | "a" | "an"));
    let after = toks.get(draft.end_token..).unwrap_or_default();
    let heads = match after.iter().find(|t| !is_quote(t) && !is_closing_quote(t)) {
        None => true,
        Some(next) => !next.is_word || AUXILIARIES.contains(&next.text),
    };
    article && heads
}

/// Verbs that follow the head of a subject ("the Skylance is late").
const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "may",
    "might", "must", "should", "did", "does",
];

/// A one-word draft that is a title word ("Professor", "Minister").
fn is_title(draft: &Draft, sentence_toks: &[Vec<Tok>]) -> bool {
    draft.end_token == draft.first_token + 1
        && sentence_of(sentence_toks, draft.span)
            .and_then(|toks| toks.get(draft.first_token))
            .is_some_and(|t| t.classes.has(WordClasses::TITLE_WORD))
}

fn is_closing_quote(tok: &&Tok) -> bool {
    !tok.is_word && matches!(tok.text, "''" | "”" | "’")
}

/// Merges person drafts that follow each other with nothing between them
/// into one person, unless one is a title word ("Doris Duke Professor",
/// "Secretary" "Blinken"). `drafts` are sorted by position.
pub(crate) fn join_adjacent_persons(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
) {
    let mut joined: Vec<Draft> = Vec::with_capacity(drafts.len());
    for draft in drafts.drain(..) {
        let Some(previous) = joined.last_mut() else {
            joined.push(draft);
            continue;
        };
        let both_persons = previous.kind == Some(EntityKind::Person)
            && draft.kind == Some(EntityKind::Person)
            && !is_title(previous, sentence_toks)
            && !is_title(&draft, sentence_toks);
        let adjacent = previous.end_token == draft.first_token
            && previous.span.end < draft.span.start
            && text
                .get(previous.span.end..draft.span.start)
                .is_some_and(|gap| gap.chars().all(|c| c == ' '))
            && sentence_of(sentence_toks, previous.span).map(<[Tok]>::as_ptr)
                == sentence_of(sentence_toks, draft.span).map(<[Tok]>::as_ptr);
        match (both_persons && adjacent)
            .then(|| Span::new(previous.span.start, draft.span.end))
            .and_then(|span| Some((span, span.slice(text)?.to_string())))
        {
            Some((span, name)) => {
                previous.span = span;
                previous.text = name;
                previous.end_token = draft.end_token;
            }
            None => joined.push(draft),
        }
    }
    *drafts = joined;
}

#[cfg(test)]
mod tests {
    use corroborate_model::EntityKind;

    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        let tokens = corroborate_text::tokens(text);
        let sentences = corroborate_text::sentences(text);
        crate::extract(text, &sentences, &tokens)
            .into_iter()
            .map(|m| (m.text, m.kind))
            .collect()
    }

    fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
        kinds(text)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, kind)| kind)
    }

    #[test]
    fn two_person_names_side_by_side_are_one_person() {
        let text = "Spokeswoman Tamsin Angers said the plan had been shelved.";
        assert_eq!(
            kind_of(text, "Tamsin Angers"),
            Some(EntityKind::Person),
            "{:?}",
            kinds(text)
        );
    }

    #[test]
    fn a_name_with_digits_is_not_a_person() {
        let text = "The Vantor X200 flew on Monday. Pilots said the X200 handled well.";
        assert!(
            kinds(text)
                .iter()
                .all(|(_, kind)| *kind != EntityKind::Person),
            "{:?}",
            kinds(text)
        );
    }

    #[test]
    fn a_single_name_after_an_article_is_not_a_person() {
        let text = "Calder Aero showed the \"Skylance\", its new jet. \
                    The Skylance is two years late, Skylance buyers said.";
        let found = kinds(text);
        assert!(
            found
                .iter()
                .filter(|(name, _)| name == "Skylance")
                .all(|(_, kind)| *kind != EntityKind::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_modifying_a_noun_after_an_article_stays_a_person() {
        let text = "Senator Obrey Hallam spoke. The Hallam campaign said Hallam would run.";
        assert_eq!(kind_of(text, "Obrey Hallam"), Some(EntityKind::Person));
    }

    #[test]
    fn a_capitalized_plural_after_the_is_a_group() {
        let text = "Fans cheered as the Harbor Kestrels beat the Rivertons. \
                    Delegates of the Philippines, the Olympics and the Kazakhs watched.";
        let found = kinds(text);
        assert_eq!(
            kind_of(text, "Harbor Kestrels"),
            Some(EntityKind::Organization),
            "{found:?}"
        );
        assert_eq!(
            kind_of(text, "Rivertons"),
            Some(EntityKind::Organization),
            "{found:?}"
        );
        assert_ne!(kind_of(text, "Philippines"), Some(EntityKind::Organization));
        assert_ne!(kind_of(text, "Olympics"), Some(EntityKind::Organization));
        assert_ne!(kind_of(text, "Kazakhs"), Some(EntityKind::Organization));
    }

    #[test]
    fn a_nationality_is_never_a_person_or_organization() {
        let text = "Irish national airline Aer Lingus bought twelve jets.";
        assert_ne!(kind_of(text, "Irish"), Some(EntityKind::Organization));
        assert_ne!(kind_of(text, "Irish"), Some(EntityKind::Person));
    }
}
