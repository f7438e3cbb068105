//! Entities: one per real-world thing, with every spelling and the reason
//! for every merge.
//!
//! Mentions are first grouped by folded spelling ([`names::fold`]); each
//! group takes the kind most of its mentions carry (a country's name
//! tagged as an organization is a place). Groups are then joined
//! (union–find) by these rules, in this order, each recorded as a
//! [`MergeReason`] with its rule name:
//! 1. `curation`: the user's `corroborate.toml` (its splits are enforced
//!    by every later rule);
//! 2. `acronym`: a mention defined with its expansion ("… (CSTO)"), or an
//!    acronym equal to the initials of exactly one organization's name;
//! 3. `short_form` for states: "Republic of X" joins the place "X" (unless
//!    the gazetteer says they are two countries: "Republic of China");
//! 4. `punctuation`: the same [`names::spelling_key`] ("Al-Jazeera" / "Al
//!    Jazeera", "U.S." / "US");
//! 5. `country`: two place names of one country, by the gazetteer or
//!    `data/country_names.tsv` ("America" / "United States", "USSR" /
//!    "Soviet Union"; the USSR is never Russia);
//! 6. `same_place`: two place names the gazetteer resolves to one place
//!    ("Bombay" / "Mumbai"), through [`Geocoder::place_id`];
//! 7. `institution`: one government institution in another word order
//!    ("Foreign Ministry" / "Ministry of Foreign Affairs"), same country;
//!    see `institutions` for the portfolio table;
//! 8. `known_alias`: names of one organization in the general alias list
//!    `data/organization_aliases.tsv` ("ISIL" / "Islamic State" / "Daesh");
//!    `legal_form`: "Microsoft Corp." joins "Microsoft" (an
//!    organization's name without its legal form); `place_prefix`:
//!    "Colts" joins the one "Indianapolis Colts" (an organization named by
//!    a place and a name that is no generic word);
//! 9. `transliteration`: the same [`names::translit_key`];
//! 10. `title`: "President X" joins "X" (the titled form stays an alias);
//!     `arabic_article`: "Bashar al-Assad" joins "Bashar Assad";
//! 11. `middle_name`: "George Bush" joins the one "George W. Bush";
//!     `generation`: "X Jr." joins "X" when the corpus writes X with one
//!     generation suffix only ("Jr." and "Sr." of one name stay apart);
//! 12. `nickname`: "Fred LaRue" joins the one "Frederick (C.) LaRue": one
//!     surname, given names paired by the nickname list
//!     (`data/nicknames.tsv`);
//! 13. `short_form`: a one-word person name (titles aside) equal (by key)
//!     to the last word of exactly one multi-word person; when several
//!     people share the surname, the one that at least three quarters of
//!     the reports using the bare surname (and naming any of them) name
//!     alone in full — otherwise the surname stays apart;
//! 14. `given_name`: a one-word person name equal to the given name of
//!     exactly one person and nobody's surname;
//! 15. `edit_distance`: keys one edit apart, at least seven letters long,
//!     same kind and first letter, for persons and organizations only, with
//!     guards: persons' given names must agree, and a feminine `-a` form
//!     never joins the masculine one. Places and nationalities one letter
//!     apart stay apart (similar country names are different countries).
//!
//! Every rule joins only names of one kind, so an airport, university or
//! city named after a person never joins the person.
//!
//! Blocking keys (folded form, key, surname, deletion neighbourhood) keep
//! the work close to linear in the number of distinct names.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use corroborate_model::{AnnotatedReport, Entity, EntityKind, MergeReason};

use crate::countries::country_code;
use crate::names::{
    deletion_neighbourhood, edit_distance, fold, initials, is_acronym, translit_key,
};
use crate::people::split_generation;
use crate::union_find::UnionFind;

/// Share of the reports naming any bearer of a surname in full that must
/// name one bearer alone for the bare surname to join that bearer.
const DOMINANT_BEARER_SHARE: f64 = 0.75;

mod keyed;

/// Looks places up; the merge stage uses it to place entities on the map
/// and to keep different places apart.
pub trait Geocoder {
    /// Latitude, longitude and ISO country code of a place name, preferring
    /// places in `context_countries`. `None` when the name is unknown.
    fn geocode(&self, name: &str, context_countries: &[String]) -> Option<(f64, f64, String)>;
    /// ISO code when `name` is a country.
    fn country_code(&self, name: &str) -> Option<String>;
    /// ISO code of the country a place lies in (a country is its own),
    /// even when the gazetteer has no coordinates for it.
    fn country_of(&self, name: &str, context_countries: &[String]) -> Option<String> {
        self.country_code(name).or_else(|| {
            self.geocode(name, context_countries)
                .map(|(_, _, country)| country)
        })
    }
    /// True when `name` is a nationality or a country's adjective
    /// ("Russian", "Armenians"): a group of people, not a place.
    fn is_demonym(&self, _name: &str) -> bool {
        false
    }
    /// The ISO code of the country a nationality word belongs to
    /// ("Russian" → "RU").
    fn demonym_country(&self, _word: &str) -> Option<String> {
        None
    }
    /// An identifier of the one gazetteer place `name` resolves to
    /// ("Bombay" and "Mumbai" give the same), preferring places in
    /// `context_countries`; `None` when unknown.
    fn place_id(&self, _name: &str, _context_countries: &[String]) -> Option<String> {
        None
    }
}

/// A geocoder that knows no place (for tests and offline use).
pub struct NoGeocoder;

impl Geocoder for NoGeocoder {
    fn geocode(&self, _: &str, _: &[String]) -> Option<(f64, f64, String)> {
        None
    }
    fn country_code(&self, _: &str) -> Option<String> {
        None
    }
}

/// The user's corrections (`corroborate.toml`); they win over every rule.
///
/// ```toml
/// merge = [["Kassym-Jomart Tokayev", "Tokaev"]]   # one entity
/// split = [["Aliya Ostrova", "Dana Ostrova"]]     # never the same entity
/// [kinds]
/// "Kolvaran Copper Combine" = "organization"
/// ```
/// Names are compared after folding (case, accents, possessives).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Curation {
    #[serde(default)]
    pub merge: Vec<Vec<String>>,
    #[serde(default)]
    pub split: Vec<Vec<String>>,
    #[serde(default)]
    pub kinds: BTreeMap<String, EntityKind>,
}

/// Result of entity merging: the entities and, for every mention, the
/// index of its entity.
pub(crate) struct EntityIndex {
    pub entities: Vec<Entity>,
    /// `mention_entity[report][mention]` → index into `entities`.
    pub mention_entity: Vec<Vec<usize>>,
    /// ISO codes of the countries the corpus is about, most mentioned first.
    pub context_countries: Vec<String>,
}

/// All mentions sharing one folded spelling.
#[derive(Default)]
struct Form {
    folded: String,
    kind_votes: BTreeMap<EntityKind, usize>,
    surfaces: BTreeMap<String, usize>,
    reports: BTreeSet<usize>,
    mentions: usize,
    titles: BTreeSet<String>,
    expansions: BTreeSet<String>,
}

impl Form {
    fn kind(&self) -> EntityKind {
        self.kind_votes
            .iter()
            .max_by_key(|(kind, votes)| (**votes, std::cmp::Reverse(**kind)))
            .map(|(kind, _)| *kind)
            .unwrap_or(EntityKind::Other)
    }

    /// The most frequent spelling; among equals, one not in capitals
    /// ("Kyiv" over a dateline's "KYIV"), then the most capitalized.
    fn display(&self) -> &str {
        self.surfaces
            .iter()
            .max_by_key(|(surface, count)| {
                let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
                let capitals = surface.chars().filter(|c| c.is_uppercase()).count();
                let in_capitals = letters >= 4 && capitals == letters;
                (**count, !in_capitals, capitals)
            })
            .map(|(s, _)| s.as_str())
            .unwrap_or(&self.folded)
    }

    fn words(&self) -> Vec<&str> {
        self.folded
            .split([' ', '-'])
            .filter(|w| !w.is_empty())
            .collect()
    }
}

struct Merger<'g> {
    forms: Vec<Form>,
    kinds: Vec<EntityKind>,
    sets: UnionFind,
    reasons: Vec<MergeReason>,
    reason_root: Vec<usize>,
    geocoder: &'g dyn Geocoder,
    report_ids: Vec<String>,
    /// Per root: the (split group, member) labels its forms carry.
    split_labels: Vec<BTreeSet<(usize, usize)>>,
}

/// Entity merging without a curation file (for tests).
#[cfg(test)]
pub(crate) fn merge_entities(reports: &[AnnotatedReport], geocoder: &dyn Geocoder) -> EntityIndex {
    merge_entities_curated(reports, geocoder, &Curation::default())
}

/// Entity merging with the user's corrections applied first.
pub(crate) fn merge_entities_curated(
    reports: &[AnnotatedReport],
    geocoder: &dyn Geocoder,
    curation: &Curation,
) -> EntityIndex {
    let (forms, form_of_mention) = collect_forms(reports);
    let kinds: Vec<EntityKind> = forms
        .iter()
        .map(|form| {
            curated_kind(curation, &form.folded).unwrap_or_else(|| machine_kind(form, geocoder))
        })
        .collect();
    let split_labels = split_labels(curation, &forms);
    let mut merger = Merger {
        sets: UnionFind::new(forms.len()),
        forms,
        kinds,
        reasons: Vec::new(),
        reason_root: Vec::new(),
        geocoder,
        report_ids: reports.iter().map(|r| r.report.meta.id.clone()).collect(),
        split_labels,
    };
    merger.join_curated(curation);
    merger.join_acronyms();
    merger.join_state_forms();
    merger.join_spelling_variants();
    merger.join_countries();
    merger.join_same_places();
    merger.join_institutions();
    merger.join_legal_forms();
    merger.join_known_aliases();
    merger.join_place_prefixed();
    merger.join_transliterations();
    merger.join_titled_people();
    merger.join_middle_names();
    merger.join_generations();
    merger.join_nicknames();
    merger.join_short_forms(&form_of_mention);
    merger.join_given_names();
    merger.join_near_spellings();
    merger.build(form_of_mention)
}

/// Lower-case particles that open a surname ("von der Leyen", "Lo
/// Presti", "de Gaulle", "bin Laden", "al-Assad"): Dutch, German, French,
/// Italian, Spanish, Portuguese and Arabic naming.
pub(crate) const SURNAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "ter", "ten", "de", "del", "della", "di", "da", "dos", "das", "du",
    "la", "le", "lo", "al", "el", "bin",
];

/// Words that are a surname alone: particles, then one name ("Lo Presti").
fn is_particle_surname(words: &[String]) -> bool {
    match words.split_last() {
        Some((_, particles)) => {
            !particles.is_empty()
                && particles
                    .iter()
                    .all(|w| SURNAME_PARTICLES.contains(&w.as_str()))
        }
        None => false,
    }
}

/// The surname with its particles of a full name ("Gaetano Lo Presti" →
/// "lo presti"), when a given name comes before the particles.
fn particle_surname_of(words: &[String]) -> Option<String> {
    let start = (1..words.len().saturating_sub(1)).find(|&k| is_particle_surname(&words[k..]))?;
    Some(words[start..].join(" "))
}

/// The tagger's kind, except that a nationality tagged as a place or an
/// organization ("Russian", "Armenians") is a group of people: `Other`;
/// and a country's name tagged as an organization or other ("USSR") is a
/// place. (A person keeps the kind: "French" may be a surname.)
fn machine_kind(form: &Form, geocoder: &dyn Geocoder) -> EntityKind {
    match form.kind() {
        EntityKind::Place | EntityKind::Organization if geocoder.is_demonym(form.display()) => {
            EntityKind::Other
        }
        EntityKind::Organization | EntityKind::Other
            if country_code(geocoder, form.display()).is_some() =>
        {
            EntityKind::Place
        }
        kind => kind,
    }
}

fn curated_kind(curation: &Curation, folded: &str) -> Option<EntityKind> {
    curation
        .kinds
        .iter()
        .find(|(name, _)| fold(name) == folded)
        .map(|(_, kind)| *kind)
}

fn split_labels(curation: &Curation, forms: &[Form]) -> Vec<BTreeSet<(usize, usize)>> {
    let mut labels = vec![BTreeSet::new(); forms.len()];
    for (group, names) in curation.split.iter().enumerate() {
        for (member, name) in names.iter().enumerate() {
            let folded = fold(name);
            for (i, form) in forms.iter().enumerate() {
                if form.folded == folded {
                    labels[i].insert((group, member));
                }
            }
        }
    }
    labels
}

fn collect_forms(reports: &[AnnotatedReport]) -> (Vec<Form>, Vec<Vec<usize>>) {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut forms: Vec<Form> = Vec::new();
    let mut form_of_mention = Vec::with_capacity(reports.len());
    for (r, report) in reports.iter().enumerate() {
        let mut per_report = Vec::with_capacity(report.annotations.mentions.len());
        for mention in &report.annotations.mentions {
            let folded = fold(&mention.text);
            let id = *index.entry(folded.clone()).or_insert_with(|| {
                forms.push(Form {
                    folded: folded.clone(),
                    ..Form::default()
                });
                forms.len() - 1
            });
            let form = &mut forms[id];
            *form.kind_votes.entry(mention.kind).or_default() += 1;
            *form
                .surfaces
                .entry(mention.text.trim().to_string())
                .or_default() += 1;
            form.reports.insert(r);
            form.mentions += 1;
            form.titles.extend(mention.title.iter().cloned());
            form.expansions.extend(mention.expansion.iter().cloned());
            per_report.push(id);
        }
        form_of_mention.push(per_report);
    }
    (forms, form_of_mention)
}

impl Merger<'_> {
    fn find(&mut self, i: usize) -> usize {
        self.sets.find(i)
    }

    /// Joins `b`'s entity into `a`'s (unless the curation keeps them
    /// apart), recording the rule and detail of the merge.
    fn union(&mut self, a: usize, b: usize, rule: &str, detail: String) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb || self.split_forbids(ra, rb) {
            return;
        }
        self.sets.link_roots(ra, rb);
        let moved = std::mem::take(&mut self.split_labels[rb]);
        self.split_labels[ra].extend(moved);
        self.reasons.push(MergeReason {
            alias: self.forms[b].display().to_string(),
            with: self.forms[a].display().to_string(),
            rule: rule.to_string(),
            detail,
        });
        self.reason_root.push(ra);
    }

    /// True when the user said these two must stay apart.
    fn split_forbids(&self, ra: usize, rb: usize) -> bool {
        self.split_labels[ra].iter().any(|(group, member)| {
            self.split_labels[rb]
                .iter()
                .any(|(g, m)| g == group && m != member)
        })
    }

    fn join_curated(&mut self, curation: &Curation) {
        let by_folded = self.by_folded();
        for names in &curation.merge {
            let present: Vec<usize> = names
                .iter()
                .filter_map(|n| by_folded.get(&fold(n)).copied())
                .collect();
            for pair in present.windows(2) {
                let detail = format!("joined by the curation file: {}", names.join(" = "));
                self.union(pair[0], pair[1], "curation", detail);
            }
        }
    }

    fn by_folded(&self) -> HashMap<String, usize> {
        self.forms
            .iter()
            .enumerate()
            .map(|(i, f)| (f.folded.clone(), i))
            .collect()
    }

    fn join_acronyms(&mut self) {
        let by_folded = self.by_folded();
        let mut defined = Vec::new();
        for (i, form) in self.forms.iter().enumerate() {
            for expansion in &form.expansions {
                if let Some(&j) = by_folded.get(&fold(expansion)) {
                    defined.push((i, j, expansion.clone()));
                }
            }
        }
        for (i, j, expansion) in defined {
            let detail = format!("defined in the text as {expansion}");
            self.union_long_first(i, j, "acronym", detail);
        }
        self.join_acronyms_by_initials();
    }

    /// An acronym joins the one multi-word organization whose initials it spells.
    fn join_acronyms_by_initials(&mut self) {
        let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, form) in self.forms.iter().enumerate() {
            if self.kinds[i] == EntityKind::Organization && form.words().len() >= 2 {
                by_initials
                    .entry(initials(form.display()))
                    .or_default()
                    .push(i);
            }
        }
        for i in 0..self.forms.len() {
            let surface = self.forms[i].display().to_string();
            if !is_acronym(&surface) {
                continue;
            }
            let letters: String = surface.chars().filter(|c| c.is_alphabetic()).collect();
            let candidates = by_initials.get(&letters).cloned().unwrap_or_default();
            let roots: BTreeSet<usize> = candidates.iter().map(|&c| self.find(c)).collect();
            if roots.len() == 1 {
                if let Some(&long) = candidates.first() {
                    let detail = format!(
                        "{surface} spells the initials of {}",
                        self.forms[long].display()
                    );
                    self.union_long_first(long, i, "acronym", detail);
                }
            }
        }
    }

    fn union_long_first(&mut self, a: usize, b: usize, rule: &str, detail: String) {
        if self.forms[a].folded.len() >= self.forms[b].folded.len() {
            self.union(a, b, rule, detail);
        } else {
            self.union(b, a, rule, detail);
        }
    }

    /// "Republic of Veloria" → "Veloria", when "Veloria" is a place too.
    fn join_state_forms(&mut self) {
        let by_folded = self.by_folded();
        for i in 0..self.forms.len() {
            if self.kinds[i] != EntityKind::Place {
                continue;
            }
            let folded = self.forms[i].folded.clone();
            let short = STATE_FORMS
                .iter()
                .find_map(|prefix| folded.strip_prefix(prefix));
            if let Some(&j) = short.and_then(|rest| by_folded.get(rest)) {
                if self.kinds[j] == EntityKind::Place && !self.two_countries(i, j) {
                    let detail = format!(
                        "{} is the state form of {}",
                        self.forms[i].display(),
                        self.forms[j].display()
                    );
                    self.union(j, i, "short_form", detail);
                }
            }
        }
    }

    /// True when the gazetteer says `a` and `b` name two different
    /// countries ("Republic of China" is not "China").
    fn two_countries(&self, a: usize, b: usize) -> bool {
        let code = |i: usize| country_code(self.geocoder, self.forms[i].display());
        matches!((code(a), code(b)), (Some(x), Some(y)) if x != y)
    }

    fn join_transliterations(&mut self) {
        let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
        for i in 0..self.forms.len() {
            let key = translit_key(&self.forms[i].folded);
            match by_key.get(&(self.kinds[i], key.clone())) {
                Some(&first) => {
                    let detail = format!(
                        "{} and {} are spellings of one romanized name (key \"{key}\")",
                        self.forms[first].display(),
                        self.forms[i].display()
                    );
                    self.union(first, i, "transliteration", detail);
                }
                None => {
                    by_key.insert((self.kinds[i], key), i);
                }
            }
        }
    }

    /// "Smuts" (or "Mr Smuts") joins the one multi-word person whose
    /// surname it is; when several people share the surname (family
    /// members), it joins the one the reports using it name in full, if
    /// that is clear ([`Self::dominant_bearer`]). `form_of_mention` gives
    /// each report's forms in text order.
    fn join_short_forms(&mut self, form_of_mention: &[Vec<usize>]) {
        let mut full_by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        let mut one_word = Vec::new();
        for i in 0..self.forms.len() {
            if self.kinds[i] != EntityKind::Person {
                continue;
            }
            let core = self.person_core(i);
            match core.as_slice() {
                [word] => one_word.push((i, translit_key(word))),
                words if is_particle_surname(words) => {
                    one_word.push((i, translit_key(&words.join(" "))));
                }
                [_, .., last] => {
                    full_by_surname
                        .entry(translit_key(last))
                        .or_default()
                        .push(i);
                    if let Some(surname) = particle_surname_of(&core) {
                        full_by_surname
                            .entry(translit_key(&surname))
                            .or_default()
                            .push(i);
                    }
                }
                [] => {}
            }
        }
        for (i, key) in one_word {
            let candidates = full_by_surname.get(&key).cloned().unwrap_or_default();
            if let Some(full) = self.only_root(&candidates) {
                let detail = format!(
                    "{} is the surname of {}, the only person of that name",
                    self.forms[i].display(),
                    self.forms[full].display()
                );
                self.union(full, i, "short_form", detail);
            } else if let Some((full, named, using)) =
                self.dominant_bearer(i, &candidates, form_of_mention)
            {
                let detail = format!(
                    "{} is the surname of several people; {named} of the {using} reports that \
                     use it and name one of them in full name {} alone or first",
                    self.forms[i].display(),
                    self.forms[full].display()
                );
                self.union(full, i, "short_form", detail);
            }
        }
    }

    /// Of the people sharing the surname `surname_form` stands for, the one
    /// that the reports using the bare surname name in full: in each such
    /// report, the one it names, or of several the one it names first (a
    /// bare surname on later reference is the person a report introduced
    /// first; a relative is told apart by given name, as news style guides
    /// such as AP's ask); the bearer wins when counted so in at least two
    /// reports and in at least [`DOMINANT_BEARER_SHARE`] of the reports
    /// naming any of them. Returns (a form of the bearer, reports counting
    /// it, reports naming any).
    fn dominant_bearer(
        &mut self,
        surname_form: usize,
        candidates: &[usize],
        form_of_mention: &[Vec<usize>],
    ) -> Option<(usize, usize, usize)> {
        let roots: Vec<(usize, usize)> = candidates.iter().map(|&c| (c, self.find(c))).collect();
        let mut counted: HashMap<usize, usize> = HashMap::new();
        let mut naming_any = 0;
        for report in &self.forms[surname_form].reports {
            // The report's forms in text order: the first that is one of
            // the bearers' full names (none: the report names no bearer).
            let first_named = form_of_mention.get(*report).and_then(|in_order| {
                in_order.iter().find_map(|&form| {
                    roots
                        .iter()
                        .find(|(c, _)| *c == form)
                        .map(|(_, root)| *root)
                })
            });
            if let Some(root) = first_named {
                naming_any += 1;
                *counted.entry(root).or_default() += 1;
            }
        }
        let (&root, &count) = counted
            .iter()
            .max_by_key(|(root, count)| (**count, std::cmp::Reverse(**root)))?;
        let dominant = count >= 2 && count as f64 >= DOMINANT_BEARER_SHARE * naming_any as f64;
        let form = roots.iter().find(|(_, r)| *r == root).map(|(c, _)| *c)?;
        dominant.then_some((form, count, naming_any))
    }

    fn join_near_spellings(&mut self) {
        let keys: Vec<String> = self.forms.iter().map(|f| translit_key(&f.folded)).collect();
        let mut blocks: HashMap<(EntityKind, String), Vec<usize>> = HashMap::new();
        for (i, key) in keys.iter().enumerate() {
            if key.chars().count() < 7 {
                continue;
            }
            for variant in deletion_neighbourhood(key) {
                blocks.entry((self.kinds[i], variant)).or_default().push(i);
            }
        }
        let mut pairs = BTreeSet::new();
        for members in blocks.values() {
            for (n, &a) in members.iter().enumerate() {
                for &b in &members[n + 1..] {
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
        for (a, b) in pairs {
            if edit_distance(&keys[a], &keys[b]) == 1 && self.near_spelling_allowed(a, b, &keys) {
                let detail = format!(
                    "{} and {} differ by one letter; same kind and initial letter",
                    self.forms[a].display(),
                    self.forms[b].display()
                );
                self.union(a, b, "edit_distance", detail);
            }
        }
    }

    fn near_spelling_allowed(&self, a: usize, b: usize, keys: &[String]) -> bool {
        let (ka, kb) = (&keys[a], &keys[b]);
        if ka.chars().next() != kb.chars().next() {
            return false;
        }
        if is_feminine_pair(ka, kb) || digits(ka) != digits(kb) {
            return false;
        }
        // Places and nationalities one letter apart are as often different
        // countries (Austria/Australia-like pairs) as variants: only
        // transliteration keys join them.
        match self.kinds[a] {
            EntityKind::Person => {
                // "X Jr." and "X Sr." are one edit apart and two people.
                let (words_a, words_b) = (self.person_words(a), self.person_words(b));
                given_names_agree(&self.forms[a], &self.forms[b])
                    && split_generation(&words_a).1 == split_generation(&words_b).1
            }
            EntityKind::Organization => true,
            EntityKind::Place | EntityKind::Other => false,
        }
    }

    fn build(mut self, form_of_mention: Vec<Vec<usize>>) -> EntityIndex {
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..self.forms.len() {
            let root = self.find(i);
            members.entry(root).or_default().push(i);
        }
        let context_countries = self.context_countries(&members);
        let mut entity_of_root = HashMap::new();
        let mut entities = Vec::with_capacity(members.len());
        for (root, forms) in &members {
            entity_of_root.insert(*root, entities.len());
            entities.push(self.entity(*root, forms, &context_countries));
        }
        let mut order: Vec<usize> = (0..entities.len()).collect();
        order.sort_by(|&a, &b| {
            entities[b]
                .reports
                .len()
                .cmp(&entities[a].reports.len())
                .then(entities[b].mentions.cmp(&entities[a].mentions))
                .then(entities[a].name.cmp(&entities[b].name))
        });
        let mut new_index = vec![0; entities.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut sorted: Vec<Entity> = order.iter().map(|&i| entities[i].clone()).collect();
        for (n, entity) in sorted.iter_mut().enumerate() {
            entity.id = format!("ent-{}", n + 1);
        }
        let mention_entity = form_of_mention
            .into_iter()
            .map(|forms| {
                forms
                    .into_iter()
                    .map(|f| new_index[entity_of_root[&self.find(f)]])
                    .collect()
            })
            .collect();
        EntityIndex {
            entities: sorted,
            mention_entity,
            context_countries,
        }
    }

    fn context_countries(&self, members: &BTreeMap<usize, Vec<usize>>) -> Vec<String> {
        most_named_countries(members.values().flatten().filter_map(|&f| {
            let code = self.geocoder.country_code(self.forms[f].display())?;
            Some((code, self.forms[f].mentions))
        }))
    }

    fn entity(&self, root: usize, forms: &[usize], context: &[String]) -> Entity {
        let kind = self.kinds[root];
        let mut aliases: BTreeSet<String> = BTreeSet::new();
        let mut reports = BTreeSet::new();
        let mut titles = BTreeSet::new();
        let mut mentions = 0;
        for &f in forms {
            aliases.extend(self.forms[f].surfaces.keys().cloned());
            reports.extend(self.forms[f].reports.iter().copied());
            titles.extend(self.forms[f].titles.iter().cloned());
            mentions += self.forms[f].mentions;
        }
        let name = self.best_name(kind, forms);
        let (lat, lon) = if kind == EntityKind::Place {
            self.geocoder
                .geocode(&name, context)
                .map_or((None, None), |(lat, lon, _)| (Some(lat), Some(lon)))
        } else {
            (None, None)
        };
        let merges = self
            .reasons
            .iter()
            .zip(&self.reason_root)
            .filter(|(_, r)| forms.contains(r))
            .map(|(reason, _)| reason.clone())
            .collect();
        let country = self.nationality_country(kind, &aliases);
        Entity {
            id: String::new(),
            kind,
            name,
            aliases: aliases.into_iter().collect(),
            reports: reports
                .into_iter()
                .map(|r| self.report_ids.get(r).cloned().unwrap_or_default())
                .collect(),
            mentions,
            lat,
            lon,
            titles: titles.into_iter().collect(),
            merges,
            country,
        }
    }

    /// The country of a nationality ("Russians" → "RU"): demonyms stay
    /// kind `Other` (a group of people, not a place) but keep the link.
    fn nationality_country(&self, kind: EntityKind, aliases: &BTreeSet<String>) -> Option<String> {
        if kind != EntityKind::Other {
            return None;
        }
        aliases
            .iter()
            .find_map(|alias| self.geocoder.demonym_country(alias))
    }

    /// The fullest, most used spelling: persons and organizations prefer
    /// more words (a full name over a surname, an expansion over an acronym),
    /// persons their name without a title.
    fn best_name(&self, kind: EntityKind, forms: &[usize]) -> String {
        forms
            .iter()
            .max_by_key(|&&f| {
                let form = &self.forms[f];
                // A person's name without titles ("Sergei Shoigu", not
                // "Russian Defence Minister Sergei Shoigu").
                let (words, untitled) = match kind {
                    EntityKind::Person => {
                        let core = self.person_core(f).len();
                        (core, core == form.words().len())
                    }
                    EntityKind::Organization => (form.words().len(), true),
                    _ => (0, true),
                };
                (
                    words,
                    untitled,
                    form.mentions,
                    form.folded.len(),
                    std::cmp::Reverse(form.folded.clone()),
                )
            })
            .map(|&f| self.forms[f].display().to_string())
            .unwrap_or_default()
    }
}

/// Prefixes of official country names.
const STATE_FORMS: &[&str] = &[
    "republic of ",
    "the republic of ",
    "kingdom of ",
    "state of ",
    "federation of ",
    "democratic republic of ",
    "federal republic of ",
    "islamic republic of ",
    "people's republic of ",
];

/// True for a folded name such as "republic of veloria".
pub(crate) fn is_state_form(folded: &str) -> bool {
    STATE_FORMS.iter().any(|prefix| folded.starts_with(prefix))
}

/// "nazarbaeva" vs "nazarbaev": the feminine form of a Slavic surname.
fn is_feminine_pair(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_suffix('a') == Some(short)
        || long
            .split(' ')
            .zip(short.split(' '))
            .any(|(l, s)| l.strip_suffix('a') == Some(s))
}

/// The digits of a key: names differing in a number ("Channel 4" /
/// "Channel 5", "Unit 731" / "Unit 732") are different things, never
/// near spellings.
fn digits(key: &str) -> String {
    key.chars().filter(char::is_ascii_digit).collect()
}

/// Two multi-word person names may only be near spellings of each other
/// when their given names agree (by key or initial).
fn given_names_agree(a: &Form, b: &Form) -> bool {
    let (wa, wb) = (a.words(), b.words());
    if wa.len() < 2 || wb.len() < 2 {
        return true;
    }
    let (ga, gb) = (translit_key(wa[0]), translit_key(wb[0]));
    ga == gb || (ga.len() == 1 || gb.len() == 1) && ga.chars().next() == gb.chars().next()
}

/// The (at most three) countries with the most mentions, most first
/// (ties by code), from (country code, mentions) pairs.
fn most_named_countries(named: impl Iterator<Item = (String, usize)>) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (code, mentions) in named {
        *counts.entry(code).or_default() += mentions;
    }
    let mut ranked: Vec<_> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.into_iter().take(3).map(|(code, _)| code).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::{Annotations, Mention, Report, Span};

    fn report(mentions: &[(&str, EntityKind, Option<&str>)]) -> AnnotatedReport {
        let mut report = Report::default();
        report.meta.id = format!("r{}", mentions.len());
        AnnotatedReport {
            report,
            annotations: Annotations {
                mentions: mentions
                    .iter()
                    .map(|(text, kind, expansion)| Mention {
                        span: Span::new(0, 0),
                        text: text.to_string(),
                        kind: *kind,
                        title: None,
                        expansion: expansion.map(str::to_string),
                    })
                    .collect(),
                ..Annotations::default()
            },
        }
    }

    fn entity_names(index: &EntityIndex) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<_> = index
            .entities
            .iter()
            .map(|e| (e.name.clone(), e.aliases.clone()))
            .collect();
        out.sort();
        out
    }

    use EntityKind::{Organization as Org, Person, Place};

    #[test]
    fn spelling_variants_merge_with_reasons() {
        let reports = vec![
            report(&[
                ("Yerlan Dzhaksybekov", Person, None),
                ("Dzhaksybekov", Person, None),
            ]),
            report(&[
                ("Erlan Jaksybekov", Person, None),
                ("Massirov", Person, None),
            ]),
            report(&[("Timur Masirov", Person, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        let names = entity_names(&index);
        assert_eq!(names.len(), 2, "{names:?}");
        let timur = index
            .entities
            .iter()
            .find(|e| e.name == "Timur Masirov")
            .expect("merged");
        assert_eq!(timur.aliases, vec!["Massirov", "Timur Masirov"]);
        assert_eq!(timur.reports, vec!["r2", "r1"]);
        let rules: Vec<_> = index
            .entities
            .iter()
            .flat_map(|e| e.merges.iter().map(|m| m.rule.clone()))
            .collect();
        assert!(rules.contains(&"transliteration".to_string()));
        assert!(rules.contains(&"short_form".to_string()));
        assert_eq!(index.mention_entity[0][0], index.mention_entity[1][0]);
    }

    #[test]
    fn acronyms_join_their_expansion() {
        let reports = vec![
            report(&[
                ("Northern Defence Pact", Org, Some("NDP")),
                ("NDP", Org, Some("Northern Defence Pact")),
            ]),
            report(&[("NDP", Org, None), ("Northern Defense Pact", Org, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        assert_eq!(index.entities.len(), 1, "{:?}", entity_names(&index));
        assert_eq!(index.entities[0].name, "Northern Defence Pact");
        assert_eq!(index.entities[0].mentions, 4);
    }

    #[test]
    fn guards_keep_different_things_apart() {
        let reports = vec![
            report(&[
                ("Aliya Ostrova", Person, None),
                ("Dana Ostrova", Person, None),
                ("Ostrova", Person, None),
                ("Ostrov", Person, None),
                ("Ostrov International Airport", Org, None),
                ("Ostrovsk", Place, None),
            ]),
            report(&[("Pavel Ostrov", Person, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        let names = entity_names(&index);
        // The daughters stay two, the ambiguous "Ostrova" joins neither,
        // the father joins his surname, the airport and city stay apart.
        assert_eq!(names.len(), 6, "{names:?}");
        let pavel = index
            .entities
            .iter()
            .find(|e| e.name == "Pavel Ostrov")
            .expect("present");
        assert_eq!(pavel.aliases, vec!["Ostrov", "Pavel Ostrov"]);
    }

    #[test]
    fn a_person_is_named_without_the_title() {
        let reports = vec![
            report(&[("Veloria Defence Minister Oren Sallow", Person, None)]),
            report(&[("Oren Sallow", Person, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        let names = entity_names(&index);
        assert_eq!(names.len(), 1, "{names:?}");
        assert_eq!(names[0].0, "Oren Sallow");
    }

    #[test]
    fn a_dateline_in_capitals_does_not_name_the_place() {
        let reports = vec![
            report(&[("ALDERHAVEN", Place, None), ("Alderhaven", Place, None)]),
            report(&[("Port Alder", Place, None)]),
        ];
        let index = merge_entities(&reports, &Invented);
        assert!(same_entity(&index, "ALDERHAVEN", "Port Alder"));
    }

    #[test]
    fn listed_aliases_of_an_organization_join() {
        let reports = vec![
            report(&[("ISIL", Org, None), ("Islamic State", Org, None)]),
            report(&[("Daesh", Org, None), ("Hezbollah", Org, None)]),
            report(&[("Wagner", Person, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        assert!(same_entity(&index, "ISIL", "Daesh"));
        assert!(same_entity(&index, "Islamic State", "Daesh"));
        assert!(!same_entity(&index, "Hezbollah", "Daesh"));
        assert!(rules_of(&index, "Daesh").contains(&"known_alias".to_string()));
    }

    #[test]
    fn legal_forms_and_british_spellings_join() {
        let reports = vec![
            report(&[
                ("Brannock Corp.", Org, None),
                ("Harlow Treatment Centre", Org, None),
            ]),
            report(&[
                ("Brannock", Org, None),
                ("Harlow Treatment Center", Org, None),
            ]),
            report(&[("Brannock Group PLC", Org, None), ("Corp.", Org, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        let names = entity_names(&index);
        assert_eq!(names.len(), 3, "{names:?}");
        let brannock = index
            .entities
            .iter()
            .find(|e| e.aliases.contains(&"Brannock".to_string()))
            .expect("present");
        assert_eq!(brannock.aliases.len(), 3, "{:?}", brannock.aliases);
        assert!(brannock.merges.iter().all(|m| m.rule == "legal_form"));
    }

    #[test]
    fn the_arabic_article_is_no_part_of_the_key() {
        let reports = vec![
            report(&[
                ("Hadi al-Karimi", Person, None),
                ("Al-Karimi", Person, None),
            ]),
            report(&[("Hadi Karimi", Person, None), ("Al Gorran", Person, None)]),
            report(&[("Gorran", Person, None), ("Sami Gorran", Person, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        assert!(same_entity(&index, "Hadi al-Karimi", "Hadi Karimi"));
        assert!(same_entity(&index, "Al-Karimi", "Hadi Karimi"));
        assert!(!same_entity(&index, "Al Gorran", "Sami Gorran"));
        let karimi = index
            .entities
            .iter()
            .find(|e| e.aliases.contains(&"Hadi Karimi".to_string()))
            .expect("present");
        assert!(
            karimi.merges.iter().any(|m| m.rule == "arabic_article"),
            "{:?}",
            karimi.merges
        );
    }

    #[test]
    fn one_generation_suffix_joins_and_two_stay_apart() {
        let reports = vec![
            report(&[
                ("Orrin Vale Dusk Jr.", Person, None),
                ("Pell Marrow Sr.", Person, None),
            ]),
            report(&[
                ("Orrin Vale Dusk", Person, None),
                ("Pell Marrow Jr.", Person, None),
            ]),
            report(&[("Pell Marrow", Person, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        assert!(same_entity(
            &index,
            "Orrin Vale Dusk",
            "Orrin Vale Dusk Jr."
        ));
        assert!(!same_entity(&index, "Pell Marrow Sr.", "Pell Marrow Jr."));
        assert!(!same_entity(&index, "Pell Marrow", "Pell Marrow Jr."));
    }

    #[test]
    fn a_nickname_joins_the_full_given_name() {
        let reports = vec![
            report(&[("Frederick C. Marlowe", Person, None)]),
            report(&[
                ("Fred Marlowe", Person, None),
                ("Katie Dunmore", Person, None),
            ]),
            report(&[
                ("Kathryn Dunmore", Person, None),
                ("Fred Dunmore", Person, None),
            ]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        let names = entity_names(&index);
        // Fred Dunmore is no Kathryn: three people stay.
        assert_eq!(names.len(), 3, "{names:?}");
        let fred = index
            .entities
            .iter()
            .find(|e| e.aliases.contains(&"Fred Marlowe".to_string()))
            .expect("present");
        assert!(fred.aliases.contains(&"Frederick C. Marlowe".to_string()));
        assert!(fred.merges.iter().any(|m| m.rule == "nickname"));
    }

    /// ECB+: "Frederick Cheney LaRue" / "Fred LaRue": a full middle name
    /// goes too, when no other person has the shorter name.
    #[test]
    fn a_full_middle_name_may_be_dropped() {
        let reports = vec![
            report(&[("Frederick Cheney Larrow", Person, None)]),
            report(&[("Fred Larrow", Person, None)]),
            report(&[
                ("Tyler Lee Harrow", Person, None),
                ("Tyler Harrow", Person, None),
            ]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        assert!(same_entity(
            &index,
            "Frederick Cheney Larrow",
            "Fred Larrow"
        ));
        assert!(same_entity(&index, "Tyler Lee Harrow", "Tyler Harrow"));
    }

    /// Regression: a surname with its particles ("Lo Presti", "von der
    /// Leyen") was no short form of the full name (ECB+: "Gaetano Lo
    /// Presti" / "Lo Presti").
    #[test]
    fn a_surname_with_particles_joins_its_bearer() {
        let reports = vec![
            report(&[
                ("Orsola van der Meeren", Person, None),
                ("Carlo Lo Vanti", Person, None),
            ]),
            report(&[("Van der Meeren", Person, None), ("Lo Vanti", Person, None)]),
            report(&[("Vanti", Person, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        assert!(same_entity(
            &index,
            "Orsola van der Meeren",
            "Van der Meeren"
        ));
        assert!(same_entity(&index, "Carlo Lo Vanti", "Lo Vanti"));
        assert!(same_entity(&index, "Carlo Lo Vanti", "Vanti"));
        assert!(!same_entity(
            &index,
            "Carlo Lo Vanti",
            "Orsola van der Meeren"
        ));
    }

    #[test]
    fn a_shared_surname_joins_the_bearer_its_reports_name() {
        let tyler = |extra: &[(&'static str, EntityKind, Option<&'static str>)]| {
            let mut mentions = vec![("Tyler Harrow", Person, None), ("Harrow", Person, None)];
            mentions.extend_from_slice(extra);
            report(&mentions)
        };
        let reports = vec![
            tyler(&[]),
            tyler(&[]),
            tyler(&[]),
            tyler(&[("Gene Harrow", Person, None)]),
            report(&[("Harrow", Person, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        let names = entity_names(&index);
        assert_eq!(names.len(), 2, "{names:?}");
        let bearer = index
            .entities
            .iter()
            .find(|e| e.name == "Tyler Harrow")
            .expect("present");
        assert_eq!(bearer.aliases, vec!["Harrow", "Tyler Harrow"]);
        let reason = bearer.merges.iter().find(|m| m.rule == "short_form");
        assert!(
            reason.is_some_and(|m| m.detail.contains("4 of the 4 reports")),
            "{:?}",
            bearer.merges
        );

        // A report naming both counts the one it names first: here Gene
        // in half the reports, so the surname stays apart.
        let gene_first = || {
            report(&[
                ("Gene Harrow", Person, None),
                ("Tyler Harrow", Person, None),
                ("Harrow", Person, None),
            ])
        };
        let reports = vec![tyler(&[]), tyler(&[]), gene_first(), gene_first()];
        let index = merge_entities(&reports, &NoGeocoder);
        assert_eq!(entity_names(&index).len(), 3, "{:?}", entity_names(&index));

        // Reports split between the two bearers: the surname stays apart.
        let reports = vec![
            tyler(&[]),
            tyler(&[]),
            report(&[("Gene Harrow", Person, None), ("Harrow", Person, None)]),
            report(&[("Gene Harrow", Person, None), ("Harrow", Person, None)]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        assert_eq!(entity_names(&index).len(), 3, "{:?}", entity_names(&index));
    }

    #[test]
    fn similar_country_names_stay_apart_and_state_forms_join() {
        let reports = vec![report(&[
            ("Veloria", Place, None),
            ("Velaria", Place, None),
            ("Republic of Veloria", Place, None),
            ("Velorian", EntityKind::Other, None),
            ("Velarian", EntityKind::Other, None),
        ])];
        let index = merge_entities(&reports, &NoGeocoder);
        let names = entity_names(&index);
        assert_eq!(names.len(), 4, "{names:?}");
        let veloria = index
            .entities
            .iter()
            .find(|e| e.name == "Republic of Veloria")
            .expect("joined");
        assert_eq!(veloria.aliases, vec!["Republic of Veloria", "Veloria"]);
    }

    #[test]
    fn nationalities_tagged_as_places_become_other() {
        struct Demonyms;
        impl Geocoder for Demonyms {
            fn geocode(&self, _: &str, _: &[String]) -> Option<(f64, f64, String)> {
                None
            }
            fn country_code(&self, _: &str) -> Option<String> {
                None
            }
            fn is_demonym(&self, name: &str) -> bool {
                self.demonym_country(name).is_some()
            }
            fn demonym_country(&self, word: &str) -> Option<String> {
                (word.trim_end_matches('s') == "Velorian").then(|| "VL".to_string())
            }
        }
        let reports = vec![report(&[
            ("Velorian", Place, None),
            ("Veloria", Place, None),
            ("Velorians", Org, None),
        ])];
        let index = merge_entities(&reports, &Demonyms);
        let kind_of = |name: &str| {
            index
                .entities
                .iter()
                .find(|e| e.name == name)
                .map(|e| e.kind)
        };
        assert_eq!(kind_of("Velorian"), Some(EntityKind::Other));
        assert_eq!(kind_of("Velorians"), Some(EntityKind::Other));
        let country_of = |name: &str| {
            index
                .entities
                .iter()
                .find(|e| e.name == name)
                .and_then(|e| e.country.clone())
        };
        assert_eq!(country_of("Velorians").as_deref(), Some("VL"));
        assert_eq!(
            country_of("Veloria"),
            None,
            "only nationalities carry the link"
        );
        assert_eq!(kind_of("Veloria"), Some(Place));
    }

    #[test]
    fn curation_merges_splits_and_sets_kinds() {
        let reports = vec![report(&[
            ("Timur Masirov", Person, None),
            ("Masirov", Person, None),
            ("T. M.", Person, None),
            ("Kolvaran Combine", Person, None),
        ])];
        let curation = Curation {
            merge: vec![vec!["Timur Masirov".into(), "T. M.".into()]],
            split: vec![vec!["Timur Masirov".into(), "Masirov".into()]],
            kinds: [("kolvaran combine".to_string(), Org)]
                .into_iter()
                .collect(),
        };
        let index = merge_entities_curated(&reports, &NoGeocoder, &curation);
        let names = entity_names(&index);
        assert_eq!(names.len(), 3, "{names:?}");
        let timur = index
            .entities
            .iter()
            .find(|e| e.name == "Timur Masirov")
            .expect("present");
        assert_eq!(timur.aliases, vec!["T. M.", "Timur Masirov"]);
        assert_eq!(timur.merges[0].rule, "curation");
        let combine = index
            .entities
            .iter()
            .find(|e| e.name == "Kolvaran Combine")
            .expect("present");
        assert_eq!(combine.kind, Org);
    }

    /// A gazetteer of invented places: Veloria (VL) with its capital Port
    /// Alder, formerly Alderhaven, and the town of Wellharrow; Ostria (OS).
    struct Invented;
    impl Geocoder for Invented {
        fn geocode(&self, name: &str, _: &[String]) -> Option<(f64, f64, String)> {
            matches!(
                fold(name).as_str(),
                "port alder" | "alderhaven" | "wellharrow"
            )
            .then(|| (1.0, 2.0, "VL".to_string()))
        }
        fn country_code(&self, name: &str) -> Option<String> {
            match fold(name).as_str() {
                "veloria" | "republic of veloria" => Some("VL".into()),
                "ostria" => Some("OS".into()),
                "russia" | "russian federation" => Some("RU".into()),
                _ => None,
            }
        }
        fn demonym_country(&self, word: &str) -> Option<String> {
            match fold(word).as_str() {
                "velorian" => Some("VL".into()),
                "ostrian" => Some("OS".into()),
                _ => None,
            }
        }
        fn place_id(&self, name: &str, _: &[String]) -> Option<String> {
            matches!(fold(name).as_str(), "port alder" | "alderhaven")
                .then(|| "Port Alder, city, VL".to_string())
        }
    }

    #[test]
    fn a_club_named_after_its_place_is_named_without_it() {
        let reports = vec![
            report(&[
                ("Port Alder Mariners", Org, None),
                ("Wellharrow Police", Org, None),
            ]),
            report(&[("Mariners", Org, None), ("Police", Org, None)]),
            report(&[
                ("Port Alder Rovers", Org, None),
                ("Wellharrow Rovers", Org, None),
            ]),
            report(&[("Rovers", Org, None)]),
        ];
        let index = merge_entities(&reports, &Invented);
        assert!(same_entity(&index, "Mariners", "Port Alder Mariners"));
        assert_eq!(rules_of(&index, "Mariners"), ["place_prefix"]);
        assert!(!same_entity(&index, "Police", "Wellharrow Police"));
        assert!(!same_entity(&index, "Rovers", "Port Alder Rovers"));
        assert!(!same_entity(&index, "Rovers", "Wellharrow Rovers"));
    }

    fn entity_with<'a>(index: &'a EntityIndex, alias: &str) -> &'a Entity {
        index
            .entities
            .iter()
            .find(|e| e.aliases.iter().any(|a| a == alias))
            .unwrap_or_else(|| panic!("{alias} missing: {:?}", entity_names(index)))
    }

    fn same_entity(index: &EntityIndex, a: &str, b: &str) -> bool {
        entity_with(index, a).id == entity_with(index, b).id
    }

    fn rules_of(index: &EntityIndex, alias: &str) -> Vec<String> {
        let entity = entity_with(index, alias);
        entity.merges.iter().map(|m| m.rule.clone()).collect()
    }

    #[test]
    fn country_forms_are_one_country_and_the_ussr_is_not_russia() {
        let reports = vec![
            report(&[
                ("U.S.", Place, None),
                ("United States", Place, None),
                ("Britain", Place, None),
                ("USSR", Org, None),
                ("Russia", Place, None),
            ]),
            report(&[
                ("America", Place, None),
                ("the United States", Place, None),
                ("U.K.", Place, None),
                ("Soviet Union", Place, None),
                ("Russian Federation", Place, None),
            ]),
        ];
        let index = merge_entities(&reports, &Invented);
        for (a, b) in [
            ("U.S.", "America"),
            ("United States", "the United States"),
            ("Britain", "U.K."),
            ("USSR", "Soviet Union"),
            ("Russia", "Russian Federation"),
        ] {
            assert!(
                same_entity(&index, a, b),
                "{a} / {b}: {:?}",
                entity_names(&index)
            );
        }
        assert!(!same_entity(&index, "USSR", "Russia"));
        assert!(!same_entity(&index, "U.S.", "Britain"));
        assert_eq!(
            entity_with(&index, "USSR").kind,
            Place,
            "a country is a place"
        );
        assert!(rules_of(&index, "America").contains(&"country".to_string()));
    }

    #[test]
    fn a_renamed_city_is_one_place_with_its_former_name() {
        let reports = vec![
            report(&[("Alderhaven", Place, None)]),
            report(&[("Port Alder", Place, None), ("Port Aldern", Place, None)]),
        ];
        let index = merge_entities(&reports, &Invented);
        assert!(same_entity(&index, "Alderhaven", "Port Alder"));
        assert!(!same_entity(&index, "Port Alder", "Port Aldern"));
        let merge = &entity_with(&index, "Alderhaven").merges[0];
        assert_eq!(merge.rule, "same_place");
        assert!(
            merge.detail.contains("Port Alder, city, VL"),
            "{}",
            merge.detail
        );
    }

    #[test]
    fn punctuation_spacing_and_apostrophes_are_one_name() {
        let reports = vec![
            report(&[
                ("Al-Jazeera", Org, None),
                ("Channel 4", Org, None),
                ("Rosa O'Malley", Person, None),
            ]),
            report(&[
                ("Al Jazeera", Org, None),
                ("Channel-4", Org, None),
                ("Rosa O\u{2019}Malley", Person, None),
                ("Channel 5", Org, None),
            ]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        assert_eq!(index.entities.len(), 4, "{:?}", entity_names(&index));
        assert!(same_entity(&index, "Al-Jazeera", "Al Jazeera"));
        assert!(same_entity(&index, "Channel 4", "Channel-4"));
        assert!(!same_entity(&index, "Channel 4", "Channel 5"));
        assert_eq!(rules_of(&index, "Al Jazeera"), vec!["punctuation"]);
    }

    #[test]
    fn ministries_in_any_word_order_join_within_one_country() {
        let reports = vec![
            report(&[
                ("Velorian Interior Ministry", Org, None),
                ("Ministry of Internal Affairs of Veloria", Org, None),
                ("Ostrian Interior Ministry", Org, None),
                ("Foreign Ministry", Org, None),
                ("Attorney General's Office", Org, None),
            ]),
            report(&[
                ("Internal Affairs Ministry", Org, None),
                ("Ministry of Foreign Affairs", Org, None),
                ("Velorian Foreign Affairs Ministry", Org, None),
                ("General Attorney's Office", Org, None),
                ("Attorney-General\u{2019}s Office", Org, None),
            ]),
        ];
        let index = merge_entities(&reports, &Invented);
        let velorian = "Velorian Interior Ministry";
        assert!(same_entity(
            &index,
            velorian,
            "Ministry of Internal Affairs of Veloria"
        ));
        assert!(!same_entity(&index, velorian, "Ostrian Interior Ministry"));
        // Two countries' interior ministries: the plain name joins neither.
        assert!(!same_entity(&index, velorian, "Internal Affairs Ministry"));
        assert!(!same_entity(
            &index,
            "Ostrian Interior Ministry",
            "Internal Affairs Ministry"
        ));
        // One country's foreign ministry, in a report with a plain name:
        // the plain names join it.
        for plain in ["Foreign Ministry", "Ministry of Foreign Affairs"] {
            assert!(same_entity(
                &index,
                "Velorian Foreign Affairs Ministry",
                plain
            ));
        }
        for office in [
            "General Attorney's Office",
            "Attorney-General\u{2019}s Office",
        ] {
            assert!(same_entity(&index, "Attorney General's Office", office));
        }
        assert!(rules_of(&index, "Foreign Ministry").contains(&"institution".to_string()));
    }

    #[test]
    fn a_plain_ministry_joins_a_foreign_one_only_in_its_report() {
        let reports = vec![
            report(&[("Veloria", Place, None), ("Justice Ministry", Org, None)]),
            report(&[("Ostrian Justice Ministry", Org, None)]),
        ];
        let index = merge_entities(&reports, &Invented);
        // The corpus is about Veloria; the plain name is not Ostria's.
        assert!(!same_entity(
            &index,
            "Justice Ministry",
            "Ostrian Justice Ministry"
        ));
        let about_veloria = vec![
            report(&[("Veloria", Place, None), ("Justice Ministry", Org, None)]),
            report(&[("Ministry of Justice of Veloria", Org, None)]),
        ];
        let index = merge_entities(&about_veloria, &Invented);
        assert!(same_entity(
            &index,
            "Justice Ministry",
            "Ministry of Justice of Veloria"
        ));
    }

    #[test]
    fn the_curation_file_still_splits_institutions() {
        let reports = vec![report(&[
            ("Foreign Ministry", Org, None),
            ("Ministry of Foreign Affairs", Org, None),
        ])];
        let curation = Curation {
            split: vec![vec![
                "Foreign Ministry".into(),
                "Ministry of Foreign Affairs".into(),
            ]],
            ..Curation::default()
        };
        let index = merge_entities_curated(&reports, &NoGeocoder, &curation);
        assert_eq!(index.entities.len(), 2, "{:?}", entity_names(&index));
    }

    #[test]
    fn titles_middle_initials_and_given_names_join_one_person() {
        let reports = vec![
            report(&[
                ("Field Marshal Oren Tasker", Person, None),
                ("Mr Tasker", Person, None),
                ("Lena Q. Morrow", Person, None),
                ("Ivo Petrovich Grall", Person, None),
            ]),
            report(&[
                ("Oren Tasker", Person, None),
                ("Lena Morrow", Person, None),
                ("Ivo Grall", Person, None),
                ("Lena", Person, None),
            ]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        assert_eq!(index.entities.len(), 3, "{:?}", entity_names(&index));
        let tasker = entity_with(&index, "Oren Tasker");
        assert!(tasker
            .aliases
            .contains(&"Field Marshal Oren Tasker".to_string()));
        assert!(same_entity(&index, "Mr Tasker", "Oren Tasker"));
        assert!(same_entity(&index, "Lena Q. Morrow", "Lena Morrow"));
        assert!(same_entity(&index, "Ivo Petrovich Grall", "Ivo Grall"));
        assert!(same_entity(&index, "Lena", "Lena Morrow"));
        let rules = rules_of(&index, "Lena");
        for rule in ["middle_name", "given_name"] {
            assert!(rules.contains(&rule.to_string()), "{rules:?}");
        }
        assert!(rules_of(&index, "Oren Tasker").contains(&"title".to_string()));
    }

    #[test]
    fn family_members_and_ambiguous_short_names_stay_apart() {
        let reports = vec![
            report(&[
                ("Lena H. W. Morrow", Person, None),
                ("Lena Q. Morrow", Person, None),
                ("Lena Morrow", Person, None),
                ("Morrow", Person, None),
            ]),
            report(&[
                ("Dana Kolvar", Person, None),
                ("Ruth Kolvar", Person, None),
                ("Kolvar", Person, None),
                ("Dana", Person, None),
                ("Dana Ostrova", Person, None),
            ]),
        ];
        let index = merge_entities(&reports, &NoGeocoder);
        // Every name is its own entity: two Lena Morrows share the short
        // form, two Kolvars the surname, two Danas the given name.
        assert_eq!(index.entities.len(), 9, "{:?}", entity_names(&index));
    }

    #[test]
    fn a_given_name_joins_only_a_person_of_its_own_report() {
        let reports = vec![
            report(&[("Oren Tasker", Person, None)]),
            report(&[("Oren", Person, None)]),
            report(&[
                ("Alderhaven Ruiz", Person, None),
                ("Alderhaven", Person, None),
            ]),
            report(&[
                ("Wellharrow Stane", Person, None),
                ("Wellharrow", Person, None),
            ]),
        ];
        let index = merge_entities(&reports, &Invented);
        // "Oren" is not in Oren Tasker's report; "Alderhaven" and
        // "Wellharrow" are place names (the latter's spelling key differs
        // from the name: a regression test for looking the key up).
        assert!(!same_entity(&index, "Oren", "Oren Tasker"));
        let ruiz = entity_with(&index, "Alderhaven Ruiz");
        assert_eq!(ruiz.aliases, vec!["Alderhaven Ruiz"]);
        let stane = entity_with(&index, "Wellharrow Stane");
        assert_eq!(stane.aliases, vec!["Wellharrow Stane"]);
    }

    #[test]
    fn places_and_institutions_named_after_people_stay_apart() {
        let reports = vec![report(&[
            ("Dana Kolvar", Person, None),
            ("Kolvar", Person, None),
            ("Kolvar International Airport", Place, None),
            ("Kolvar University", Org, None),
            ("National Security Council", Org, None),
            ("Security Council", Org, None),
            ("UN Security Council", Org, None),
        ])];
        let index = merge_entities(&reports, &NoGeocoder);
        assert_eq!(index.entities.len(), 6, "{:?}", entity_names(&index));
        let person = entity_with(&index, "Dana Kolvar");
        assert_eq!(person.aliases, vec!["Dana Kolvar", "Kolvar"]);
    }

    #[test]
    fn kind_is_the_majority_vote() {
        let reports = vec![report(&[
            ("Veloria", Place, None),
            ("Veloria", Place, None),
            ("Veloria", Org, None),
        ])];
        let index = merge_entities(&reports, &NoGeocoder);
        assert_eq!(index.entities[0].kind, Place);
    }
}
