//! Merge rules that join names sharing a canonical key: punctuation and
//! spacing variants, one country's names, one gazetteer place's names, one
//! government institution's names, and the forms of a person's name
//! (titles, middle initials, a given name alone). Every rule blocks by its
//! key, never by comparing all pairs.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use corroborate_model::EntityKind;

use super::{most_named_countries, Form, Merger};
use crate::aliases::organization_alias_group;
use crate::countries::{country_code, qualifier_country};
use crate::institutions::institution_key;
use crate::names::LEGAL_FORMS;
use crate::names::{spelling_key, translit_key};
use crate::people::{
    is_nickname_pair, person_words, split_generation, without_arabic_article, without_full_middle,
    without_middle,
};

impl Merger<'_> {
    /// Joins each form to the first form of its (kind, key) block.
    fn join_blocks(
        &mut self,
        keys: Vec<Option<String>>,
        rule: &str,
        detail: impl Fn(&Form, &Form, &str) -> String,
    ) {
        let mut first_of: HashMap<(EntityKind, String), usize> = HashMap::new();
        for (i, key) in keys.into_iter().enumerate() {
            let Some(key) = key else { continue };
            match first_of.get(&(self.kinds[i], key.clone())) {
                Some(&first) => {
                    let text = detail(&self.forms[first], &self.forms[i], &key);
                    self.union(first, i, rule, text);
                }
                None => {
                    first_of.insert((self.kinds[i], key), i);
                }
            }
        }
    }

    /// "Al-Jazeera" / "Al Jazeera", "U.S." / "US", "Attorney-General's" /
    /// "Attorney General's": one spelling key.
    pub(super) fn join_spelling_variants(&mut self) {
        let keys = self
            .forms
            .iter()
            .map(|f| Some(spelling_key(&f.folded)))
            .collect();
        self.join_blocks(keys, "punctuation", |a, b, _| {
            format!(
                "{} and {} differ only in punctuation, spacing or an article",
                a.display(),
                b.display()
            )
        });
    }

    /// The ISO code of each place form that names a country.
    pub(super) fn country_codes(&self) -> Vec<Option<String>> {
        (0..self.forms.len())
            .map(|i| {
                (self.kinds[i] == EntityKind::Place)
                    .then(|| country_code(self.geocoder, self.forms[i].display()))
                    .flatten()
            })
            .collect()
    }

    /// "United States" / "U.S." / "America": names of one country in the
    /// gazetteer or the list of names it lacks.
    pub(super) fn join_countries(&mut self) {
        let keys = self.country_codes();
        self.join_blocks(keys, "country", |a, b, code| {
            format!(
                "{} and {} are names of one country (ISO {code})",
                a.display(),
                b.display()
            )
        });
    }

    /// "Bombay" / "Mumbai": names the gazetteer resolves to one place
    /// (countries are joined by [`Self::join_countries`]).
    pub(super) fn join_same_places(&mut self) {
        let countries = self.country_codes();
        let context = self.early_context_countries(&countries);
        let keys = (0..self.forms.len())
            .map(|i| {
                let is_place = self.kinds[i] == EntityKind::Place && countries[i].is_none();
                is_place
                    .then(|| self.geocoder.place_id(self.forms[i].display(), &context))
                    .flatten()
            })
            .collect();
        self.join_blocks(keys, "same_place", |a, b, place| {
            format!(
                "the gazetteer gives {} and {} as names of one place ({place})",
                a.display(),
                b.display()
            )
        });
    }

    /// The countries named most often, before any merge (`codes` from
    /// [`Self::country_codes`]): the context in which an ambiguous place
    /// name is read.
    fn early_context_countries(&self, codes: &[Option<String>]) -> Vec<String> {
        most_named_countries(
            codes
                .iter()
                .zip(&self.forms)
                .filter_map(|(code, form)| Some((code.clone()?, form.mentions))),
        )
    }

    /// "Foreign Ministry" / "Ministry of Foreign Affairs": one institution
    /// key and country. A name without a country joins the qualified ones
    /// only when the corpus qualifies that institution with one country,
    /// and that country is the one the corpus is most about or the two
    /// names share a report ("the Russian Foreign Ministry … the Foreign
    /// Ministry said").
    pub(super) fn join_institutions(&mut self) {
        let geocoder = self.geocoder;
        let country_of = |words: &str| qualifier_country(geocoder, words);
        let mut by_key: BTreeMap<String, BTreeMap<Option<String>, Vec<usize>>> = BTreeMap::new();
        for i in 0..self.forms.len() {
            if self.kinds[i] != EntityKind::Organization {
                continue;
            }
            if let Some(found) = institution_key(self.forms[i].display(), &country_of) {
                by_key
                    .entry(found.key)
                    .or_default()
                    .entry(found.country)
                    .or_default()
                    .push(i);
            }
        }
        let main_country = self
            .early_context_countries(&self.country_codes())
            .into_iter()
            .next();
        for (key, by_country) in by_key {
            for (country, members) in &by_country {
                self.join_word_orders(&key, country.as_deref(), members);
            }
            self.join_unqualified(&key, &by_country, main_country.as_deref());
        }
    }

    fn join_word_orders(&mut self, key: &str, country: Option<&str>, members: &[usize]) {
        let Some((&first, rest)) = members.split_first() else {
            return;
        };
        let country = country.map_or(String::new(), |c| format!(", {c}"));
        for &i in rest {
            let detail = format!(
                "{} and {} are word orders of one institution ({key}{country})",
                self.forms[first].display(),
                self.forms[i].display(),
            );
            self.union(first, i, "institution", detail);
        }
    }

    fn join_unqualified(
        &mut self,
        key: &str,
        by_country: &BTreeMap<Option<String>, Vec<usize>>,
        main_country: Option<&str>,
    ) {
        let Some(plain) = by_country.get(&None) else {
            return;
        };
        let qualified: Vec<(&String, &Vec<usize>)> = by_country
            .iter()
            .filter_map(|(country, members)| Some((country.as_ref()?, members)))
            .collect();
        let [(country, members)] = qualified.as_slice() else {
            return;
        };
        let shares_a_report = members.iter().any(|&q| {
            plain
                .iter()
                .any(|&p| !self.forms[q].reports.is_disjoint(&self.forms[p].reports))
        });
        let (Some(&only), Some(&first_plain)) = (members.first(), plain.first()) else {
            return;
        };
        if shares_a_report || main_country == Some(country.as_str()) {
            let detail = format!(
                "{} is the only {key} the reports name with a country ({country}); {} names no country",
                self.forms[only].display(),
                self.forms[first_plain].display()
            );
            self.union(only, first_plain, "institution", detail);
        }
    }

    /// The words of a person form's name without titles ("Mr", "President")
    /// or the Arabic article ("al-Assad" is "Assad").
    pub(super) fn person_words(&self, i: usize) -> Vec<String> {
        person_words(&self.forms[i].folded)
    }

    /// [`Self::person_words`] without a generation suffix ("Jr."): the
    /// given name comes first and the surname last.
    pub(super) fn person_core(&self, i: usize) -> Vec<String> {
        let words = self.person_words(i);
        split_generation(&words).0.to_vec()
    }

    /// "Arcade Joseph Comeaux Jr." joins "Arcade Joseph Comeaux" when the
    /// corpus writes that name with one generation suffix only (a "Jr." and
    /// a "Sr." of one name are father and son: they stay apart).
    pub(super) fn join_generations(&mut self) {
        let mut by_base: BTreeMap<String, Vec<(usize, Option<String>)>> = BTreeMap::new();
        for i in self.people() {
            let words = self.person_words(i);
            let (base, generation) = split_generation(&words);
            if base.len() >= 2 {
                by_base
                    .entry(translit_key(&base.join(" ")))
                    .or_default()
                    .push((i, generation.map(str::to_string)));
            }
        }
        for members in by_base.into_values() {
            let suffixes: BTreeSet<String> =
                members.iter().filter_map(|(_, g)| g.clone()).collect();
            let plain = members.iter().find(|(_, g)| g.is_none()).map(|(i, _)| *i);
            let (Some(plain), 1) = (plain, suffixes.len()) else {
                continue;
            };
            let suffix = suffixes.into_iter().next().unwrap_or_default();
            for (i, generation) in members {
                if generation.is_none() || self.find(i) == self.find(plain) {
                    continue;
                }
                let detail = format!(
                    "{} is {} with the generation suffix \"{suffix}\"; the corpus names no other generation",
                    self.forms[i].display(),
                    self.forms[plain].display()
                );
                self.union(plain, i, "generation", detail);
            }
        }
    }

    /// "President Jan Smuts" joins "Jan Smuts"; the titled form stays an alias.
    pub(super) fn join_titled_people(&mut self) {
        let mut untitled: HashMap<String, usize> = HashMap::new();
        // (form, key, rule, what the form has beyond the plain name)
        let mut adorned: Vec<(usize, String, &str, &str)> = Vec::new();
        for i in self.people() {
            let core = self.person_words(i);
            let key = translit_key(&core.join(" "));
            let folded = &self.forms[i].folded;
            let without_article = without_arabic_article(folded);
            if core.len() != spelling_key(&without_article).split(' ').count() {
                adorned.push((i, key, "title", "a title"));
            } else if without_article != *folded {
                adorned.push((i, key, "arabic_article", "the Arabic article"));
            } else {
                untitled.entry(key).or_insert(i);
            }
        }
        for (i, key, rule, what) in adorned {
            if let Some(&plain) = untitled.get(&key) {
                let detail = format!(
                    "{} is {} with {what}",
                    self.forms[i].display(),
                    self.forms[plain].display()
                );
                self.union(plain, i, rule, detail);
            }
        }
    }

    fn people(&self) -> Vec<usize> {
        (0..self.forms.len())
            .filter(|&i| self.kinds[i] == EntityKind::Person)
            .collect()
    }

    /// "George Bush" joins "George W. Bush" when no other person of the
    /// corpus reduces to "George Bush" ("George H. W. Bush" would).
    pub(super) fn join_middle_names(&mut self) {
        let mut with_middle: HashMap<String, Vec<usize>> = HashMap::new();
        let mut two_words = Vec::new();
        for i in self.people() {
            let core = self.person_words(i);
            let reduced = without_middle(&core)
                .or_else(|| without_full_middle(&core, super::SURNAME_PARTICLES));
            if let Some(reduced) = reduced {
                with_middle
                    .entry(translit_key(&reduced))
                    .or_default()
                    .push(i);
            } else if core.len() == 2 {
                two_words.push((i, translit_key(&core.join(" "))));
            }
        }
        for (i, key) in two_words {
            let Some(candidates) = with_middle.get(&key).cloned() else {
                continue;
            };
            if let Some(full) = self.only_root(&candidates) {
                let detail = format!(
                    "{} is {} without the middle name, initial or patronymic; no other person has that name",
                    self.forms[i].display(),
                    self.forms[full].display()
                );
                self.union(full, i, "middle_name", detail);
            }
        }
    }

    /// "Fred LaRue" joins "Frederick C. LaRue": the same surname, given
    /// names that the nickname list pairs, middle initials or patronymics
    /// aside, and no other person of the corpus it could be.
    pub(super) fn join_nicknames(&mut self) {
        let mut by_surname: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        for i in self.people() {
            let core = self.person_core(i);
            let reduced = without_middle(&core)
                .or_else(|| without_full_middle(&core, super::SURNAME_PARTICLES))
                .unwrap_or_else(|| core.join(" "));
            let words: Vec<&str> = reduced.split(' ').collect();
            if let [given, surname] = words.as_slice() {
                by_surname
                    .entry(translit_key(surname))
                    .or_default()
                    .push((i, given.to_string()));
            }
        }
        for people in by_surname.into_values() {
            for (i, given) in &people {
                let candidates: Vec<usize> = people
                    .iter()
                    .filter(|(_, other)| is_nickname_pair(given, other))
                    .map(|(j, _)| *j)
                    .collect();
                let Some(full) = self.only_root(&candidates) else {
                    continue;
                };
                if self.find(full) == self.find(*i) {
                    continue;
                }
                let detail = format!(
                    "{} and {}: one surname, and one given name is a nickname of the other \
                     (nickname list); no other person of that surname fits",
                    self.forms[*i].display(),
                    self.forms[full].display()
                );
                self.union(full, *i, "nickname", detail);
            }
        }
    }

    /// "ISIL" joins "Islamic State": names of one organization in the
    /// general alias list ([`organization_alias_group`]).
    pub(super) fn join_known_aliases(&mut self) {
        let mut first_of_group: HashMap<&'static str, usize> = HashMap::new();
        for i in 0..self.forms.len() {
            if self.kinds[i] != EntityKind::Organization {
                continue;
            }
            let Some(group) = organization_alias_group(self.forms[i].display()) else {
                continue;
            };
            match first_of_group.get(group) {
                Some(&first) => {
                    let detail = format!(
                        "{} and {} are names of one organization in the alias list \
                         (data/organization_aliases.tsv)",
                        self.forms[first].display(),
                        self.forms[i].display()
                    );
                    self.union(first, i, "known_alias", detail);
                }
                None => {
                    first_of_group.insert(group, i);
                }
            }
        }
    }

    /// "Microsoft Corp." joins "Microsoft": an organization's name with a
    /// legal form at its end ([`LEGAL_FORMS`], with "Group" or "Holdings"
    /// before it) is the organization named without it.
    pub(super) fn join_legal_forms(&mut self) {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut with_form = Vec::new();
        for i in 0..self.forms.len() {
            if self.kinds[i] != EntityKind::Organization {
                continue;
            }
            let key = spelling_key(&self.forms[i].folded);
            match without_legal_form(&key) {
                Some(base) => with_form.push((i, base)),
                None => {
                    by_key.entry(key).or_insert(i);
                }
            }
        }
        for (i, base) in with_form {
            let Some(&plain) = by_key.get(&base) else {
                continue;
            };
            let detail = format!(
                "{} is {} with its legal form",
                self.forms[i].display(),
                self.forms[plain].display()
            );
            self.union(plain, i, "legal_form", detail);
        }
    }

    /// "Colts" joins "Indianapolis Colts": an organization named by a place
    /// and a name (sports clubs, newspapers, companies: "Kansas City
    /// Chiefs", "Manchester United") is named by the name alone, when
    /// exactly one organization of the corpus ends in it and the name is
    /// not a generic word ("Police", "City Council", "University").
    pub(super) fn join_place_prefixed(&mut self) {
        let mut full_by_rest: HashMap<String, Vec<usize>> = HashMap::new();
        for i in 0..self.forms.len() {
            if self.kinds[i] != EntityKind::Organization {
                continue;
            }
            if let Some(rest) = self.after_place_prefix(i) {
                full_by_rest.entry(rest).or_default().push(i);
            }
        }
        for i in 0..self.forms.len() {
            if !matches!(self.kinds[i], EntityKind::Organization | EntityKind::Other)
                || self.geocoder.is_demonym(self.forms[i].display())
            {
                continue;
            }
            let key = spelling_key(&self.forms[i].folded);
            let Some(candidates) = full_by_rest.get(&key).cloned() else {
                continue;
            };
            let candidates = self.without_clipped_names(&candidates);
            if let Some(full) = self.only_root(&candidates) {
                let detail = format!(
                    "{} is {} without the place it starts with; no other organization ends in it",
                    self.forms[i].display(),
                    self.forms[full].display()
                );
                self.union(full, i, "place_prefix", detail);
            }
        }
    }

    /// The candidates without those whose name is the end of another
    /// candidate's ("Orleans Saints", a tagger's cut of "New Orleans
    /// Saints"): one organization, not two.
    fn without_clipped_names(&self, candidates: &[usize]) -> Vec<usize> {
        let keys: Vec<String> = candidates
            .iter()
            .map(|&c| spelling_key(&self.forms[c].folded))
            .collect();
        candidates
            .iter()
            .zip(&keys)
            .filter(|(_, key)| {
                !keys
                    .iter()
                    .any(|other| other.len() > key.len() && other.ends_with(&format!(" {key}")))
            })
            .map(|(&c, _)| c)
            .collect()
    }

    /// The spelling key of what follows a place name of one to three words
    /// at the start of form `i`'s name, unless that is a generic word.
    fn after_place_prefix(&self, i: usize) -> Option<String> {
        let key = spelling_key(&self.forms[i].folded);
        let words: Vec<&str> = key.split(' ').collect();
        (1..=3.min(words.len().saturating_sub(1))).find_map(|n| {
            let (place, rest) = words.split_at(n);
            let generic = rest.iter().any(|w| GENERIC_ORGANIZATION_WORDS.contains(w));
            (!generic && self.is_place_name(&place.join(" "))).then(|| rest.join(" "))
        })
    }

    /// The first candidate, when all candidates are one entity so far.
    pub(super) fn only_root(&mut self, candidates: &[usize]) -> Option<usize> {
        let roots: BTreeSet<usize> = candidates.iter().map(|&c| self.find(c)).collect();
        (roots.len() == 1)
            .then(|| candidates.first().copied())
            .flatten()
    }

    /// A given name alone ("Dana") joins the one person of the corpus with
    /// that given name, unless some person has it as a surname. Guards
    /// against a tagger's person that is something else: the full name has
    /// two or three words and does not end in a place ("Vodafone Egypt"),
    /// the given name is no place ("Troy"), and the two share a report.
    pub(super) fn join_given_names(&mut self) {
        let mut by_given: HashMap<String, Vec<usize>> = HashMap::new();
        let mut surnames: BTreeSet<String> = BTreeSet::new();
        let mut single = Vec::new();
        for i in self.people() {
            let core = self.person_words(i);
            match core.as_slice() {
                [word] => {
                    let is_place = self.is_place_name(word);
                    single.push((i, translit_key(word), is_place));
                }
                [given, .., surname] => {
                    surnames.insert(translit_key(surname));
                    if core.len() <= 3 && !self.is_place_name(surname) {
                        by_given.entry(translit_key(given)).or_default().push(i);
                    }
                }
                [] => {}
            }
        }
        let joined = self.forms_already_joined();
        for (i, key, is_place) in single {
            if surnames.contains(&key) || joined[i] || is_place {
                continue;
            }
            let Some(candidates) = by_given.get(&key).cloned() else {
                continue;
            };
            let Some(full) = self.only_root(&candidates) else {
                continue;
            };
            let shares_a_report = candidates
                .iter()
                .any(|&c| !self.forms[c].reports.is_disjoint(&self.forms[i].reports));
            if shares_a_report {
                let detail = format!(
                    "{} is the given name of {}, the only person of that given name, named in the same report",
                    self.forms[i].display(),
                    self.forms[full].display()
                );
                self.union(full, i, "given_name", detail);
            }
        }
    }

    /// True when the gazetteer knows `word` as a place or country.
    fn is_place_name(&self, word: &str) -> bool {
        self.geocoder.country_of(word, &[]).is_some()
    }

    /// For every form, whether an earlier rule joined it to another form
    /// (a one-word name that is already someone's surname is no given name).
    fn forms_already_joined(&mut self) -> Vec<bool> {
        let roots: Vec<usize> = (0..self.forms.len()).map(|i| self.find(i)).collect();
        let mut sizes: HashMap<usize, usize> = HashMap::new();
        for &root in &roots {
            *sizes.entry(root).or_default() += 1;
        }
        roots
            .iter()
            .map(|root| sizes.get(root).is_some_and(|&n| n > 1))
            .collect()
    }
}

/// A spelling key without the legal form that ends it ("microsoft corp" →
/// "microsoft", "acme group plc" → "acme"); `None` without one, or when
/// nothing would remain.
fn without_legal_form(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let (last, rest) = words.split_last()?;
    if !LEGAL_FORMS.contains(last) {
        return None;
    }
    let rest = match rest.split_last() {
        Some((group, before)) if matches!(*group, "group" | "holdings") && !before.is_empty() => {
            before
        }
        _ => rest,
    };
    (!rest.is_empty()).then(|| rest.join(" "))
}

/// Words that make the rest of a place-prefixed name generic ("Moscow City
/// Council" is not "City Council"): the heads of public bodies and
/// facilities every place has.
const GENERIC_ORGANIZATION_WORDS: &[&str] = &[
    "police",
    "city",
    "council",
    "county",
    "court",
    "government",
    "parliament",
    "assembly",
    "university",
    "college",
    "school",
    "academy",
    "hospital",
    "airport",
    "port",
    "station",
    "museum",
    "zoo",
    "library",
    "authority",
    "department",
    "ministry",
    "office",
    "committee",
    "commission",
    "administration",
    "municipality",
    "mayor",
    "prison",
    "jail",
    "district",
    "region",
    "state",
    "province",
    "fire",
    "army",
    "navy",
    "board",
    "chamber",
    "center",
    "centre",
    "institute",
    "club",
    "team",
    "church",
    "diocese",
    "cathedral",
    "mosque",
    "bank",
];
