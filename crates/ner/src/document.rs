//! Document-level consistency over the drafts of all sentences.
//!
//! * An acronym defined next to its expansion anywhere in the report takes
//!   the expansion's kind and `expansion` at every occurrence.
//! * A name tagged as a person once is a person everywhere, and so is its
//!   last word on its own ("Kassym-Jomart Tokayev" … "Tokayev").
//! * A name with no kind takes the kind another mention with the same text
//!   got in the report; what still has no kind becomes `other`.
//! * A possessive inside a mention ("Varga's NSB") splits it in two when
//!   the owner is named elsewhere in the report ("Varga", "Ilse Varga"): the
//!   owner and the thing owned are different entities. Names that contain
//!   a possessive ("People's Liberation Army") stay whole, since their
//!   first part is not a name of its own.

use std::collections::HashMap;

use corroborate_model::{EntityKind, Mention, Span};

use crate::sentence::Tok;

/// A mention under construction, with the facts the later passes need.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub(crate) span: Span,
    /// Token indices within the sentence (first, end exclusive).
    pub(crate) first_token: usize,
    pub(crate) end_token: usize,
    pub(crate) text: String,
    pub(crate) kind: Option<EntityKind>,
    /// Decided by a head word, title, gazetteer or cue, not by shape alone.
    pub(crate) firm: bool,
    pub(crate) title: Option<String>,
    pub(crate) expansion: Option<String>,
    pub(crate) acronym: bool,
    /// A gazetteer name that is a place only after "in", "at", ….
    pub(crate) place_if_locative: bool,
}

impl Draft {
    /// A draft of kind `kind` over tokens `start..end` of a sentence,
    /// decided by knowledge or evidence rather than shape (`firm`).
    pub(crate) fn firm_run(
        toks: &[Tok],
        start: usize,
        end: usize,
        kind: EntityKind,
        text: &str,
    ) -> Option<Draft> {
        let first = toks.get(start)?;
        let last = toks.get(end.checked_sub(1)?)?;
        let span = Span::new(first.span.start, last.span.end);
        Some(Draft {
            span,
            first_token: start,
            end_token: end,
            text: span.slice(text)?.to_string(),
            kind: Some(kind),
            firm: true,
            title: None,
            expansion: None,
            acronym: end == start + 1 && first.acronym,
            place_if_locative: false,
        })
    }
}

/// Whether `span` overlaps any of `covered`.
pub(crate) fn overlaps_any(covered: &[Span], span: Span) -> bool {
    covered
        .iter()
        .any(|c| c.start < span.end && span.start < c.end)
}

/// Adds a firm draft of `kind` over each run that `find(toks, index)`
/// reports at a token of a sentence, as (start, end), where no draft lies
/// yet; the scan of the sentence goes on after the run. The passes that
/// add what the model left out are written this way.
pub(crate) fn add_runs(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
    kind: EntityKind,
    mut find: impl FnMut(&[Tok], usize) -> Option<(usize, usize)>,
) {
    let covered: Vec<Span> = drafts.iter().map(|d| d.span).collect();
    let mut added = Vec::new();
    for toks in sentence_toks {
        let mut index = 0;
        while index < toks.len() {
            match find(toks, index) {
                Some((start, end)) if end > index => {
                    added.extend(
                        Draft::firm_run(toks, start, end, kind, text)
                            .filter(|d| !overlaps_any(&covered, d.span)),
                    );
                    index = end;
                }
                _ => index += 1,
            }
        }
    }
    drafts.extend(added);
    drafts.sort_by_key(|d| d.span.start);
}

/// Applies the document-level rules and turns drafts into mentions,
/// sorted by position and without overlaps.
pub(crate) fn finish(drafts: Vec<Draft>) -> Vec<Mention> {
    let mut drafts = split_possessives(drafts);
    propagate_acronyms(&mut drafts);
    propagate_persons(&mut drafts);
    propagate_known_kinds(&mut drafts);
    drafts.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.span.end)));
    let mut mentions: Vec<Mention> = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let Some(kind) = draft.kind else { continue };
        if mentions
            .last()
            .is_some_and(|m| m.span.end > draft.span.start)
        {
            continue;
        }
        mentions.push(Mention {
            span: draft.span,
            text: draft.text,
            kind,
            title: draft.title,
            expansion: draft.expansion,
        });
    }
    mentions
}

/// Splits "Owner's Thing" drafts whose owner is a mention of its own
/// elsewhere (see the module doc).
fn split_possessives(drafts: Vec<Draft>) -> Vec<Draft> {
    // Names seen elsewhere, and the last words of longer names ("Varga"
    // of "Ilse Varga").
    let standalone: std::collections::HashSet<String> = drafts
        .iter()
        .flat_map(|d| [Some(d.text.clone()), last_word(&d.text).map(str::to_string)])
        .flatten()
        .collect();
    let mut out = Vec::with_capacity(drafts.len());
    for draft in drafts {
        match possessive_split(&draft, &standalone) {
            Some((owner, owned)) => {
                out.push(owner);
                out.push(owned);
            }
            None => out.push(draft),
        }
    }
    out
}

fn possessive_split(
    draft: &Draft,
    standalone: &std::collections::HashSet<String>,
) -> Option<(Draft, Draft)> {
    let (at, marker) = ["'s ", "’s "]
        .iter()
        .find_map(|m| draft.text.find(m).map(|at| (at, *m)))?;
    let owner_text = draft.text.get(..at)?;
    let owned_text = draft.text.get(at + marker.len()..)?;
    let starts_upper = owned_text.chars().next().is_some_and(char::is_uppercase);
    if !standalone.contains(owner_text) || !starts_upper {
        return None;
    }
    let owner = Draft {
        span: Span::new(draft.span.start, draft.span.start + at),
        text: owner_text.to_string(),
        kind: None,
        firm: false,
        title: draft.title.clone(),
        expansion: None,
        acronym: false,
        ..draft.clone()
    };
    let owned_start = draft.span.start + at + marker.len();
    let owned = Draft {
        span: Span::new(owned_start, draft.span.end),
        text: owned_text.to_string(),
        kind: None,
        firm: false,
        title: None,
        expansion: None,
        acronym: owned_text.len() >= 2 && owned_text.chars().all(|c| c.is_ascii_uppercase()),
        ..draft.clone()
    };
    Some((owner, owned))
}

fn propagate_acronyms(drafts: &mut [Draft]) {
    let mut defined: HashMap<String, (String, Option<EntityKind>)> = drafts
        .iter()
        .filter(|d| d.acronym)
        .filter_map(|d| Some((d.text.clone(), (d.expansion.clone()?, d.kind))))
        .collect();
    // An acronym never defined in parentheses stands for the organization
    // or place of the report whose initials it spells ("GAO" and "the
    // Government Accountability Office").
    let by_initials: HashMap<String, (String, Option<EntityKind>)> = drafts
        .iter()
        .filter(|d| matches!(d.kind, Some(EntityKind::Organization | EntityKind::Place)))
        .filter_map(|d| Some((initials(&d.text, 3)?, (d.text.clone(), d.kind))))
        .collect();
    for draft in drafts.iter().filter(|d| d.acronym) {
        if let Some(found) = by_initials.get(&draft.text) {
            defined
                .entry(draft.text.clone())
                .or_insert_with(|| found.clone());
        }
    }
    for draft in drafts.iter_mut().filter(|d| d.acronym) {
        if let Some((expansion, kind)) = defined.get(&draft.text) {
            draft.expansion.get_or_insert_with(|| expansion.clone());
            if kind.is_some() {
                draft.kind = *kind;
                draft.firm = true;
            }
        }
    }
}

/// Makes every draft of a person's name a person: the full names of persons
/// named with two words or more and their last words ("Varga" of "Ilse
/// Varga"), and one-word names that are a person in at least as many drafts
/// as they are any other kind (one "Chopegrad stated" does not outweigh
/// three "in Chopegrad").
fn propagate_persons(drafts: &mut [Draft]) {
    let mut person_names: HashMap<String, ()> = HashMap::new();
    let votes = kind_votes(drafts);
    for draft in drafts.iter().filter(|d| d.kind == Some(EntityKind::Person)) {
        let one_word = !draft.text.contains(' ');
        if one_word && !person_holds_its_own(votes.get(draft.text.as_str())) {
            continue;
        }
        person_names.insert(draft.text.clone(), ());
        if let Some(last) = last_word(&draft.text) {
            person_names.insert(last.to_string(), ());
        }
    }
    for draft in drafts.iter_mut() {
        let multi_word_firm = draft.firm && draft.text.contains(' ');
        if !multi_word_firm && !draft.acronym && person_names.contains_key(&draft.text) {
            draft.kind = Some(EntityKind::Person);
        }
    }
}

/// How many drafts of each text have each kind (person, organization,
/// place, other).
fn kind_votes(drafts: &[Draft]) -> HashMap<&str, [usize; 4]> {
    let mut votes: HashMap<&str, [usize; 4]> = HashMap::new();
    for draft in drafts {
        let slot = match draft.kind {
            Some(EntityKind::Person) => 0,
            Some(EntityKind::Organization) => 1,
            Some(EntityKind::Place) => 2,
            Some(EntityKind::Other) => 3,
            None => continue,
        };
        votes.entry(draft.text.as_str()).or_default()[slot] += 1;
    }
    votes
}

/// Person drafts at least as many as those of any other kind.
fn person_holds_its_own(votes: Option<&[usize; 4]>) -> bool {
    votes.is_none_or(|counts| counts[1..].iter().all(|&other| other <= counts[0]))
}

fn propagate_known_kinds(drafts: &mut [Draft]) {
    let known: HashMap<String, EntityKind> = drafts
        .iter()
        .filter(|d| d.firm)
        .filter_map(|d| Some((d.text.clone(), d.kind?)))
        .collect();
    for draft in drafts.iter_mut().filter(|d| d.kind.is_none()) {
        draft.kind = known.get(&draft.text).copied();
        // Measured on wikigold: guessing person or organization here costs
        // more precision than it gains recall.
        draft.kind.get_or_insert(EntityKind::Other);
    }
}

/// The capital initials of a name of `min_words` or more capitalized words
/// ("Government Accountability Office" → "GAO"; "of", "and", "the", "for",
/// "on" and "&" are skipped); `None` for shorter names or lower-case words.
pub(crate) fn initials(name: &str, min_words: usize) -> Option<String> {
    let words: Vec<&str> = name
        .split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "and" | "the" | "for" | "on" | "&" | ""))
        .collect();
    let all_capitalized = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (words.len() >= min_words && all_capitalized)
        .then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// The last word of a multi-word name ("Kassym-Jomart Tokayev" → "Tokayev").
fn last_word(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let last = words.next_back()?;
    words.next().map(|_| last)
}

#[cfg(test)]
mod tests {
    use corroborate_model::EntityKind;

    fn mentions(text: &str) -> Vec<(String, EntityKind)> {
        let sentences = corroborate_text::sentences(text);
        crate::extract(text, &sentences, &corroborate_text::tokens(text))
            .into_iter()
            .map(|m| (m.text, m.kind))
            .collect()
    }

    fn draft(text: &str, start: usize, kind: EntityKind) -> super::Draft {
        super::Draft {
            span: corroborate_model::Span::new(start, start + text.len()),
            first_token: 0,
            end_token: text.split(' ').count(),
            text: text.to_string(),
            kind: Some(kind),
            firm: false,
            title: None,
            expansion: None,
            acronym: false,
            place_if_locative: false,
        }
    }

    #[test]
    fn a_one_word_person_outvoted_by_another_kind_is_not_propagated() {
        let mut drafts = vec![
            draft("Dravenza", 10, EntityKind::Place),
            draft("Dravenza", 50, EntityKind::Place),
            draft("Dravenza", 90, EntityKind::Person),
            draft("Ilse Varga", 130, EntityKind::Person),
            draft("Varga", 170, EntityKind::Organization),
            draft("Varga", 190, EntityKind::Organization),
            draft("Orlan", 210, EntityKind::Person),
            draft("Orlan", 230, EntityKind::Organization),
        ];
        super::propagate_persons(&mut drafts);
        let kinds: Vec<_> = drafts.iter().map(|d| (d.text.as_str(), d.kind)).collect();
        let kind_of = |i: usize| drafts[i].kind;
        assert_eq!(kind_of(0), Some(EntityKind::Place), "{kinds:?}");
        assert_eq!(kind_of(2), Some(EntityKind::Person), "{kinds:?}");
        // The last word of a full name is the person, however tagged.
        assert_eq!(kind_of(4), Some(EntityKind::Person), "{kinds:?}");
        assert_eq!(kind_of(5), Some(EntityKind::Person), "{kinds:?}");
        // A tie goes to the person.
        assert_eq!(kind_of(7), Some(EntityKind::Person), "{kinds:?}");
    }

    #[test]
    fn a_possessive_splits_owner_and_owned() {
        let found = mentions(
            "President Ilse Varga heads the National Security Bureau (NSB). \
             Then, on 9 May, Orlan began to dismiss and arrest Varga’s NSB colleagues.",
        );
        assert!(
            !found.iter().any(|(text, _)| text.contains("’s")),
            "{found:?}"
        );
        assert!(
            found.contains(&("Varga".to_string(), EntityKind::Person)),
            "{found:?}"
        );
        assert!(
            found.contains(&("NSB".to_string(), EntityKind::Organization)),
            "{found:?}"
        );
    }

    #[test]
    fn an_acronym_takes_the_kind_of_the_name_it_spells() {
        let found = mentions(
            "The Regional Audit Bureau on Monday asked for a new tender. \
             When the ministry chose Velkor, the RAB objected.",
        );
        assert!(
            found.contains(&("RAB".to_string(), EntityKind::Organization)),
            "{found:?}"
        );
        assert_eq!(super::initials("Free Trade", 3), None);
        assert_eq!(
            super::initials("Government Accountability Office", 3).as_deref(),
            Some("GAO")
        );
    }

    #[test]
    fn a_name_with_a_possessive_inside_stays_whole() {
        let found = mentions("Soldiers of the People's Liberation Army crossed the river.");
        assert!(!found.iter().any(|(text, _)| text == "People"), "{found:?}");
    }
}
