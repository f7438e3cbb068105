//! Organizations that look like surnames or words ("Boeing", "Ryanair",
//! "Lockheed Martin"): the model, trained mostly on general text, takes
//! such names for people. Two kinds of knowledge correct it, report by
//! report:
//!
//! * **a list** of organization names (`data/organizations.txt`, built by
//!   `scripts/build_organizations.py` from the constituents of major stock
//!   indices, plus news agencies and broadcasters): a listed name is an
//!   organization wherever it is capitalized, and is found even where the
//!   model missed it. A listed name that is also an English word ("Shell")
//!   only re-types a name the model found, never at a sentence start; a
//!   one-word name listed only with its legal form ("Lindsay Corporation")
//!   does not re-type a person either (companies named after a founder);
//! * **document evidence**: a legal form ("Aer Lingus Group PLC", "Acme
//!   Inc"), a business noun right before the name ("airline Ryanair",
//!   "aircraft manufacturer, Boeing", "magazine Der Spiegel") or in an
//!   apposition after it ("Ryanair, the Irish carrier"), or a company's
//!   possession after it ("Boeing's chief executive", "Apple shares").
//!
//! An organization found so is one everywhere in the report, under its
//! name and its name without the legal form. A name the model tagged as a
//! place keeps its kind unless the evidence is about that very mention
//! (a country is often used for its government or team).
//! A listed name followed by model numbers ("Airbus A380", "Boeing 787")
//! is the maker; the product is not a name of an organization.

use std::collections::HashSet;
use std::sync::LazyLock;

use corroborate_model::{EntityKind, Span};
use rustc_hash::FxHashMap;

use crate::document::{add_runs, initials, overlaps_any, Draft};
use crate::gazetteer::Gazetteer;
use crate::lexicon::WordClasses;
use crate::sentence::{follows_a_name, stands_alone, Sentences, Tok};

static LIST: &str = include_str!("../data/organizations.txt");

/// How safely a listed name can be taken for the organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listing {
    /// A name of its own ("Lockheed Martin", "Boeing").
    Plain,
    /// Also an ordinary English word ("Shell", "Target").
    Word,
    /// A one-word name only listed with a legal form ("Lindsay
    /// Corporation"): often also a person's name.
    Shortened,
}

/// Listed names by text.
static KNOWN: LazyLock<FxHashMap<&'static str, Listing>> = LazyLock::new(|| {
    LIST.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (name, flags) = line.split_once('\t').unwrap_or((line, ""));
            let listing = if flags.contains('s') {
                Listing::Shortened
            } else if flags.contains('w') {
                Listing::Word
            } else {
                Listing::Plain
            };
            (!name.is_empty()).then_some((name, listing))
        })
        .collect()
});

/// Longest listed name, in tokens, that the scan looks for.
const MAX_LISTED_TOKENS: usize = 6;

/// Legal forms that end a company's name.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "co.",
    "co",
    "ltd",
    "ltd.",
    "limited",
    "plc",
    "llc",
    "ag",
    "sa",
    "s.a.",
    "nv",
    "n.v.",
    "n.v",
    "gmbh",
    "se",
    "spa",
    "s.p.a.",
    "oyj",
    "asa",
];

/// Group words dropped with a legal form ("Aer Lingus Group PLC").
const GROUP_WORDS: &[&str] = &["group", "holding", "holdings"];

/// Business nouns that name what kind of organization follows or is meant
/// ("airline Ryanair", "Ryanair, the low-cost carrier").
const BUSINESS_NOUNS: &[&str] = &[
    "airline",
    "carrier",
    "automaker",
    "carmaker",
    "manufacturer",
    "maker",
    "airframer",
    "planemaker",
    "chipmaker",
    "company",
    "firm",
    "conglomerate",
    "corporation",
    "retailer",
    "supermarket",
    "bank",
    "lender",
    "insurer",
    "broadcaster",
    "newspaper",
    "magazine",
    "daily",
    "tabloid",
    "publisher",
    "agency",
    "operator",
    "supplier",
    "contractor",
    "startup",
    "start-up",
    "brand",
    "network",
    "channel",
    "subsidiary",
    "giant",
];

/// What only a company has, after "X's" or right after the name.
const COMPANY_POSSESSIONS: &[&str] = &[
    "ceo",
    "shares",
    "shareholders",
    "stock",
    "subsidiary",
    "headquarters",
    "board",
    "revenue",
    "revenues",
    "profit",
    "profits",
    "earnings",
];

/// Re-types and adds organizations in a report's drafts (see the module
/// documentation).
pub(crate) fn apply(drafts: &mut Vec<Draft>, sentence_toks: &[Vec<Tok>], text: &str) {
    let sentences = Sentences::new(sentence_toks);
    narrow_to_organizations(drafts, &sentences, text);
    add_evidenced_runs(drafts, sentence_toks, text);
    let mut names: HashSet<String> = HashSet::new();
    let mut direct: HashSet<Span> = HashSet::new();
    for draft in drafts.iter() {
        let Some(toks) = sentences.of(draft.span) else {
            continue;
        };
        if is_listed(draft, toks)
            || has_evidence(draft, toks)
            || is_unit_of_listed(draft, toks, text)
        {
            direct.insert(draft.span);
            names.insert(draft.text.clone());
            if let Some(base) = without_legal_form(&draft.text) {
                names.insert(base);
            }
        }
    }
    for draft in drafts.iter_mut() {
        let place = draft.kind == Some(EntityKind::Place);
        if names.contains(&draft.text) && (!place || direct.contains(&draft.span)) {
            draft.kind = Some(EntityKind::Organization);
            draft.firm = true;
        }
    }
    add_listed(drafts, sentence_toks, text);
    add_confirmed_word_names(drafts, sentence_toks, text);
    add_headed_runs(drafts, sentence_toks, text);
    add_acronyms_of_organizations(drafts, sentence_toks, text);
}

/// "GM" in a report about "General Motors Corp.": an acronym the model
/// left out whose letters are the initials of an organization the report
/// names with two words or more (legal forms and "of", "and", "the", "&"
/// aside) is that organization.
fn add_acronyms_of_organizations(drafts: &mut Vec<Draft>, sentence_toks: &[Vec<Tok>], text: &str) {
    let by_initials: HashSet<String> = drafts
        .iter()
        .filter(|d| d.kind == Some(EntityKind::Organization))
        .filter_map(|d| {
            initials(
                &without_legal_form(&d.text).unwrap_or_else(|| d.text.clone()),
                2,
            )
        })
        .collect();
    if by_initials.is_empty() {
        return;
    }
    // No `expansion`: the report does not define the acronym; the merge
    // joins it by the initials and says so.
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Organization,
        |toks, i| (toks[i].acronym && by_initials.contains(toks[i].text)).then_some((i, i + 1)),
    );
}

/// Longest run of words an institution's name spans ("Ministry of
/// Emergency Situations and Civil Defence").
const MAX_HEADED_RUN: usize = 8;

/// Institutions the model left out ("The Foreign Ministry said", "the
/// Ministry of Foreign Affairs"): a run of capitalized words (with "of",
/// "for", "and", "&" inside) of at least two capitalized words, ending in an
/// organization head word ("Ministry", "Office", "Council", "Party",
/// "Agency", …) or in "head of …". Function words opening a sentence are
/// not part of it. Unless the head names a public body
/// ([`PUBLIC_BODY_HEADS`]), a word of the run must be no English word.
fn add_headed_runs(drafts: &mut Vec<Draft>, sentence_toks: &[Vec<Tok>], text: &str) {
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Organization,
        |toks, start| Some((start, headed_run_at(toks, start)?)),
    );
}

/// The end of an institution's name starting at `start` (see
/// [`add_headed_runs`]). In a headline every word is capitalized, so only
/// the first word may be sentence-initial; the name ends at its last head
/// word ("Woodburn Police Department" of "Woodburn Police Department
/// Capt."), unless "of" follows the head ("Ministry of Foreign Affairs").
fn headed_run_at(toks: &[Tok], start: usize) -> Option<usize> {
    let first = toks.get(start)?;
    let opens = first.capitalized && !first.is_function_word() && !first.acronym;
    let previous_is_name = follows_a_name(toks, start);
    if !opens || previous_is_name {
        return None;
    }
    let mut end = start + 1;
    while end < toks.len() && end - start < MAX_HEADED_RUN {
        let tok = &toks[end];
        let inner_connector = matches!(tok.text, "of" | "for" | "and" | "&")
            && toks
                .get(end + 1)
                .is_some_and(|next| next.capitalized && !next.initial);
        if (tok.is_word && tok.capitalized && !tok.initial) || inner_connector {
            end += 1;
        } else {
            break;
        }
    }
    if toks.get(end).is_some_and(Tok::is_name_part) {
        return None;
    }
    let is_head = |t: &Tok| t.capitalized && t.classes.has(WordClasses::ORG);
    let last_head = toks[start..end].iter().rposition(is_head)? + start;
    let of_follows = toks.get(last_head + 1).is_some_and(|t| t.text == "of");
    let end = if of_follows { end } else { last_head + 1 };
    let run = &toks[start..end];
    let capitalized = run.iter().filter(|t| t.capitalized).count();
    // "Foreign Ministry" is a body of any state; "Small Group" or "Current
    // News" needs a proper name in it to be one organization.
    let public_body = PUBLIC_BODY_HEADS.contains(&toks[last_head].lower.as_ref());
    let proper = run
        .iter()
        .any(|t| t.capitalized && !t.classes.has(WordClasses::ENGLISH));
    (capitalized >= 2 && (public_body || proper)).then_some(end)
}

/// Head words of the bodies every state has, named by common words.
const PUBLIC_BODY_HEADS: &[&str] = &[
    "ministry",
    "department",
    "office",
    "committee",
    "commission",
    "council",
    "agency",
    "service",
    "court",
    "tribunal",
    "parliament",
    "senate",
    "assembly",
    "congress",
    "government",
    "administration",
    "police",
    "army",
    "navy",
    "guard",
    "forces",
];

/// One-word listed names that are also English words or only listed with
/// a legal form ("Apple", "Shell", "Target"): once the report writes one
/// capitalized in mid-sentence, on its own and not inside a person's name,
/// it names the company there and at every capitalized occurrence of the
/// report, a sentence start included.
fn add_confirmed_word_names(drafts: &mut Vec<Draft>, sentence_toks: &[Vec<Tok>], text: &str) {
    let persons: Vec<Span> = drafts
        .iter()
        .filter(|d| d.kind == Some(EntityKind::Person))
        .map(|d| d.span)
        .collect();
    let is_word_listing = |tok: &Tok| {
        tok.capitalized
            && matches!(
                KNOWN.get(tok.text),
                Some(Listing::Word | Listing::Shortened)
            )
    };
    let mut confirmed: HashSet<&str> = HashSet::new();
    for toks in sentence_toks {
        for (index, tok) in toks.iter().enumerate() {
            if is_word_listing(tok)
                && !tok.initial
                && stands_alone(toks, index)
                && !overlaps_any(&persons, tok.span)
            {
                confirmed.insert(tok.text);
            }
        }
    }
    if confirmed.is_empty() {
        return;
    }
    for draft in drafts.iter_mut() {
        if confirmed.contains(draft.text.as_str()) && draft.kind != Some(EntityKind::Place) {
            draft.kind = Some(EntityKind::Organization);
            draft.firm = true;
        }
    }
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Organization,
        |toks, i| (confirmed.contains(toks[i].text) && stands_alone(toks, i)).then_some((i, i + 1)),
    );
}

/// Whether `name` is in the organization list, in any listing.
pub(crate) fn is_listed_name(name: &str) -> bool {
    KNOWN.contains_key(name)
}

fn is_listed(draft: &Draft, toks: &[Tok]) -> bool {
    let initial = toks.get(draft.first_token).is_some_and(|t| t.initial);
    match KNOWN.get(draft.text.as_str()) {
        Some(Listing::Plain) => true,
        Some(Listing::Word) => !initial,
        Some(Listing::Shortened) => !initial && draft.kind != Some(EntityKind::Person),
        None => false,
    }
}

fn has_evidence(draft: &Draft, toks: &[Tok]) -> bool {
    ends_in_legal_form(draft, toks)
        || business_noun_before(draft, toks)
        || apposition_after(draft, toks)
        || company_possession_after(draft, toks)
}

fn is_legal_form(tok: &Tok) -> bool {
    LEGAL_FORMS.contains(&tok.lower.as_ref())
}

fn ends_in_legal_form(draft: &Draft, toks: &[Tok]) -> bool {
    let last = draft.end_token.checked_sub(1).and_then(|i| toks.get(i));
    let inside = draft.end_token - draft.first_token > 1 && last.is_some_and(is_legal_form);
    inside || toks.get(draft.end_token).is_some_and(is_legal_form)
}

fn is_business_noun(tok: &Tok) -> bool {
    !tok.capitalized && BUSINESS_NOUNS.contains(&tok.lower.as_ref())
}

/// "airline Ryanair", "low cost airline, Ryanair".
fn business_noun_before(draft: &Draft, toks: &[Tok]) -> bool {
    let mut index = draft.first_token;
    if index >= 1 && toks.get(index - 1).is_some_and(|t| t.is_punct(',')) {
        index -= 1;
    }
    index >= 1 && toks.get(index - 1).is_some_and(is_business_noun)
}

/// "Ryanair, the Irish low-cost carrier": a business noun within the few
/// words of an apposition.
fn apposition_after(draft: &Draft, toks: &[Tok]) -> bool {
    let comma = toks.get(draft.end_token).is_some_and(|t| t.is_punct(','));
    let article = toks
        .get(draft.end_token + 1)
        .is_some_and(|t| matches!(t.lower.as_ref(), "the" | "a" | "an"));
    if !(comma && article) {
        return false;
    }
    toks.iter()
        .skip(draft.end_token + 2)
        .take(4)
        .take_while(|t| t.is_word)
        .any(is_business_noun)
}

/// "Boeing's chief executive", "Apple shares", "Ryanair CEO".
fn company_possession_after(draft: &Draft, toks: &[Tok]) -> bool {
    let last_possessive = draft
        .end_token
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .is_some_and(|t| t.possessive);
    let Some(next) = toks.get(draft.end_token) else {
        return false;
    };
    let chief_executive = next.lower == "chief"
        && toks
            .get(draft.end_token + 1)
            .is_some_and(|t| t.lower == "executive");
    chief_executive
        || COMPANY_POSSESSIONS.contains(&next.lower.as_ref())
            && (last_possessive || next.lower != "board")
}

/// "Aer Lingus Group PLC" → "Aer Lingus".
fn without_legal_form(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let before = words.len();
    while words.len() > 1 {
        let last = words[words.len() - 1].to_lowercase();
        let last = last.trim_end_matches(',');
        if LEGAL_FORMS.contains(&last) || GROUP_WORDS.contains(&last) {
            words.pop();
        } else {
            break;
        }
    }
    (words.len() < before).then(|| words.join(" ").trim_end_matches(',').to_string())
}

/// Drafts that hold an organization and something else become the
/// organization alone (or with the word the model left out).
fn narrow_to_organizations(drafts: &mut [Draft], sentences: &Sentences, text: &str) {
    for draft in drafts.iter_mut() {
        let Some(toks) = sentences.of(draft.span) else {
            continue;
        };
        let range = maker_before_model_numbers(draft, toks, text)
            .or_else(|| company_before_ceo(draft, toks))
            .or_else(|| airline_of_place(draft, toks));
        let Some((start, end)) = range else {
            continue;
        };
        if let Some(organization) =
            Draft::firm_run(toks, start, end, EntityKind::Organization, text)
        {
            *draft = organization;
        }
    }
}

/// A model number: letters and digits with at least one digit ("A380",
/// "787", "737s", "A320neo").
fn is_model_number(tok: &Tok) -> bool {
    tok.is_word && tok.text.chars().any(|c| c.is_ascii_digit())
}

/// "Airbus A380" → "Airbus": a listed maker followed only by model numbers.
fn maker_before_model_numbers(draft: &Draft, toks: &[Tok], text: &str) -> Option<(usize, usize)> {
    let end = (draft.first_token + 1..draft.end_token).find(|&end| {
        toks.get(end..draft.end_token)
            .is_some_and(|rest| rest.iter().all(is_model_number))
            && listed_text(toks, draft.first_token, end, text).is_some()
    })?;
    Some((draft.first_token, end))
}

/// "Ryanair CEO" tagged as one person: the company before a title that
/// only companies give.
fn company_before_ceo(draft: &Draft, toks: &[Tok]) -> Option<(usize, usize)> {
    let last = toks.get(draft.end_token.checked_sub(1)?)?;
    (draft.end_token - draft.first_token >= 2 && last.lower == "ceo")
        .then_some((draft.first_token, draft.end_token - 1))
}

/// "Air China": an airline named "Air" and a place, which the model
/// splits into a word and the place or tags as a place as a whole.
fn airline_of_place(draft: &Draft, toks: &[Tok]) -> Option<(usize, usize)> {
    if draft.kind != Some(EntityKind::Place) {
        return None;
    }
    if draft.end_token - draft.first_token >= 2 && toks.get(draft.first_token)?.text == "Air" {
        return Some((draft.first_token, draft.end_token));
    }
    let before = draft.first_token.checked_sub(1)?;
    (toks.get(before)?.text == "Air").then_some((before, draft.end_token))
}

/// "Boeing Commercial Airplanes" tagged as a person: a name that starts
/// with a listed company's name is one of its units, not a person.
fn is_unit_of_listed(draft: &Draft, toks: &[Tok], text: &str) -> bool {
    draft.kind == Some(EntityKind::Person)
        && (draft.first_token + 1..draft.end_token).any(|end| {
            listed_text(toks, draft.first_token, end, text)
                .is_some_and(|name| KNOWN.get(name) == Some(&Listing::Plain))
        })
}

/// The text of tokens `start..end` when it is a listed name.
/// A possessive ending is tried too: "Standard & Poor's" is listed with it.
fn listed_text<'a>(toks: &[Tok], start: usize, end: usize, text: &'a str) -> Option<&'a str> {
    let first = toks.get(start)?;
    let last = toks.get(end.checked_sub(1)?)?;
    let name = Span::new(first.span.start, last.span.end).slice(text)?;
    if KNOWN.contains_key(name) {
        return Some(name);
    }
    let rest = text.get(last.span.end..)?;
    let ending = ["'s", "\u{2019}s"]
        .into_iter()
        .find(|e| rest.starts_with(e))?;
    let with_possessive = text.get(first.span.start..last.span.end + ending.len())?;
    (last.possessive && KNOWN.contains_key(with_possessive)).then_some(with_possessive)
}

/// Runs of capitalized words the model left out that evidence shows to
/// be organizations ("low cost airline, Ryanair, announced").
fn add_evidenced_runs(drafts: &mut Vec<Draft>, sentence_toks: &[Vec<Tok>], text: &str) {
    let covered: Vec<Span> = drafts.iter().map(|d| d.span).collect();
    for toks in sentence_toks {
        let mut start = 0;
        while start < toks.len() {
            let run = toks[start..]
                .iter()
                .take_while(|t| t.is_name_part())
                .count();
            let end = start + run.max(1);
            let single_initial = run == 1 && toks[start].initial;
            let draft = (run > 0 && !single_initial)
                .then(|| Draft::firm_run(toks, start, end, EntityKind::Organization, text))
                .flatten()
                .filter(|d| !overlaps_any(&covered, d.span) && has_evidence(d, toks));
            drafts.extend(draft);
            start = end;
        }
    }
    drafts.sort_by_key(|d| d.span.start);
}

/// Listed names the model missed: the longest listed run of capitalized
/// words not overlapping a draft. English-word names, and single English
/// words at a sentence start, are left to the model.
fn add_listed(drafts: &mut Vec<Draft>, sentence_toks: &[Vec<Tok>], text: &str) {
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Organization,
        |toks, start| Some((start, longest_listed_at(toks, start, text)?)),
    );
}

/// The first word of a two- or three-word organization, used alone
/// later ("Lockheed Martin" … "Lockheed", "Northrop Grumman" …
/// "Northrop"): a company named after its founders is shortened to the
/// first name. Only a word that is no English word, place or nationality
/// ("General Motors", "Air Canada", "European Union" are never
/// shortened), and never where a person's full name holds the word.
pub(crate) fn add_short_forms(
    drafts: &mut Vec<Draft>,
    sentence_toks: &[Vec<Tok>],
    text: &str,
    gazetteer: &Gazetteer,
) {
    // Words of the full names of persons ("Ann Halvorsen"); a bare
    // "Halvorsen" the model took for a person is what is being decided.
    let persons: HashSet<&str> = drafts
        .iter()
        .filter(|d| d.kind == Some(EntityKind::Person) && d.text.contains(' '))
        .flat_map(|d| d.text.split(' '))
        .collect();
    let mut short_forms: HashSet<String> = HashSet::new();
    for draft in drafts.iter() {
        let words: Vec<&str> = draft.text.split(' ').collect();
        let first = words[0];
        let shortenable = draft.kind == Some(EntityKind::Organization)
            && (2..=3).contains(&words.len())
            && first.chars().count() >= 3
            && first.chars().next().is_some_and(char::is_uppercase)
            && first.chars().all(char::is_alphabetic)
            && !first.chars().all(char::is_uppercase)
            && !crate::lexicon::is_english_word(&first.to_lowercase())
            && !gazetteer.contains(first)
            && gazetteer.demonym_country(first).is_none()
            && !persons.contains(first);
        if shortenable {
            short_forms.insert(first.to_string());
        }
    }
    if short_forms.is_empty() {
        return;
    }
    for draft in drafts.iter_mut() {
        if short_forms.contains(&draft.text) && draft.kind != Some(EntityKind::Place) {
            draft.kind = Some(EntityKind::Organization);
            draft.firm = true;
        }
    }
    add_runs(
        drafts,
        sentence_toks,
        text,
        EntityKind::Organization,
        |toks, i| {
            (stands_alone(toks, i) && short_forms.contains(toks[i].text)).then_some((i, i + 1))
        },
    );
}

/// The end of the longest plainly listed name starting a capitalized run
/// at `start`, when the run ends with it.
fn longest_listed_at(toks: &[Tok], start: usize, text: &str) -> Option<usize> {
    let first = toks.get(start)?;
    let previous_is_name = follows_a_name(toks, start);
    if !first.is_name_part() || previous_is_name {
        return None;
    }
    let last = (start + MAX_LISTED_TOKENS).min(toks.len());
    let end = (start + 1..=last).rev().find(|&end| {
        // A plainly listed name is no English word, so a sentence start
        // says nothing against it; a word-like one is left to the model.
        let single_initial =
            end == start + 1 && first.initial && first.classes.has(WordClasses::ENGLISH);
        !single_initial
            && listed_text(toks, start, end, text)
                .is_some_and(|name| KNOWN.get(name) == Some(&Listing::Plain))
    })?;
    (!toks.get(end).is_some_and(Tok::is_name_part)).then_some(end)
}

#[cfg(test)]
mod tests {
    use corroborate_model::EntityKind;

    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        let sentences = corroborate_text::sentences(text);
        crate::extract(text, &sentences, &corroborate_text::tokens(text))
            .into_iter()
            .map(|m| (m.text, m.kind))
            .collect()
    }

    fn has(found: &[(String, EntityKind)], name: &str, kind: EntityKind) -> bool {
        found.iter().any(|(t, k)| t == name && *k == kind)
    }

    #[test]
    fn a_listed_company_is_an_organization_even_when_it_looks_like_a_person() {
        let found = kinds("The contract went to Lockheed Martin, and Northrop Grumman protested.");
        assert!(
            has(&found, "Lockheed Martin", EntityKind::Organization),
            "{found:?}"
        );
        assert!(
            has(&found, "Northrop Grumman", EntityKind::Organization),
            "{found:?}"
        );
    }

    #[test]
    fn business_nouns_and_legal_forms_make_unlisted_names_organizations() {
        let found = kinds(
            "Shares in Veltrano Holdings PLC fell. Analysts said Veltrano had overreached. \
             The deal was signed by low-cost airline Skyvarra on Monday. \
             Kelmor, the Danish shipping company, declined to comment.",
        );
        assert!(
            has(&found, "Veltrano", EntityKind::Organization),
            "{found:?}"
        );
        assert!(
            has(&found, "Skyvarra", EntityKind::Organization),
            "{found:?}"
        );
        assert!(has(&found, "Kelmor", EntityKind::Organization), "{found:?}");
    }

    #[test]
    fn a_maker_before_model_numbers_is_the_organization() {
        // The maker before its model is a product's name, not a mention of
        // the organization; it still tells that the maker is one.
        let found = kinds(
            "The airline ordered ten Airbus A350 jets and two Boeing 787s. \
             Airbus said the order was its largest, and Boeing declined to comment.",
        );
        assert!(has(&found, "Airbus", EntityKind::Organization), "{found:?}");
        assert!(has(&found, "Boeing", EntityKind::Organization), "{found:?}");
        assert_eq!(
            found.iter().filter(|(t, _)| t == "Airbus").count(),
            1,
            "{found:?}"
        );
        assert!(!found.iter().any(|(t, _)| t.contains("A350")), "{found:?}");
    }

    #[test]
    fn the_first_word_of_a_founders_company_alone_is_the_company() {
        let found =
            kinds("Halvorsen Petrak Inc won the contract. Rivals said Halvorsen had cut prices.");
        assert!(
            has(&found, "Halvorsen", EntityKind::Organization),
            "{found:?}"
        );
        let found = kinds("Workers at General Motors struck. General Lee said.");
        assert!(
            !has(&found, "General", EntityKind::Organization),
            "{found:?}"
        );
    }

    #[test]
    fn a_word_company_named_in_mid_sentence_is_named_at_sentence_starts_too() {
        let found = kinds(
            "Shares of Apple rose on Monday. Apple said sales grew. \
             Apple pie is popular, but nobody asked.",
        );
        let apples = found
            .iter()
            .filter(|(t, k)| t == "Apple" && *k == EntityKind::Organization)
            .count();
        assert!(apples >= 2, "{found:?}");
        // Without a mid-sentence mention, a sentence-initial word is left alone.
        let found = kinds("Apple pie is popular. Target practice starts at noon.");
        assert!(
            !has(&found, "Apple", EntityKind::Organization)
                && !has(&found, "Target", EntityKind::Organization),
            "{found:?}"
        );
    }

    #[test]
    fn an_institution_named_by_its_head_word_is_found() {
        for (text, name) in [
            ("The Foreign Ministry said.", "Foreign Ministry"),
            (
                "Officials said. The Foreign Ministry said.",
                "Foreign Ministry",
            ),
            (
                "Aid came from the Ministry of Foreign Affairs on Monday.",
                "Ministry of Foreign Affairs",
            ),
        ] {
            let found = kinds(text);
            assert!(
                has(&found, name, EntityKind::Organization),
                "{text}: {found:?}"
            );
        }
        let found = kinds("The Foreign Minister said.");
        assert!(
            !has(&found, "Foreign Minister", EntityKind::Organization),
            "{found:?}"
        );
        let found = kinds("Officials said. Al-Jazeera reported it.");
        assert!(
            has(&found, "Al-Jazeera", EntityKind::Organization),
            "{found:?}"
        );
        // A headline capitalizes every word; common words name no body.
        let found = kinds("Technicolor Star Dies At Age 91 After Party Career");
        assert!(
            found.iter().all(|(_, k)| *k != EntityKind::Organization),
            "{found:?}"
        );
    }

    #[test]
    fn an_acronym_of_a_named_organization_is_it() {
        let found = kinds(
            "Harrow Motors Corp. said it would cut jobs. HM chief executive Ana Lind said so.",
        );
        assert!(has(&found, "HM", EntityKind::Organization), "{found:?}");
    }

    #[test]
    fn air_and_a_country_is_an_airline() {
        let found = kinds("Passengers of Air Veloria and Air Canada were stranded.");
        assert!(
            has(&found, "Air Canada", EntityKind::Organization),
            "{found:?}"
        );
        // Tagged as a place as a whole (a regression seen on MEANTIME).
        let found =
            kinds("Vantor offers funding to search for the boxes from the Air France disaster.");
        assert!(
            has(&found, "Air France", EntityKind::Organization),
            "{found:?}"
        );
    }

    #[test]
    fn a_company_before_ceo_is_the_company() {
        let found = kinds(
            "Skyvarra CEO, Mara Olen, spoke first. Later, the low-cost airline Skyvarra said more.",
        );
        assert!(
            has(&found, "Skyvarra", EntityKind::Organization),
            "{found:?}"
        );
        assert!(has(&found, "Mara Olen", EntityKind::Person), "{found:?}");
    }

    #[test]
    fn a_unit_named_after_a_listed_company_is_an_organization() {
        let found = kinds("The order was confirmed by Boeing Commercial Airplanes yesterday.");
        assert!(
            has(
                &found,
                "Boeing Commercial Airplanes",
                EntityKind::Organization
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_person_sharing_a_name_with_a_founders_company_stays_a_person() {
        let found = kinds("Lindsay Lohan checked into rehab. Lindsay Lohan said little.");
        assert!(
            has(&found, "Lindsay Lohan", EntityKind::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_person_with_a_spokesman_stays_a_person() {
        let found = kinds("Oskar Delvane's spokesman said Delvane would not resign.");
        assert!(has(&found, "Delvane", EntityKind::Person), "{found:?}");
    }

    #[test]
    fn an_english_word_company_is_not_found_at_a_sentence_start() {
        let found = kinds("Target practice began at dawn near the village.");
        assert!(!found.iter().any(|(t, _)| t == "Target"), "{found:?}");
    }

    #[test]
    fn a_legal_form_is_dropped_for_the_other_mentions() {
        assert_eq!(
            super::without_legal_form("Aer Lingus Group PLC").as_deref(),
            Some("Aer Lingus")
        );
        assert_eq!(super::without_legal_form("Acme"), None);
    }
}
