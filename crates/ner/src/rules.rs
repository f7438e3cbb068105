//! The rule tagger: candidates are maximal runs of capitalized words, then
//! split and classified by head words, titles, the gazetteer and context.
//!
//! Per sentence:
//! 1. **Candidates**: maximal runs of capitalized words and acronyms, joined
//!    by lower-case connectors ("of", "al", "de"), "/", "&", and the period
//!    of an initial or a title abbreviation ("J. Smith", "Dr. Ahmadi"). A
//!    possessive ends the run.
//! 2. **Resolution** of each run, first rule that applies:
//!    trim sentence-initial function words and calendar words;
//!    head word (last word) of a place, organization or event, or the whole
//!    run a multi-word gazetteer name → that kind;
//!    a title phrase inside the run ("Kazakh Foreign Minister X") → person X
//!    with that title, the name-like words of the title resolved on their own;
//!    an organization word followed by a person-shaped name → split;
//!    an acronym followed by a person-shaped name → split;
//!    connectors in a run that is no organization or place → split at them;
//!    a sentence-initial ordinary English word is dropped;
//!    otherwise classify (gazetteer, demonym, acronym, person shape).
//! 3. **Context cues** for runs without a firm kind: a preceding lower-case
//!    title ("former president X"), a following speech verb ("X said") or a
//!    preceding one ("said X") → person; a locative preposition ("in X") →
//!    place, which also admits gazetteer names that are English words.
//! 4. **Acronyms in parentheses** next to their expansion are paired.
//!
//! Per document (`document.rs`): acronym definitions and person names are
//! propagated to every mention with the same text or last name.

use corroborate_model::{EntityKind, Span};

use crate::document::Draft;
use crate::gazetteer::Gazetteer;
use crate::lexicon::{
    WordClasses, EVENT_SET, MAX_TITLE_PHRASE_WORDS, ORG_SET, PLACE_HEAD_SET,
    TITLE_PHRASES_BY_FIRST_WORD,
};
use crate::sentence::Tok;

/// Title abbreviations followed by a period inside a name ("Dr. Ahmadi").
const DOTTED_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "gov", "sen", "rep",
    "st", "jr", "sr", "rev", "adm",
];

const MAX_PERSON_TOKENS: usize = 5;
const MAX_DEPTH: u8 = 8;

/// Tags one sentence; results are appended to `out` in text order.
pub(crate) struct SentenceTagger<'a, 't> {
    pub(crate) gazetteer: &'a Gazetteer,
    pub(crate) toks: &'a [Tok<'t>],
    pub(crate) text: &'t str,
    pub(crate) out: Vec<Draft>,
}

impl SentenceTagger<'_, '_> {
    pub(crate) fn run(mut self) -> Vec<Draft> {
        for (start, end) in self.candidates() {
            self.resolve(start, end, 0);
        }
        self.apply_cues();
        self.pair_acronyms();
        self.out
    }

    fn tok(&self, index: usize) -> Option<&Tok<'_>> {
        self.toks.get(index)
    }

    /// True when the token at `index` is in the word list `class`.
    fn has_class(&self, index: usize, class: u16) -> bool {
        self.toks.get(index).is_some_and(|t| t.classes.has(class))
    }

    fn lower(&self, index: usize) -> &str {
        self.toks.get(index).map_or("", |t| &*t.lower)
    }

    // ----- 1. candidates -------------------------------------------------

    fn candidates(&self) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if self.tok(i).is_some_and(Tok::is_name_part) {
                let end = self.run_end(i);
                runs.push((i, end));
                i = end;
            } else {
                i += 1;
            }
        }
        runs
    }

    /// End (exclusive) of the name run starting at `start`.
    fn run_end(&self, start: usize) -> usize {
        let mut end = start + 1;
        loop {
            if self.tok(end - 1).is_some_and(|t| t.possessive) {
                return end;
            }
            match self.joiner_len(end) {
                Some(len) => end += len + 1,
                None => return end,
            }
        }
    }

    /// Number of joining tokens at `at` followed by a name part, if the
    /// run may continue there.
    fn joiner_len(&self, at: usize) -> Option<usize> {
        let next = self.tok(at)?;
        if next.is_name_part() {
            return Some(0);
        }
        let joiners = if next.is_connector() {
            if self.tok(at + 1).is_some_and(Tok::is_connector) {
                2
            } else {
                1
            }
        } else if self.is_tight_joiner(at) {
            1
        } else {
            return None;
        };
        self.tok(at + joiners)
            .filter(|t| t.is_name_part() && !t.initial)
            .map(|_| joiners)
    }

    /// "/" and "&" between names, and the period of an initial or title.
    fn is_tight_joiner(&self, at: usize) -> bool {
        let Some(tok) = self.tok(at) else {
            return false;
        };
        if tok.is_punct('/') || tok.is_punct('&') {
            return true;
        }
        if !tok.is_punct('.') || at == 0 {
            return false;
        }
        self.tok(at - 1).is_some_and(|prev| {
            prev.span.end == tok.span.start
                && ((prev.text.chars().count() == 1 && prev.capitalized)
                    || DOTTED_TITLES.contains(&&*prev.lower))
        })
    }

    // ----- 2. resolution ---------------------------------------------------

    fn resolve(&mut self, start: usize, end: usize, depth: u8) {
        if depth > MAX_DEPTH {
            return;
        }
        let Some((start, end)) = self.trim(start, end) else {
            return;
        };
        let whole_is_place = end - start > 1
            && self
                .span_text(start, end)
                .is_some_and(|(_, text)| self.gazetteer.contains(text));
        if !whole_is_place && self.try_and_split(start, end, depth + 1) {
            return;
        }
        if self.is_regional_demonym(start, end) {
            self.push(start, end, Some(EntityKind::Other), true);
            return;
        }
        if let Some(kind) = self.head_kind(start, end) {
            self.push(start, end, Some(kind), true);
            return;
        }
        let depth = depth + 1;
        if self.try_title_split(start, end, depth)
            || self.try_org_split(start, end, depth)
            || self.try_acronym_prefix_split(start, end, depth)
            || self.try_connector_split(start, end, depth)
        {
            return;
        }
        let has_org_word = (start..end).any(|i| self.has_class(i, WordClasses::ORG));
        if end - start > 1 && self.is_initial_common(start) && !has_org_word {
            self.resolve(start + 1, end, depth);
            return;
        }
        self.classify(start, end);
    }

    /// Drops leading and trailing joiners, calendar words and
    /// sentence-initial function words.
    fn trim(&self, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
        while start < end {
            let Some(tok) = self.tok(start) else { break };
            let droppable = !tok.is_name_part()
                || tok.is_calendar()
                || (tok.initial && tok.is_function_word())
                || DOTTED_TITLES.contains(&&*tok.lower) && end - start == 1;
            if !droppable {
                break;
            }
            start += 1;
        }
        while end > start {
            let Some(tok) = self.tok(end - 1) else { break };
            if tok.is_name_part() && !tok.is_calendar() {
                break;
            }
            end -= 1;
        }
        (start < end).then_some((start, end))
    }

    fn is_initial_common(&self, index: usize) -> bool {
        self.tok(index).is_some_and(|t| {
            t.initial && (t.is_common_word() || t.is_function_word()) && !self.is_demonym(index)
        })
    }

    fn is_demonym(&self, index: usize) -> bool {
        self.tok(index).is_some_and(|t| {
            t.capitalized
                && (self.gazetteer.demonym_country(t.text).is_some()
                    || t.classes.has(WordClasses::CONTINENTAL))
        })
    }

    fn span_text(&self, start: usize, end: usize) -> Option<(Span, &str)> {
        let first = self.tok(start)?;
        let last = self.tok(end.checked_sub(1)?)?;
        let span = Span::new(first.span.start, last.span.end);
        Some((span, span.slice(self.text)?))
    }

    /// Kind decided by the head word or a multi-word gazetteer name.
    fn head_kind(&self, start: usize, end: usize) -> Option<EntityKind> {
        let head = self.lower(end - 1);
        if end - start > 1 {
            let (_, text) = self.span_text(start, end)?;
            if self.gazetteer.contains(text) {
                return Some(EntityKind::Place);
            }
            if PLACE_HEAD_SET.contains(head) {
                return Some(EntityKind::Place);
            }
            if ORG_SET.contains(head) {
                return Some(EntityKind::Organization);
            }
            if EVENT_SET.contains(head) {
                return Some(EntityKind::Other);
            }
            if self.is_region(start, end) {
                return Some(EntityKind::Place);
            }
        }
        // "Ministry of X", "University of Y", "Republic of Z".
        let first = self.lower(start);
        let followed_by_connector = self.tok(start + 1).is_some_and(Tok::is_connector);
        if end - start > 2 && followed_by_connector {
            if ORG_SET.contains(first) {
                return Some(EntityKind::Organization);
            }
            if PLACE_HEAD_SET.contains(first) {
                return Some(EntityKind::Place);
            }
        }
        None
    }

    /// "Central Asia", "Western Freedonia": a compass word before a name
    /// that is not an English word.
    fn is_region(&self, start: usize, end: usize) -> bool {
        let (Some(last), true) = (self.tok(end - 1), end - start == 2) else {
            return false;
        };
        self.has_class(start, WordClasses::REGION_MODIFIER)
            && !last.is_common_word()
            && !self.is_demonym(end - 1)
    }

    /// "Central Asian": a compass word before a nationality.
    fn is_regional_demonym(&self, start: usize, end: usize) -> bool {
        end - start == 2
            && self.has_class(start, WordClasses::REGION_MODIFIER)
            && self.is_demonym(end - 1)
    }

    /// "Russia and China", "the Eurasian Union and the CSTO": both sides of
    /// "and" are names of their own when each has a firm kind.
    fn try_and_split(&mut self, start: usize, end: usize, depth: u8) -> bool {
        let Some(and) = (start + 1..end).find(|&i| {
            self.tok(i)
                .is_some_and(|t| (t.is_connector() && t.lower == "and") || t.is_punct('&'))
        }) else {
            return false;
        };
        let stands_alone = |s: &Self, a: usize, b: usize| {
            s.trim(a, b).is_some_and(|(a, b)| {
                s.head_kind(a, b).is_some()
                    || (b - a == 1 && s.tok(a).is_some_and(|t| t.acronym))
                    || (b - a == 1 && s.is_known_place(a))
            })
        };
        if !(stands_alone(self, start, and) && stands_alone(self, and + 1, end)) {
            return false;
        }
        self.resolve(start, and, depth);
        self.resolve(and + 1, end, depth);
        true
    }

    fn is_known_place(&self, index: usize) -> bool {
        self.tok(index).is_some_and(|t| {
            !t.is_common_word()
                && (self.gazetteer.is_primary_name(t.text)
                    || self.gazetteer.fuzzy_country(t.text).is_some())
        })
    }

    /// "Kazakh Foreign Minister X": the rightmost title phrase inside the run
    /// ends the title; what follows is the person.
    fn try_title_split(&mut self, start: usize, end: usize, depth: u8) -> bool {
        let Some((phrase_start, title_end)) = self.rightmost_title(start, end) else {
            return false;
        };
        self.resolve_title_prefix(start, phrase_start, depth);
        if title_end >= end {
            return true;
        }
        if self.tok(title_end).is_some_and(Tok::is_connector) {
            // "President of Kazakhstan" is a role, not a person.
            self.resolve(title_end, end, depth);
            return true;
        }
        let person_end = (title_end..end)
            .find(|&i| {
                self.tok(i)
                    .is_some_and(|t| t.lower == "and" || t.is_punct('&'))
            })
            .unwrap_or(end);
        let title_start = self.extend_title_back(start, true);
        let title = self
            .span_text(title_start, title_end)
            .map(|(_, text)| text.to_string());
        if let Some(draft) = self.make_draft(title_end, person_end, Some(EntityKind::Person), true)
        {
            self.out.push(Draft { title, ..draft });
        }
        if person_end < end {
            self.resolve(person_end, end, depth);
        }
        true
    }

    /// Start and end of the rightmost title phrase in the run.
    fn rightmost_title(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let mut best = None;
        let mut i = start;
        while i < end {
            match self.title_phrase_at(i, end) {
                Some(len) => {
                    best = Some((i, i + len));
                    i += len;
                }
                None => i += 1,
            }
        }
        best
    }

    /// Length of the longest title phrase starting at `at` and ending by `end`.
    fn title_phrase_at(&self, at: usize, end: usize) -> Option<usize> {
        let phrases = TITLE_PHRASES_BY_FIRST_WORD.get(self.lower(at))?;
        phrases
            .iter()
            .find(|words| at + words.len() <= end && self.words_at(at, words))
            .map(|words| words.len())
    }

    /// True when the tokens from `at` on are `words` (lower case).
    fn words_at(&self, at: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, word)| self.lower(at + k) == *word)
    }

    /// The name-like words before a title ("Kazakh", "KNB", "Almaty")
    /// become mentions of their own.
    fn resolve_title_prefix(&mut self, start: usize, end: usize, depth: u8) {
        let mut run_start = None;
        for i in start..=end {
            let is_title_word = i == end
                || self
                    .tok(i)
                    .is_some_and(|t| t.classes.has(WordClasses::TITLE_MODIFIER) || t.is_punct('.'))
                || self.title_phrase_at(i, end).is_some();
            match (is_title_word, run_start) {
                (true, Some(s)) => {
                    self.resolve(s, i, depth);
                    run_start = None;
                }
                (false, None) => run_start = Some(i),
                _ => {}
            }
        }
    }

    /// Extends a title backwards over lower-case title words and modifiers
    /// ("former", "regional director", "editor-in-chief of RT").
    /// `has_title` says whether a title phrase already precedes the name
    /// (inside its run); modifiers alone make no title.
    fn extend_title_back(&self, start: usize, has_title: bool) -> usize {
        let mut first = start;
        let mut i = start;
        let mut found = has_title;
        while i > 0 {
            let prev = i - 1;
            let Some(tok) = self.tok(prev) else { break };
            if !tok.is_word {
                break;
            }
            if found && tok.classes.has(WordClasses::TITLE_MODIFIER) {
                i = prev;
                first = i;
                continue;
            }
            if let Some(len) = self.title_phrase_ending_at(i) {
                i -= len;
                first = i;
                found = true;
                continue;
            }
            if let Some(before_of) = self.of_name_before(i) {
                if let Some(len) = self.title_phrase_ending_at(before_of) {
                    i = before_of - len;
                    first = i;
                    found = true;
                    continue;
                }
            }
            break;
        }
        first
    }

    /// Length of the longest title phrase ending just before `end`.
    fn title_phrase_ending_at(&self, end: usize) -> Option<usize> {
        (1..=*MAX_TITLE_PHRASE_WORDS).rev().find(|&len| {
            end.checked_sub(len).is_some_and(|start| {
                TITLE_PHRASES_BY_FIRST_WORD
                    .get(self.lower(start))
                    .is_some_and(|phrases| {
                        phrases
                            .iter()
                            .any(|words| words.len() == len && self.words_at(start, words))
                    })
            })
        })
    }

    /// For "... of [the] Name" ending just before `end`, the index of "of".
    fn of_name_before(&self, end: usize) -> Option<usize> {
        let mut i = end;
        while i > 0 && self.tok(i - 1).is_some_and(Tok::is_name_part) {
            i -= 1;
        }
        if i == end {
            return None;
        }
        if i > 0 && self.lower(i - 1) == "the" {
            i -= 1;
        }
        (i > 0 && self.lower(i - 1) == "of").then(|| i - 1)
    }

    /// "BBC News Jane Doe": an organization head followed by a person name.
    fn try_org_split(&mut self, start: usize, end: usize, depth: u8) -> bool {
        let split = (start..end.saturating_sub(2)).find(|&k| {
            self.has_class(k, WordClasses::ORG)
                && self.tok(k + 1).is_some_and(Tok::is_name_part)
                && self.is_person_shaped(k + 1, end)
        });
        let Some(k) = split else {
            return false;
        };
        self.resolve(start, k + 1, depth);
        self.resolve(k + 1, end, depth);
        true
    }

    /// "RT Jane Doe": an acronym followed by a person name.
    fn try_acronym_prefix_split(&mut self, start: usize, end: usize, depth: u8) -> bool {
        let leads_with_acronym = self.tok(start).is_some_and(|t| t.acronym);
        if !leads_with_acronym || end - start < 3 || !self.is_person_shaped(start + 1, end) {
            return false;
        }
        self.resolve(start, start + 1, depth);
        self.resolve(start + 1, end, depth);
        true
    }

    /// "Russia and China", "Europe/Asia": a run with joiners that is no
    /// organization is several names.
    fn try_connector_split(&mut self, start: usize, end: usize, depth: u8) -> bool {
        let has_org_word = (start..end).any(|i| self.has_class(i, WordClasses::ORG));
        let joiners: Vec<usize> = (start..end)
            .filter(|&i| {
                self.tok(i)
                    .is_some_and(|t| t.is_connector() || t.is_punct('/') || t.is_punct('&'))
            })
            .collect();
        if joiners.is_empty() || has_org_word {
            return false;
        }
        let name_joiners_only = joiners.iter().all(|&i| {
            !matches!(self.lower(i), "and" | "of" | "for" | "the")
                && !self
                    .tok(i)
                    .is_some_and(|t| t.is_punct('/') || t.is_punct('&'))
        });
        if name_joiners_only {
            // "Ibrahim al Jaafari", "Ursula von der Leyen": one name.
            return false;
        }
        let mut piece_start = start;
        for &joiner in &joiners {
            if joiner > piece_start {
                self.resolve(piece_start, joiner, depth);
            }
            piece_start = joiner + 1;
        }
        if piece_start < end {
            self.resolve(piece_start, end, depth);
        }
        true
    }

    /// Two to five capitalized words, none of them a place, nationality,
    /// organization word, acronym or calendar word, and not all ordinary
    /// English words.
    fn is_person_shaped(&self, start: usize, end: usize) -> bool {
        let names: Vec<&Tok> = (start..end)
            .filter_map(|i| self.tok(i))
            .filter(|t| !t.is_connector() && !t.is_punct('.'))
            .collect();
        if names.len() < 2 || names.len() > MAX_PERSON_TOKENS {
            return false;
        }
        let all_common = names.iter().all(|t| t.is_common_word());
        !all_common
            && names.iter().all(|t| {
                t.capitalized
                    && !t.acronym
                    && !t.is_calendar()
                    && !t.classes.has(WordClasses::ORG)
                    && !t.classes.has(WordClasses::PLACE_HEAD)
                    && !t.classes.has(WordClasses::REGION_MODIFIER)
                    && !self.gazetteer.is_country(t.text)
                    && self.gazetteer.fuzzy_country(t.text).is_none()
                    && self.gazetteer.demonym_country(t.text).is_none()
                    && !t.classes.has(WordClasses::CONTINENTAL)
            })
    }

    /// Classifies a run that no structural rule resolved.
    fn classify(&mut self, start: usize, end: usize) {
        if end - start == 1 {
            self.classify_single(start);
            return;
        }
        if (start..end).any(|i| self.has_class(i, WordClasses::ORG)) {
            self.push(start, end, Some(EntityKind::Organization), true);
        } else if self.is_person_shaped(start, end) {
            self.push(start, end, Some(EntityKind::Person), false);
        } else if (start..end).all(|i| self.is_demonym(i) || self.is_place_word(i)) {
            for i in start..end {
                self.classify_single(i);
            }
        } else if !(start..end).all(|i| self.tok(i).is_some_and(Tok::is_common_word)) {
            self.push(start, end, None, false);
        }
    }

    fn is_place_word(&self, index: usize) -> bool {
        self.is_known_place(index)
    }

    fn classify_single(&mut self, index: usize) {
        let Some(tok) = self.tok(index) else { return };
        if tok.is_calendar() || tok.text.chars().count() < 2 {
            return;
        }
        if tok.acronym {
            let kind = if self.gazetteer.contains(tok.text) {
                EntityKind::Place
            } else {
                EntityKind::Organization
            };
            let firm = kind == EntityKind::Place || tok.classes.has(WordClasses::IGO);
            self.push(index, index + 1, Some(kind), firm);
            return;
        }
        if self.is_demonym(index) {
            self.push(index, index + 1, Some(EntityKind::Other), true);
            return;
        }
        let common = tok.is_common_word();
        if tok.initial && (common || tok.is_function_word()) {
            return;
        }
        if self.gazetteer.is_country(tok.text) {
            self.push(index, index + 1, Some(EntityKind::Place), true);
            return;
        }
        if self.gazetteer.is_primary_name(tok.text) || is_continent(&tok.lower) {
            // Places that are English words ("Reading") need "in", "at", ….
            let firm = !common;
            let kind = firm.then_some(EntityKind::Place);
            self.push_place_candidate(index, kind, firm, common);
            return;
        }
        if common {
            return;
        }
        if self.gazetteer.fuzzy_country(tok.text).is_some() {
            // A spelling variant of a country name ("Kazakstan").
            self.push(index, index + 1, Some(EntityKind::Place), true);
            return;
        }
        // Alternate or historical names are places unless a cue says person.
        let alternate = self.gazetteer.contains(tok.text);
        let kind = alternate.then_some(EntityKind::Place);
        self.push_place_candidate(index, kind, false, alternate);
    }

    fn push_place_candidate(
        &mut self,
        index: usize,
        kind: Option<EntityKind>,
        firm: bool,
        place_if_locative: bool,
    ) {
        if let Some(draft) = self.make_draft(index, index + 1, kind, firm) {
            self.out.push(Draft {
                place_if_locative,
                ..draft
            });
        }
    }

    fn push(&mut self, start: usize, end: usize, kind: Option<EntityKind>, firm: bool) {
        if let Some(draft) = self.make_draft(start, end, kind, firm) {
            self.out.push(draft);
        }
    }

    fn make_draft(
        &self,
        start: usize,
        end: usize,
        kind: Option<EntityKind>,
        firm: bool,
    ) -> Option<Draft> {
        let (start, end) = self.trim(start, end)?;
        let event_year =
            kind == Some(EntityKind::Other) && self.has_class(end - 1, WordClasses::EVENT);
        let start = if event_year && start.checked_sub(1).is_some_and(|i| self.is_year(i)) {
            start - 1
        } else {
            start
        };
        let (span, text) = self.span_text(start, end)?;
        Some(Draft {
            span,
            first_token: start,
            end_token: end,
            text: text.to_string(),
            kind,
            firm,
            title: None,
            expansion: None,
            acronym: end - start == 1 && self.tok(start).is_some_and(|t| t.acronym),
            place_if_locative: false,
        })
    }

    fn is_year(&self, index: usize) -> bool {
        self.tok(index).is_some_and(|t| {
            !t.is_word && t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit())
        })
    }

    // ----- 3. context cues -------------------------------------------------

    fn apply_cues(&mut self) {
        for index in 0..self.out.len() {
            let Some(draft) = self.out.get(index) else {
                continue;
            };
            if draft.firm {
                continue;
            }
            let (first, end) = (draft.first_token, draft.end_token);
            let title_start = self.extend_title_back(first, false);
            let speech = self.speech_verb_after(end) || self.speech_verb_before(first);
            let initial = self.tok(first).is_some_and(|t| t.initial);
            let locative = first > 0 && self.has_class(first - 1, WordClasses::LOCATIVE);
            let Some(draft) = self.out.get_mut(index) else {
                continue;
            };
            if title_start < first {
                draft.kind = Some(EntityKind::Person);
                draft.firm = true;
                draft.title = self
                    .toks
                    .get(title_start)
                    .zip(self.toks.get(first - 1))
                    .and_then(|(a, b)| Span::new(a.span.start, b.span.end).slice(self.text))
                    .map(str::to_string);
            } else if locative && draft.place_if_locative {
                draft.kind = Some(EntityKind::Place);
                draft.firm = true;
            } else if speech && !initial {
                draft.kind = Some(EntityKind::Person);
                draft.firm = true;
            } else if locative && draft.kind.is_none() {
                draft.kind = Some(EntityKind::Place);
            }
        }
    }

    fn speech_verb_after(&self, end: usize) -> bool {
        let index = if self.tok(end).is_some_and(|t| t.is_punct(',')) {
            end + 1
        } else {
            end
        };
        self.has_class(index, WordClasses::SPEECH)
    }

    fn speech_verb_before(&self, first: usize) -> bool {
        first > 0 && self.has_class(first - 1, WordClasses::SPEECH)
    }

    // ----- 4. acronyms -------------------------------------------------------

    /// "Collective Security Treaty Organization (CSTO)" and the reverse.
    pub(crate) fn pair_acronyms(&mut self) {
        for index in 1..self.out.len() {
            let (Some(left), Some(right)) = (self.out.get(index - 1), self.out.get(index)) else {
                continue;
            };
            let in_parens = right.first_token == left.end_token + 1
                && self.tok(left.end_token).is_some_and(|t| t.is_punct('('))
                && self.tok(right.end_token).is_some_and(|t| t.is_punct(')'));
            if !in_parens {
                continue;
            }
            let (long, short) = match (left.acronym, right.acronym) {
                (false, true) => (index - 1, index),
                (true, false) => (index, index - 1),
                _ => continue,
            };
            self.pair(long, short);
        }
    }

    fn pair(&mut self, long: usize, short: usize) {
        let (Some(long_draft), Some(short_draft)) = (self.out.get(long), self.out.get(short))
        else {
            return;
        };
        let matches = initials_match(&long_draft.text, &short_draft.text);
        let org = long_draft.kind == Some(EntityKind::Organization);
        if !matches && !org {
            return;
        }
        let (long_text, long_kind) = (long_draft.text.clone(), long_draft.kind);
        let short_text = short_draft.text.clone();
        if let Some(draft) = self.out.get_mut(long) {
            draft.expansion = Some(short_text);
        }
        if let Some(draft) = self.out.get_mut(short) {
            draft.expansion = Some(long_text);
            if long_kind.is_some() {
                draft.kind = long_kind;
                draft.firm = true;
            }
        }
    }
}

impl SentenceTagger<'_, '_> {
    // ----- 5. post-processing for drafts of the statistical tagger ----------

    /// Strips leading title words from person drafts and attaches the
    /// title before each person ("former president", "Foreign Minister").
    pub(crate) fn attach_titles(&mut self) {
        for index in 0..self.out.len() {
            let Some(draft) = self.out.get(index) else {
                continue;
            };
            if draft.kind != Some(EntityKind::Person) || draft.title.is_some() {
                continue;
            }
            let (mut first, end) = (draft.first_token, draft.end_token);
            while let Some(len) = self.title_phrase_at(first, end) {
                if first + len >= end {
                    break;
                }
                first += len;
            }
            let title_start = self.extend_title_back(first, first > draft.first_token);
            let title = (title_start < first)
                .then(|| self.span_text(title_start, first))
                .flatten()
                .map(|(_, text)| text.to_string());
            let name = self
                .span_text(first, end)
                .map(|(span, text)| (span, text.to_string()));
            let (Some(draft), Some((span, text))) = (self.out.get_mut(index), name) else {
                continue;
            };
            if first > draft.first_token {
                draft.first_token = first;
                draft.span = span;
                draft.text = text;
            }
            draft.title = title;
        }
    }
}

/// True when the acronym's letters are the initials of the name's words
/// (connectors may be skipped), or a subsequence starting with the first.
fn initials_match(name: &str, acronym: &str) -> bool {
    let initials: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || initials.first() != letters.first() {
        return false;
    }
    let mut remaining = initials.iter();
    letters
        .iter()
        .all(|letter| remaining.any(|initial| initial == letter))
}

fn is_continent(lower: &str) -> bool {
    matches!(
        lower,
        "africa" | "asia" | "europe" | "antarctica" | "oceania" | "eurasia" | "australasia"
    ) || lower == "america"
}
