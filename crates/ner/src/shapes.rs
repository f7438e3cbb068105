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
//! * **a well-known place taken for a person** ("the capital, Nur-Sultan")
//!   is the place, unless the report names a person with that word or it is
//!   a common given name;
//! * **a surname by its form taken for an organization** ("spoke with
//!   Borodaev"): a one-word organization that ends like the surnames of
//!   Eastern Europe, the Caucasus and Central Asia ([`SURNAME_ENDINGS`]:
//!   -ev, -ov, -eva, -ova, -enko, -yan, -shvili, -dze …) is a person, unless
//!   the organization list or the report's evidence made it one;
//! * **a name ending in an organization head word** ("Attorney's Office")
//!   is no person;
//! * **a nationality word** ("Irish", "Kazakhs") tagged as a person or an
//!   organization is `other` (it links to its country later);
//! * **a title and name words** the model left out ("President Bashar
//!   al-Assad said") are a person;
//! * **a given name and a capitalized word** (one to three of them, an
//!   initial like "W." allowed) that the model left out ("Mark Felt",
//!   "W. Mark Felt") are a person, with the common given names of
//!   `data/given_names.txt` (US Census 1990 first names and the nickname
//!   list, built by `scripts/build_given_names.py`). At a sentence start a
//!   given name that is also an English word ("Will", "Mark") is not
//!   enough, unless the next word is the surname of a person the report
//!   names ("Mark Fell, who …" beside "Joan Fell"); no word of the run may
//!   be a title, an organization or place
//!   head, a month or day, a nationality or a country;
//! * **a well-known place the model left out** ("Beijing denied it",
//!   "Leningrad police", "a Frankfurt court"): a capitalized run of up to
//!   four words (lower-case words like "am" inside) standing alone
//!   that the gazetteer knows as a well-known place (a country, a
//!   first-level division or a city of 100,000 or more). A common given
//!   name ("Georgia", "Victoria") counts only after a locative preposition,
//!   and neither an English word, a nationality ("Kazakh" is also a town)
//!   nor a person's name in the report counts;
//! * **a well-known place and a capitalized plural** ("New Orleans
//!   Saints", "Kansas City Chiefs") are one organization: a team or group
//!   named after its home;
//! * **a capitalized plural after "the"** in mid-sentence ("the Colts",
//!   "the Tar Heels", "the Houthis") names a group: a team, band, party or
//!   movement, kind organization — unless it is a nationality, a place
//!   ("the Philippines"), an event ("the Olympics") or a title.

use std::collections::HashSet;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use corroborate_model::{EntityKind, Span};

use crate::document::{add_runs, Draft};
use crate::gazetteer::Gazetteer;
use crate::lexicon::WordClasses;
use crate::sentence::{follows_a_name, stands_alone, Sentences, Tok, ARABIC_ARTICLES};

/// Applies the kind rules above to a report's drafts (the joining of
/// persons is [`join_adjacent_persons`], run after repeated names are
/// found, so that a surname alone is still found on its own).
pub(crate) fn apply(drafts: &mut [Draft], sentence_toks: &[Vec<Tok>], gazetteer: &Gazetteer) {
    let sentences = Sentences::new(sentence_toks);
    let person_words = full_name_words(drafts);
    let things = names_of_things(drafts, &sentences, &person_words);
    for draft in drafts.iter_mut() {
        let alone = sentences
            .of(draft.span)
            .is_some_and(|toks| stands_alone(toks, draft.first_token));
        if alone && is_place_taken_for_a_person(draft, &person_words, gazetteer) {
            draft.kind = Some(EntityKind::Place);
        }
        if is_surname_taken_for_an_organization(draft) {
            draft.kind = Some(EntityKind::Person);
        }
        let ends_in_a_head = sentences
            .of(draft.span)
            .is_some_and(|toks| is_body_taken_for_a_person(draft, toks));
        if ends_in_a_head {
            draft.kind = Some(EntityKind::Organization);
        }
        if is_place_in_capitals(draft, gazetteer) {
            draft.kind = Some(EntityKind::Place);
        }
        let thing = draft.kind == Some(EntityKind::Person) && things.contains(&draft.text);
        if thing || is_nationality(draft, gazetteer) {
            draft.kind = Some(EntityKind::Other);
        }
    }
}

/// Drops the drafts that are a function word alone (see
/// [`is_lone_function_word`]).
pub(crate) fn drop_lone_function_words(drafts: &mut Vec<Draft>, sentence_toks: &[Vec<Tok>]) {
    let sentences = Sentences::new(sentence_toks);
    drafts.retain(|draft| {
        !sentences
            .of(draft.span)
            .is_some_and(|toks| is_lone_function_word(draft, toks))
    });
}

/// A pronoun, article or other function word on its own ("We" opening a
/// quote) is never a name, whatever the model read into its capital; in
/// capitals it may be an acronym ("WHO", "US") and is left alone.
fn is_lone_function_word(draft: &Draft, toks: &[Tok]) -> bool {
    draft.end_token == draft.first_token + 1
        && toks
            .get(draft.first_token)
            .is_some_and(|tok| tok.is_function_word())
}

/// The words of the report's persons named with two words or more.
fn full_name_words(drafts: &[Draft]) -> HashSet<String> {
    drafts
        .iter()
        .filter(|d| d.kind == Some(EntityKind::Person) && d.text.contains(' '))
        .flat_map(|d| d.text.split(' ').map(str::to_string))
        .collect()
}

/// Person names that a digit or an article shows to name things, except
/// the surnames of persons named in full ("Vito Genovese" keeps
/// "Genovese" a person, whatever "the Genovese family" suggests).
fn names_of_things(
    drafts: &[Draft],
    sentences: &Sentences,
    person_words: &HashSet<String>,
) -> HashSet<String> {
    drafts
        .iter()
        .filter(|d| d.kind == Some(EntityKind::Person) && !person_words.contains(&d.text))
        .filter(|d| {
            sentences
                .of(d.span)
                .is_some_and(|toks| has_digit(d, toks) || heads_an_article_phrase(d, toks))
        })
        .map(|d| d.text.clone())
        .collect()
}

/// "MOSCOW (Reuters) -": a dateline's city in capitals, which the model
/// reads as an acronym. A one-word organization or `other` not in the
/// organization list ("ISNA" is an agency), in capitals of four
/// letters or more, whose name is a well-known place.
fn is_place_in_capitals(draft: &Draft, gazetteer: &Gazetteer) -> bool {
    let word = draft.text.as_str();
    let in_capitals = word.chars().count() >= 4
        && word.chars().all(|c| c.is_uppercase() || c == '-')
        && word.chars().any(char::is_alphabetic);
    let guessed = matches!(
        draft.kind,
        Some(EntityKind::Organization | EntityKind::Other)
    ) && !crate::organizations::is_listed_name(word);
    if !in_capitals || !guessed {
        return false;
    }
    is_known_place(word, gazetteer)
}

/// "ALMATY, Kazakhstan (AP) —": a dateline opening a sentence with a
/// well-known place in capitals, before a comma, a parenthesis or a dash.
fn dateline_place_at(toks: &[Tok], start: usize, gazetteer: &Gazetteer) -> Option<usize> {
    let first = toks.get(start)?;
    let next = toks.get(start + 1)?;
    let before_dateline_mark = [",", "(", "-", "—", "–"].contains(&next.text);
    let capitals = first.is_word && first.text.chars().count() >= 4 && first.acronym;
    (start == 0
        && capitals
        && before_dateline_mark
        && !crate::organizations::is_listed_name(first.text)
        && is_known_place(first.text, gazetteer))
    .then_some(start + 1)
}

/// "Attorney's Office" tagged as a person: no person's name ends in an
/// organization head word ("Office", "Ministry", "Council").
fn is_body_taken_for_a_person(draft: &Draft, toks: &[Tok]) -> bool {
    let last = draft.end_token.checked_sub(1).and_then(|i| toks.get(i));
    draft.kind == Some(EntityKind::Person)
        && draft.end_token - draft.first_token >= 2
        && last.is_some_and(|t| t.capitalized && t.classes.has(WordClasses::ORG))
}

/// A one-word person or organization that is a nationality word.
fn is_nationality(draft: &Draft, gazetteer: &Gazetteer) -> bool {
    matches!(
        draft.kind,
        Some(EntityKind::Person | EntityKind::Organization)
    ) && !draft.text.contains(' ')
        && gazetteer.demonym_country(&draft.text).is_some()
}

/// Adds the well-known places (see the module documentation) where the
/// model found nothing.
pub(crate) fn add_known_places(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
    gazetteer: &Gazetteer,
) {
    let person_words: HashSet<String> = drafts
        .iter()
        .filter(|d| d.kind == Some(EntityKind::Person))
        .flat_map(|d| d.text.split(' ').map(str::to_string))
        .collect();
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Place,
        |toks, start| {
            let end = known_place_at(toks, start, text, gazetteer)?;
            (end - start > 1 || !person_words.contains(toks[start].text)).then_some((start, end))
        },
    );
}

/// The end of the longest well-known place name starting at `start`.
fn known_place_at(toks: &[Tok], start: usize, text: &str, gazetteer: &Gazetteer) -> Option<usize> {
    if let Some(end) = dateline_place_at(toks, start, gazetteer) {
        return Some(end);
    }
    let first = toks.get(start)?;
    let previous_is_name = follows_a_name(toks, start);
    if !first.capitalized || first.acronym || previous_is_name {
        return None;
    }
    let end = (start + 1..=(start + 4).min(toks.len()))
        .rev()
        .find(|&end| {
            let last = &toks[end - 1];
            let inner_ok = toks[start..end].iter().enumerate().all(|(i, t)| {
                let abbreviation_period =
                    i > 0 && t.is_punct('.') && toks[start + i - 1].span.end == t.span.start;
                // Inside, any word: the gazetteer decides ("Frankfurt am Main").
                t.is_name_part() || t.is_word || abbreviation_period
            });
            inner_ok
                && last.capitalized
                && !toks.get(end).is_some_and(Tok::is_name_part)
                && is_known_place(&text[first.span.start..last.span.end], gazetteer)
        })?;
    let single = end == start + 1;
    let word = single
        && (first.classes.has(WordClasses::ENGLISH)
            || gazetteer.demonym_country(first.text).is_some());
    let locative = start > 0 && toks[start - 1].classes.has(WordClasses::LOCATIVE);
    let given = single && GIVEN_NAMES.contains(first.lower.as_ref()) && !locative;
    (!word && !given).then_some(end)
}

/// Whether `name` is a well-known place ([`crate::gazetteer::Place::is_well_known`]).
pub(crate) fn is_known_place(name: &str, gazetteer: &Gazetteer) -> bool {
    // `contains` is one lookup; `geocode` also reads every candidate place
    // (a name in capitals may still be found by `geocode` alone).
    let maybe = gazetteer.contains(name) || !name.chars().any(char::is_lowercase);
    maybe
        && gazetteer
            .geocode(name, &[])
            .is_some_and(|place| place.is_well_known())
}

/// Prepositions after which a lone unknown name is a place: "in Dravenza",
/// "near Pizath", "outside Kreleira" (CoNLL and ACE tag such names
/// locations; people are rarely "in" someone).
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside"];

/// Religious adjectives and nouns, which "in" takes as often as places
/// ("in Muslim countries").
const FAITH_WORDS: &[&str] = &[
    "muslim",
    "christian",
    "jewish",
    "hindu",
    "buddhist",
    "sikh",
    "sunni",
    "shia",
    "shiite",
    "catholic",
    "protestant",
    "orthodox",
    "islam",
    "christianity",
    "judaism",
];

/// Endings of languages and peoples' adjectives ("in Kurdish", "in
/// Japanese", "in Australian schools").
const ADJECTIVE_ENDINGS: &[&str] = &["ish", "ese", "ian"];

/// A lone capitalized word after "in", "near" or "outside", which is no
/// English word, given name, nationality or language, month or title, has
/// no inner capitals, and is not followed by another name word, a
/// possessive or a period: a place. Adds it where the model
/// found nothing, and re-types it where the model took it for a person
/// ("Diplomats in Foen said": the speech verb misled it), so that the
/// document's vote sees the place.
pub(crate) fn add_places_after_locatives(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
    gazetteer: &Gazetteer,
) {
    let sentences = Sentences::new(sentence_toks);
    let person_words = full_name_words(drafts);
    let unknown_after_locative = |toks: &[Tok], index: usize| {
        lone_unknown_name_after_locative(toks, index, &person_words, gazetteer)
    };
    for draft in drafts
        .iter_mut()
        .filter(|d| d.kind == Some(EntityKind::Person) && d.end_token == d.first_token + 1)
    {
        let lone_place = sentences
            .of(draft.span)
            .is_some_and(|toks| unknown_after_locative(toks, draft.first_token));
        if lone_place {
            draft.kind = Some(EntityKind::Place);
        }
    }
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Place,
        |toks, index| unknown_after_locative(toks, index).then_some((index, index + 1)),
    );
}

fn lone_unknown_name_after_locative(
    toks: &[Tok],
    index: usize,
    person_words: &HashSet<String>,
    gazetteer: &Gazetteer,
) -> bool {
    let Some(word) = toks.get(index) else {
        return false;
    };
    let after_locative = index
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .is_some_and(|p| p.is_word && PLACE_PREPOSITIONS.contains(&p.lower.as_ref()));
    // A name word, a possessive or an abbreviation's period ("St.").
    let next_is_name = toks
        .get(index + 1)
        .is_some_and(|n| n.is_name_part() || matches!(n.text, "'" | "’" | "."));
    // "OpenSSH": a product's inner capitals.
    let plain_capital = word.text.chars().skip(1).all(char::is_lowercase);
    after_locative
        && word.capitalized
        && !word.acronym
        && !word.possessive
        && word.text.chars().all(char::is_alphabetic)
        && plain_capital
        && !next_is_name
        && !word.is_common_word()
        && !word.is_function_word()
        && !word.is_calendar()
        && !word.classes.has(WordClasses::TITLE_WORD)
        && !GIVEN_NAMES.contains(word.lower.as_ref())
        && !FAITH_WORDS.contains(&word.lower.as_ref())
        && !ADJECTIVE_ENDINGS.iter().any(|e| word.lower.ends_with(e))
        && !person_words.contains(word.text)
        && gazetteer.demonym_country(word.text).is_none()
}

static GIVEN_NAMES_TXT: &str = include_str!("../data/given_names.txt");

/// Lower-case common given names.
static GIVEN_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    GIVEN_NAMES_TXT
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .collect()
});

/// "President Bashar al-Assad said": a person's title word followed by one
/// to four name words (none of them a title, an organization or place
/// head, a month or day, a nationality or a country) is a person where the
/// model found nothing.
pub(crate) fn add_titled_persons(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
    gazetteer: &Gazetteer,
) {
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Person,
        |toks, index| titled_name_after(toks, index, gazetteer),
    );
}

/// (start, end) of the name words after a person's title word at `index`.
fn titled_name_after(toks: &[Tok], index: usize, gazetteer: &Gazetteer) -> Option<(usize, usize)> {
    let tok = &toks[index];
    if !(tok.capitalized && tok.classes.has(WordClasses::TITLE_WORD)) {
        return None;
    }
    let start = index + 1;
    let run = toks[start..]
        .iter()
        .take(5)
        .take_while(|t| {
            // In a headline every word is capitalized: no evidence.
            t.is_name_part() && !t.initial && !t.acronym && !blocks_a_person(t, gazetteer)
        })
        .count();
    let ends_the_name = !toks.get(start + run).is_some_and(Tok::is_name_part);
    // One word alone must look like a name, not like "Order" in
    // "Executive Order" (title words also modify things).
    let lone_word_is_a_name = run != 1
        || (toks[start].text.chars().count() >= 3
            && !toks[start].classes.has(WordClasses::ENGLISH));
    ((1..=4).contains(&run) && ends_the_name && lone_word_is_a_name).then_some((start, start + run))
}

/// Adds the persons that start with a given name (see the module
/// documentation) where the model found nothing.
pub(crate) fn add_given_name_persons(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
    gazetteer: &Gazetteer,
) {
    let surnames: std::collections::HashSet<String> = drafts
        .iter()
        .filter(|d| d.kind == Some(EntityKind::Person))
        .filter_map(|d| d.text.split_whitespace().last())
        .map(str::to_lowercase)
        .collect();
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Person,
        |toks, index| given_name_run(toks, index, gazetteer, &surnames),
    );
}

/// (start, end) of a person's name whose given name is at `index`: an
/// initial with its period just before it joins ("W. Mark Felt").
/// At a sentence start a given name that is also an English word
/// ("Mark") counts only before the surname of a person the report names
/// elsewhere ("Mark Felt, the FBI official, …" where "Felt" is a person).
fn given_name_run(
    toks: &[Tok],
    index: usize,
    gazetteer: &Gazetteer,
    person_surnames: &std::collections::HashSet<String>,
) -> Option<(usize, usize)> {
    let given = toks.get(index)?;
    let before_a_known_surname = toks
        .get(index + 1)
        .is_some_and(|next| next.capitalized && person_surnames.contains(next.lower.as_ref()));
    let is_given = given.capitalized
        && !given.acronym
        && GIVEN_NAMES.contains(given.lower.as_ref())
        && !(given.initial && given.classes.has(WordClasses::ENGLISH) && !before_a_known_surname);
    let previous_is_name = index > 0 && toks[index - 1].is_name_part();
    // A person's name takes no article ("the Junior League").
    let after_article = index > 0 && matches!(toks[index - 1].lower.as_ref(), "the" | "a" | "an");
    if !is_given || after_article || previous_is_name && !is_initial_at(toks, index.checked_sub(2)?)
    {
        return None;
    }
    let mut end = index + 1;
    while end < toks.len() && end - index <= 3 {
        if toks[end].is_name_part() && !toks[end].acronym {
            end += 1;
        } else if is_initial_at(toks, end) {
            end += 2;
        } else {
            break;
        }
    }
    let surname_words = end - index - 1;
    let blocked = toks[index + 1..end]
        .iter()
        .any(|t| blocks_a_person(t, gazetteer));
    if surname_words == 0 || blocked || toks.get(end).is_some_and(Tok::is_name_part) {
        return None;
    }
    let start = if index >= 2 && is_initial_at(toks, index - 2) {
        index - 2
    } else {
        index
    };
    Some((start, end))
}

/// A single capital letter with its period right after it ("W.").
fn is_initial_at(toks: &[Tok], index: usize) -> bool {
    let (Some(letter), Some(period)) = (toks.get(index), toks.get(index + 1)) else {
        return false;
    };
    letter.is_word
        && letter.text.chars().count() == 1
        && letter.capitalized
        && period.is_punct('.')
        && period.span.start == letter.span.end
}

/// A word that no person's name holds after the given name.
fn blocks_a_person(tok: &Tok, gazetteer: &Gazetteer) -> bool {
    !tok.is_word
        || tok.classes.has(WordClasses::TITLE_WORD)
        || tok.classes.has(WordClasses::ORG)
        || tok.classes.has(WordClasses::PLACE_HEAD)
        || tok.classes.has(WordClasses::CALENDAR)
        || tok.classes.has(WordClasses::EVENT)
        || gazetteer.demonym_country(tok.text).is_some()
        || gazetteer.is_country(tok.text)
}

/// The surname of a person named in full in the report, alone elsewhere
/// ("Felt was 95" after "Mark Felt"), is the person too — at a sentence
/// start as well, when the report never writes the word in lower case.
pub(crate) fn add_surnames(drafts: &mut Vec<Draft>, sentence_toks: &[Vec<Tok>], text: &str) {
    let surnames: HashSet<String> = drafts
        .iter()
        .filter(|d| d.kind == Some(EntityKind::Person))
        .filter_map(|d| d.text.rsplit_once(' ').map(|(_, last)| last))
        // "al-Baghdadi" is "Baghdadi" alone.
        .map(|last| match last.split_once('-') {
            Some((article, rest)) if ARABIC_ARTICLES.contains(&article) => rest,
            _ => last,
        })
        .filter(|last| {
            last.chars().count() >= 3
                && last.chars().all(char::is_alphabetic)
                && last.chars().next().is_some_and(char::is_uppercase)
        })
        .map(str::to_string)
        .collect();
    if surnames.is_empty() {
        return;
    }
    let lower_words: HashSet<&str> = sentence_toks
        .iter()
        .flatten()
        .filter(|t| t.is_word && !t.capitalized)
        .map(|t| t.text)
        .collect();
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Person,
        |toks, i| {
            let tok = &toks[i];
            let trusted = !tok.initial || !lower_words.contains(tok.lower.as_ref());
            (stands_alone(toks, i) && trusted && surnames.contains(tok.text)).then_some((i, i + 1))
        },
    );
}

/// "UN Secretary-General Antonio Guterres", "United Nations
/// Secretary-General …": the organization right before a person's title
/// is a mention of its own when it is an international organization's
/// acronym or a listed organization.
pub(crate) fn add_organizations_in_titles(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
) {
    let sentences = Sentences::new(sentence_toks);
    let mut added = Vec::new();
    for draft in drafts.iter() {
        let Some(title) = draft.title.as_deref() else {
            continue;
        };
        let Some(toks) = sentences.of(draft.span) else {
            continue;
        };
        let before = text.get(..draft.span.start).unwrap_or_default().trim_end();
        let Some(title_start) = before.strip_suffix(title).map(str::len) else {
            continue;
        };
        let Some(title_first) = toks.iter().position(|t| t.span.start == title_start) else {
            continue;
        };
        let start = (title_first.saturating_sub(4)..title_first)
            .find(|&start| names_an_organization(&toks[start..title_first], text));
        if let Some(start) = start {
            added.extend(Draft::firm_run(
                toks,
                start,
                title_first,
                EntityKind::Organization,
                text,
            ));
        }
    }
    let covered: Vec<Span> = drafts.iter().map(|d| d.span).collect();
    drafts.extend(
        added
            .into_iter()
            .filter(|d| !crate::document::overlaps_any(&covered, d.span)),
    );
    drafts.sort_by_key(|d| d.span.start);
}

/// An international organization's acronym ("UN", "NATO") or a listed
/// organization's name ("United Nations").
fn names_an_organization(run: &[Tok], text: &str) -> bool {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return false;
    };
    let igo = run.len() == 1 && first.acronym && first.classes.has(WordClasses::IGO);
    igo || text
        .get(first.span.start..last.span.end)
        .is_some_and(crate::organizations::is_listed_name)
}

/// Joins a well-known place and the capitalized plural right after it
/// ("New Orleans Saints", "Kansas City Chiefs", "North Carolina Tar
/// Heels"): a team or group named after its home is one organization, in
/// place of the parts the model made of it ("Orleans Saints", "Kansas
/// City").
pub(crate) fn join_place_named_groups(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
    gazetteer: &Gazetteer,
) {
    let mut joined = Vec::new();
    for toks in sentence_toks {
        let mut index = 0;
        while index < toks.len() {
            match place_named_group_end(toks, index, text, gazetteer) {
                Some(end) => {
                    joined.extend(Draft::firm_run(
                        toks,
                        index,
                        end,
                        EntityKind::Organization,
                        text,
                    ));
                    index = end;
                }
                None => index += 1,
            }
        }
    }
    if joined.is_empty() {
        return;
    }
    let spans: Vec<Span> = joined.iter().map(|d| d.span).collect();
    drafts.retain(|d| !crate::document::overlaps_any(&spans, d.span));
    drafts.extend(joined);
    drafts.sort_by_key(|d| d.span.start);
}

/// The end of a well-known place of one to four capitalized words at
/// `start` followed by a plural group name ([`plural_group_end`]).
fn place_named_group_end(
    toks: &[Tok],
    start: usize,
    text: &str,
    gazetteer: &Gazetteer,
) -> Option<usize> {
    let first = toks.get(start)?;
    let previous_is_name = follows_a_name(toks, start);
    if !first.capitalized || first.acronym || previous_is_name {
        return None;
    }
    let capitalized_run = toks[start..]
        .iter()
        .take(4)
        .take_while(|t| t.is_word && t.capitalized && !t.acronym)
        .count();
    (start + 1..start + capitalized_run)
        .rev()
        .find_map(|place_end| {
            let last = &toks[place_end - 1];
            let place = text.get(first.span.start..last.span.end)?;
            if !is_known_place(place, gazetteer) {
                return None;
            }
            plural_group_end(toks, place_end, gazetteer)
        })
}

/// Adds the group names described in the module documentation where the
/// model found nothing.
pub(crate) fn add_plural_groups(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
    gazetteer: &Gazetteer,
) {
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Organization,
        |toks, start| {
            let after_the = start > 0 && toks[start - 1].text == "the";
            after_the.then(|| Some((start, plural_group_end(toks, start, gazetteer)?)))?
        },
    );
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

/// "the capital, Nur-Sultan" tagged as a person: a one-word person standing
/// alone ("Sandy Angers" is a name), with no title, whose name is a
/// well-known place ([`is_known_place`]), no common
/// given name, and no word of a person's full name in the report
/// ("Houston" stays Whitney Houston's).
fn is_place_taken_for_a_person(
    draft: &Draft,
    person_words: &HashSet<String>,
    gazetteer: &Gazetteer,
) -> bool {
    draft.kind == Some(EntityKind::Person)
        && draft.title.is_none()
        && !draft.text.contains(' ')
        && !person_words.contains(&draft.text)
        && !GIVEN_NAMES.contains(draft.text.to_lowercase().as_str())
        && is_known_place(&draft.text, gazetteer)
}

/// Endings of East Slavic, Turkic, Armenian, Georgian and Ukrainian
/// surnames (lower case), which organizations' names almost never have.
pub(crate) const SURNAME_ENDINGS: &[&str] = &[
    "ev", "ov", "eva", "ova", "yev", "yeva", "iev", "ieva", "enko", "yan", "ian", "shvili", "dze",
    "uly", "kyzy", "ovich", "evich", "ovna", "evna", "sky", "skaya", "skiy", "ski", "ska",
];

/// A one-word organization the model guessed (not decided by a list or
/// evidence) whose name ends like a surname; six letters at least, so
/// that short words ("Kiev") are left alone.
fn is_surname_taken_for_an_organization(draft: &Draft) -> bool {
    let word = draft.text.as_str();
    let lower = word.to_lowercase();
    draft.kind == Some(EntityKind::Organization)
        && !draft.firm
        && !draft.acronym
        && !word.contains(' ')
        && word.chars().count() >= 6
        && word.chars().all(char::is_alphabetic)
        && word.chars().next().is_some_and(char::is_uppercase)
        && SURNAME_ENDINGS.iter().any(|end| lower.ends_with(end))
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
fn is_title(draft: &Draft, sentences: &Sentences) -> bool {
    draft.end_token == draft.first_token + 1
        && sentences
            .of(draft.span)
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
    let sentences = Sentences::new(sentence_toks);
    let mut joined: Vec<Draft> = Vec::with_capacity(drafts.len());
    for draft in drafts.drain(..) {
        let Some(previous) = joined.last_mut() else {
            joined.push(draft);
            continue;
        };
        let both_persons = previous.kind == Some(EntityKind::Person)
            && draft.kind == Some(EntityKind::Person)
            && !is_title(previous, &sentences)
            && !is_title(&draft, &sentences);
        let adjacent = previous.end_token == draft.first_token
            && previous.span.end < draft.span.start
            && text
                .get(previous.span.end..draft.span.start)
                .is_some_and(|gap| gap.chars().all(|c| c == ' '))
            && sentences.of(previous.span).map(<[Tok]>::as_ptr)
                == sentences.of(draft.span).map(<[Tok]>::as_ptr);
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

/// The spans of names written right before a model designation:
/// "Airbus A380", "Boeing 787", "Boeing 737s". Such a phrase names a
/// product (OntoNotes PRODUCT, CoNLL MISC, MEANTIME PRODUCT), not the
/// maker acting, so an organization there is dropped once the document's
/// kinds are settled (the phrase still tells that the maker is an
/// organization: `organizations`).
pub(crate) fn makers_before_models(drafts: &[Draft], text: &str) -> Vec<Span> {
    drafts
        .iter()
        .filter(|d| model_designation_follows(text, d.span.end))
        .map(|d| d.span)
        .collect()
}

/// Whether one space and a model designation follow `end`: up to three
/// capitals, two to four digits, up to three letters, an optional "-" and
/// digits, an optional plural "s" ("A330-200", "A400M", "787", "737s"); a
/// bare year ("Airbus 2022 results") is not one.
fn model_designation_follows(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let word: &str = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')' | '\'' | '’'))
        .next()
        .unwrap_or("");
    let bytes = word.as_bytes();
    let mut i = 0;
    let run = |i: &mut usize, max: usize, test: fn(&u8) -> bool| -> usize {
        let start = *i;
        while *i < bytes.len() && *i - start < max && test(&bytes[*i]) {
            *i += 1;
        }
        *i - start
    };
    let capitals = run(&mut i, 3, u8::is_ascii_uppercase);
    let digits_start = i;
    let digits = run(&mut i, 4, u8::is_ascii_digit);
    if !(2..=4).contains(&digits) {
        return false;
    }
    let year = capitals == 0
        && digits == 4
        && word
            .get(digits_start..digits_start + 4)
            .and_then(|y| y.parse::<u32>().ok())
            .is_some_and(|y| (1900..=2099).contains(&y));
    run(&mut i, 3, u8::is_ascii_alphabetic);
    if i < bytes.len() && bytes[i] == b'-' {
        i += 1;
        run(&mut i, 4, u8::is_ascii_digit);
    }
    !year && i == bytes.len()
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
    fn a_maker_before_a_model_is_no_organization() {
        for (text, model) in [
            ("Kestrel Aviation said on Monday it would buy ten Vantor A330-200 jets from Vantor.", "A330-200"),
            ("Kestrel Aviation flew its first Vantor 787 on Monday, Vantor said.", "787"),
        ] {
            let before_model = text.find(model).unwrap_or(0) - 1;
            assert!(super::model_designation_follows(text, before_model), "{text}");
            let found = super::super::extract(text, &corroborate_text::sentences(text), &corroborate_text::tokens(text));
            assert!(
                found.iter().all(|m| m.span.end != before_model),
                "{text}: {found:?}"
            );
        }
        for not_a_model in ["Vantor 2022 results", "Channel 4 news", "Vantor said"] {
            assert!(
                !super::model_designation_follows(not_a_model, 6),
                "{not_a_model}"
            );
        }
    }

    #[test]
    fn a_pronoun_opening_a_quote_is_no_name_but_an_acronym_in_capitals_is() {
        let text = "Farmers marched on Tuesday. \u{201c}We will stay,\u{201d} one said. \
                    \"We are tired,\" another said.";
        let found = kinds(text);
        assert!(found.iter().all(|(name, _)| name != "We"), "{found:?}");
        let acronym = "Farmers marched on Tuesday. Officials in the US said so.";
        assert_eq!(
            kind_of(acronym, "US"),
            Some(EntityKind::Place),
            "{:?}",
            kinds(acronym)
        );
    }

    #[test]
    fn a_lone_unknown_name_after_in_is_a_place_but_a_faith_is_not() {
        let text = "Foreign embassies in Dravenza advised their citizens to leave on Monday. \
                    Diplomats in Dravenza said talks had stalled.";
        let found = kinds(text);
        let dravenza: Vec<_> = found.iter().filter(|(n, _)| n == "Dravenza").collect();
        assert_eq!(dravenza.len(), 2, "{found:?}");
        assert!(
            dravenza.iter().all(|(_, k)| *k == EntityKind::Place),
            "{found:?}"
        );
        let text = "Most schools in Muslim countries were closed, said Marta Oslenko.";
        assert_ne!(
            kind_of(text, "Muslim"),
            Some(EntityKind::Place),
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

    /// ECB+ and WNUT-17 sports reports: "New Orleans Saints", "Kansas City
    /// Chiefs", "Chicago Blackhawks" are teams, which the model cut into a
    /// place and a remainder ("Orleans Saints").
    #[test]
    fn a_known_place_and_a_capitalized_plural_are_one_organization() {
        let text = "The Kansas City Kestrels beat the New Orleans Rivertons on Sunday.\n\
                    New Orleans Kestrels coach Rex Pellow thanked the fans in New Orleans.";
        let found = kinds(text);
        for team in [
            "Kansas City Kestrels",
            "New Orleans Rivertons",
            "New Orleans Kestrels",
        ] {
            assert_eq!(
                kind_of(text, team),
                Some(EntityKind::Organization),
                "{team}: {found:?}"
            );
        }
        assert_eq!(
            kind_of(text, "New Orleans"),
            Some(EntityKind::Place),
            "{found:?}"
        );
        assert_eq!(kind_of(text, "Orleans Kestrels"), None, "{found:?}");
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
    fn a_word_like_given_name_opens_a_sentence_before_a_known_surname() {
        // "Fell" is a word too; "Joan Fell" makes it a surname here.
        let text = "Mark Fell, who was known as the harbour informant, died on Friday.\n\
                    His daughter Joan Fell said he had been ill for months.";
        let found = kinds(text);
        assert_eq!(
            kind_of(text, "Mark Fell"),
            Some(EntityKind::Person),
            "{found:?}"
        );
        // Without a person of that surname the word stays left to the model.
        let text = "Mark Fell, who was known as the harbour informant, died on Friday.";
        assert_eq!(kind_of(text, "Mark Fell"), None, "{:?}", kinds(text));
    }

    #[test]
    fn a_given_name_and_a_capitalized_word_are_a_person() {
        let text = "W. Mark Felt, the official known as Deep Throat, died. \
                    Felt was 95. Reporters met Zurana Horton on Monday. \
                    Police named Omar al-Haddad. Haddad had fled.";
        let found = kinds(text);
        assert_eq!(
            kind_of(text, "W. Mark Felt"),
            Some(EntityKind::Person),
            "{found:?}"
        );
        assert_eq!(
            kind_of(text, "Zurana Horton"),
            Some(EntityKind::Person),
            "{found:?}"
        );
        assert_eq!(
            kinds(text).iter().filter(|(n, _)| n == "Felt").count(),
            1,
            "the surname alone at a sentence start: {found:?}"
        );
        assert_eq!(
            kind_of(text, "Haddad"),
            Some(EntityKind::Person),
            "{found:?}"
        );
        // "Mark" opening a sentence is also a word: left to the model.
        let text = "Mark Twain Avenue was closed. Officials visited Lake Mary Monday. \
                    They joined the Junior Varsity.";
        assert!(
            kinds(text).iter().all(|(_, k)| *k != EntityKind::Person),
            "{:?}",
            kinds(text)
        );
    }

    #[test]
    fn well_known_places_are_found_where_the_model_left_them_out() {
        let text = "Kyiv said talks would resume. Beijing denied it. \
                    Leningrad police said. A Nairobi court ruled. \
                    Police said. St. Petersburg officials spoke too. \
                    The Frankfurt am Main court ruled. \
                    Victoria Lane said Jordan Peel would come. Kazakh police spoke.";
        let found = kinds(text);
        for place in [
            "Beijing",
            "Leningrad",
            "Nairobi",
            "St. Petersburg",
            "Frankfurt am Main",
        ] {
            assert_eq!(
                kind_of(text, place),
                Some(EntityKind::Place),
                "{place}: {found:?}"
            );
        }
        assert_ne!(
            kind_of(text, "Victoria"),
            Some(EntityKind::Place),
            "{found:?}"
        );
        assert_ne!(
            kind_of(text, "Jordan"),
            Some(EntityKind::Place),
            "{found:?}"
        );
    }

    #[test]
    fn a_well_known_place_taken_for_a_person_is_the_place() {
        let text =
            "Officials in the capital, Nur-Sultan, said. Whitney Houston sang; Houston smiled. \
                    Spokeswoman Sandy Angers said so.";
        let found = kinds(text);
        assert_eq!(
            kind_of(text, "Nur-Sultan"),
            Some(EntityKind::Place),
            "{found:?}"
        );
        assert_ne!(
            kind_of(text, "Houston"),
            Some(EntityKind::Place),
            "{found:?}"
        );
        assert_ne!(
            kind_of(text, "Angers"),
            Some(EntityKind::Place),
            "{found:?}"
        );
    }

    #[test]
    fn a_surname_by_its_form_is_no_organization() {
        for name in ["Borodaev", "Kovalenko", "Harutyunyan", "Beridze"] {
            let text = format!("Putin spoke with {name}.");
            assert_ne!(
                kind_of(&text, name),
                Some(EntityKind::Organization),
                "{:?}",
                kinds(&text)
            );
        }
        let text = "Shares of Aeroflot fell.";
        assert_eq!(
            kind_of(text, "Aeroflot"),
            Some(EntityKind::Organization),
            "{:?}",
            kinds(text)
        );
    }

    #[test]
    fn a_dateline_city_in_capitals_is_a_place() {
        let text = "NAIROBI (Reuters) - Police said on Tuesday that roads were closed.";
        assert_eq!(
            kind_of(text, "NAIROBI"),
            Some(EntityKind::Place),
            "{:?}",
            kinds(text)
        );
        let text = "NATO said the FBI, ISNA and the UNHCR would help.";
        assert!(
            kinds(text).iter().all(|(_, k)| *k != EntityKind::Place),
            "{:?}",
            kinds(text)
        );
    }

    #[test]
    fn a_title_and_name_words_are_a_person() {
        let text = "President Bashar al-Assad said on Monday that the army would advance.";
        assert_eq!(
            kind_of(text, "Bashar al-Assad"),
            Some(EntityKind::Person),
            "{:?}",
            kinds(text)
        );
        let text = "The President said on Monday that President Tuesday was no name. \
                    The Executive Order and the General Meeting passed. \
                    Watergate Figure Fred Larkin Dies At 75";
        assert!(
            kinds(text).iter().all(|(_, k)| *k != EntityKind::Person),
            "{:?}",
            kinds(text)
        );
    }

    #[test]
    fn a_name_ending_in_a_head_word_is_no_person() {
        let text = "Officials said. The General Attorney's Office said.";
        assert!(
            kinds(text).iter().all(|(_, k)| *k != EntityKind::Person),
            "{:?}",
            kinds(text)
        );
    }

    #[test]
    fn an_organization_opening_a_title_is_a_mention() {
        for (text, name) in [
            ("UN Secretary-General Antonio Guterres urged calm.", "UN"),
            (
                "The United Nations Secretary-General Antonio Guterres urged calm.",
                "United Nations",
            ),
        ] {
            assert_eq!(
                kind_of(text, name),
                Some(EntityKind::Organization),
                "{:?}",
                kinds(text)
            );
            assert_eq!(kind_of(text, "Antonio Guterres"), Some(EntityKind::Person));
        }
    }

    #[test]
    fn a_nationality_is_never_a_person_or_organization() {
        let text = "Irish national airline Aer Lingus bought twelve jets.";
        assert_ne!(kind_of(text, "Irish"), Some(EntityKind::Organization));
        assert_ne!(kind_of(text, "Irish"), Some(EntityKind::Person));
    }
}
