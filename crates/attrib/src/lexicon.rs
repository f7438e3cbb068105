//! Cue words and hedge phrases.
//!
//! Reporting cues (a speaker says something) and what hedge each implies:
//!
//! | hedge       | cue forms |
//! |-------------|-----------|
//! | reported    | say, said, says, saying, told, tells, announced, announces, announcing, stated, reported, noted, added, adds, adding, warned, warns, warning, argued, argues, arguing, promised, pledged, declared, declares, wrote, writes, explained, described … as, according to, in the words of |
//! | alleged     | alleged, alleges, claimed, claims¹, claiming, accused, accuses, accusing, blamed, blames, blaming, insisted, insists, insisting, maintains¹, maintained¹ |
//! | confirmed   | confirmed, confirms, confirming, verified |
//! | denied      | denied, denies, denying, rejected², dismissed² |
//! | speculative | believe¹, believes¹ |
//!
//! ¹ only when "that" follows (otherwise a noun or another sense).
//! ² only when claims, reports, allegations, accusations, suggestions,
//!   rumours or "as" follow within three words ("dismissed the government"
//!   is an event, not a denial).
//!
//! Own-voice hedges (no speaker needed), matched case-insensitively except
//! the modal verbs:
//!
//! | hedge         | phrases |
//! |---------------|---------|
//! | alleged       | reportedly, allegedly, purportedly, supposedly, ostensibly, allegation(s), is/are/was/were/been (…ly) believed/said/alleged/reported/thought/rumoured/claimed to |
//! | confirmed     | has/have/had been confirmed, is/are/was/were confirmed, confirmed dead/killed |
//! | speculative   | one can/could only speculate/guess, speculation(s), speculate, it is possible/probable/likely/unlikely that, possibly, probably, perhaps, apparently, it seems, seem(s)/appear(s) to, likely, unlikely, may (have), might, could (not "could not") |
//! | as_of_writing | at the time of writing, at the time of publication, as of writing/now/today/press time/a weekday/a date, so far, to date, thus far, as yet, until now |

use std::sync::LazyLock;

use corroborate_model::Hedge;
use regex::Regex;

/// Patterns compile with ASCII word boundaries (see the shared helper).
pub(crate) use corroborate_text::compile_pattern as compile;

/// A reporting verb form and how it hedges what it introduces.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VerbCue {
    pub form: &'static str,
    pub hedge: Hedge,
    pub needs_that: bool,
    pub needs_denial_object: bool,
}

const fn cue(form: &'static str, hedge: Hedge) -> VerbCue {
    VerbCue {
        form,
        hedge,
        needs_that: false,
        needs_denial_object: false,
    }
}

const fn cue_that(form: &'static str, hedge: Hedge) -> VerbCue {
    VerbCue {
        form,
        hedge,
        needs_that: true,
        needs_denial_object: false,
    }
}

const fn cue_denial(form: &'static str) -> VerbCue {
    VerbCue {
        form,
        hedge: Hedge::Denied,
        needs_that: false,
        needs_denial_object: true,
    }
}

use Hedge::{Alleged, Confirmed, Denied, Reported, Speculative};

pub(crate) const VERB_CUES: &[VerbCue] = &[
    cue("say", Reported),
    cue("said", Reported),
    cue("says", Reported),
    cue("saying", Reported),
    cue("told", Reported),
    cue("tells", Reported),
    cue("announced", Reported),
    cue("announces", Reported),
    cue("announcing", Reported),
    cue("stated", Reported),
    cue("reported", Reported),
    cue("noted", Reported),
    cue("added", Reported),
    cue("adds", Reported),
    cue("adding", Reported),
    cue("warned", Reported),
    cue("warns", Reported),
    cue("warning", Reported),
    cue("argued", Reported),
    cue("argues", Reported),
    cue("arguing", Reported),
    cue("promised", Reported),
    cue("pledged", Reported),
    cue("declared", Reported),
    cue("declares", Reported),
    cue("wrote", Reported),
    cue("writes", Reported),
    cue("explained", Reported),
    cue("alleged", Alleged),
    cue("alleges", Alleged),
    cue("claimed", Alleged),
    cue_that("claims", Alleged),
    cue("claiming", Alleged),
    cue("accused", Alleged),
    cue("accuses", Alleged),
    cue("accusing", Alleged),
    cue("blamed", Alleged),
    cue("blames", Alleged),
    cue("blaming", Alleged),
    cue("insisted", Alleged),
    cue("insists", Alleged),
    cue("insisting", Alleged),
    cue_that("maintains", Alleged),
    cue_that("maintained", Alleged),
    cue("confirmed", Confirmed),
    cue("confirms", Confirmed),
    cue("confirming", Confirmed),
    cue("verified", Confirmed),
    cue("denied", Denied),
    cue("denies", Denied),
    cue("denying", Denied),
    cue_denial("rejected"),
    cue_denial("dismissed"),
    cue_that("believe", Speculative),
    cue_that("believes", Speculative),
];

pub(crate) fn verb_cue(word: &str) -> Option<&'static VerbCue> {
    VERB_CUES.iter().find(|c| c.form.eq_ignore_ascii_case(word))
}

/// Any reporting verb form, "according to", "in the words of", and
/// "described/describes/describing" (checked for a following "as").
pub(crate) static CUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let forms: Vec<&str> = VERB_CUES.iter().map(|c| c.form).collect();
    let pattern = format!(
        r"(?i)\b(?:(?P<according>according to)|(?P<words_of>in the words of)|(?P<described>describ(?:ed|es|ing))|(?P<verb>{}))\b",
        forms.join("|")
    );
    compile(&pattern).expect("constant regex is valid")
});

/// Objects that make "rejected"/"dismissed" a denial.
pub(crate) static DENIAL_OBJECT_RE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s*(?:\S+\s+){0,2}(?:claims?|reports?|allegations?|accusations?|suggestions?|rumou?rs?|as)\b")
        .expect("constant regex is valid")
});

/// Own-voice hedge phrases, each group named after its hedge.
pub(crate) static OWN_HEDGE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let alleged = r"(?i:reportedly|allegedly|purportedly|supposedly|ostensibly|allegations?|(?:is|are|was|were|been)\s+(?:\w+ly\s+)?(?:believed|said|alleged|reported|thought|rumou?red|claimed)\s+to)";
    let confirmed = r"(?i:(?:has|have|had)\s+been\s+confirmed|(?:is|are|was|were)\s+confirmed|confirmed\s+(?:dead|killed))";
    let as_of = r"(?i:at\s+the\s+time\s+of\s+(?:writing|publication|going\s+to\s+press)|as\s+of\s+(?:writing|now|today|press\s+time|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}|\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december))|so\s+far|to\s+date|thus\s+far|as\s+yet|until\s+now)";
    let speculative = r"(?i:one\s+(?:can|could)\s+only\s+(?:speculate|guess)|speculations?|speculate|it\s+is\s+(?:possible|probable|likely|unlikely)\s+that|possibly|probably|perhaps|apparently|it\s+seems|(?:seems?|appears?)\s+to|likely|unlikely)|\bmay\s+have|\bmay|[Mm]ight|[Cc]ould(?:\s+not\b|n’t|n't)?";
    let pattern = format!(
        r"\b(?:(?P<alleged>{alleged})|(?P<confirmed>{confirmed})|(?P<as_of_writing>{as_of})|(?P<speculative>{speculative}))\b"
    );
    compile(&pattern).expect("constant regex is valid")
});

/// How strongly a hedge colours a sentence: doubt first, then
/// confirmation, then time qualification, then plain reporting.
pub(crate) fn strength(hedge: Hedge) -> u8 {
    match hedge {
        Denied => 6,
        Alleged => 5,
        Speculative => 4,
        Confirmed => 3,
        Hedge::AsOfWriting => 2,
        Reported => 1,
    }
}
