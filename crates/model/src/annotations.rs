//! Per-report annotations: what the stateless extraction stages find.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Interval, Span};

/// A word, number or punctuation token of a report's text, as
/// `corroborate_text::tokens` makes them (once per report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Word classes read while tokenizing, so stages need not re-scan.
    pub shape: Shape,
}

impl Token {
    /// The token's text, or "" when the span does not fit `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text).unwrap_or("")
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// First character upper case ("Tokayev", "KNB").
    pub fn is_capitalized(&self) -> bool {
        self.shape.has(Shape::CAPITALIZED)
    }

    /// Some upper-case letter and no lower-case one ("KNB", "G20").
    pub fn is_all_caps(&self) -> bool {
        self.shape.has(Shape::ALL_CAPS)
    }

    /// Contains a numeric character that is not a letter ("G20", "m²", "9,900").
    pub fn has_digit(&self) -> bool {
        self.shape.has(Shape::DIGIT)
    }

    /// A word with an inner hyphen ("Kassym-Jomart").
    pub fn has_hyphen(&self) -> bool {
        self.shape.has(Shape::HYPHEN)
    }

    /// A word with an inner apostrophe ("don't", "Nazarbayev’s").
    pub fn has_apostrophe(&self) -> bool {
        self.shape.has(Shape::APOSTROPHE)
    }

    /// Only ASCII bytes.
    pub fn is_ascii(&self) -> bool {
        self.shape.has(Shape::ASCII)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Starts with a letter; letters and digits, with inner hyphens and
    /// apostrophes before a letter.
    Word,
    /// Starts with an ASCII digit; digits, with inner commas and periods
    /// before a digit.
    Number,
    /// Any other single non-space character.
    Punct,
}

/// Word classes of a token as bit flags (see the `Shape::*` constants).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Shape(u8);

impl Shape {
    pub const CAPITALIZED: Shape = Shape(1);
    pub const ALL_CAPS: Shape = Shape(1 << 1);
    pub const DIGIT: Shape = Shape(1 << 2);
    pub const HYPHEN: Shape = Shape(1 << 3);
    pub const APOSTROPHE: Shape = Shape(1 << 4);
    pub const ASCII: Shape = Shape(1 << 5);

    /// True when every flag of `flags` is set.
    pub fn has(self, flags: Shape) -> bool {
        self.0 & flags.0 == flags.0
    }

    /// `self` with the flags of `flags` added.
    #[must_use]
    pub fn with(self, flags: Shape) -> Shape {
        Shape(self.0 | flags.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    /// Nationalities and groups, named events, and the like.
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

/// A name in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    /// The surface form, possessive and title stripped ("Tokayev").
    pub text: String,
    pub kind: EntityKind,
    /// Title or role that travels with a person ("President", "KNB chairman").
    pub title: Option<String>,
    /// For an acronym defined in the text, its expansion, and vice versa.
    pub expansion: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimexType {
    #[serde(rename = "DATE")]
    Date,
    #[serde(rename = "TIME")]
    Time,
    #[serde(rename = "DURATION")]
    Duration,
    #[serde(rename = "SET")]
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// What a relative time expression was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeAnchor {
    /// Fully specified in the text ("5 January 2022").
    Absolute,
    /// The publication date ("on Wednesday", "last week").
    Publication,
    /// The last date mentioned before it ("five days later", "in May").
    Narrative,
    /// Could not be anchored; the value keeps unknown parts as `X`.
    Unanchored,
}

/// A time expression with its TIMEX3-style value and the dates it covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    pub text: String,
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value: `2022-01-05`, `2022-01`, `2022-W01`, `2022-01-05TEV`, `P5D`, `PRESENT_REF`, …
    pub value: String,
    /// First day covered (inclusive), when the value is a calendar date.
    pub start: Option<NaiveDate>,
    /// Last day covered (inclusive).
    pub end: Option<NaiveDate>,
    /// "around", "early January", "late 2021".
    pub approximate: bool,
    pub anchor: TimeAnchor,
    /// True when the value depends on an inferred publication date.
    pub inferred: bool,
}

/// The concept of a person's age ("aged 85", "Smith, 58,"): a figure about
/// one person, which the claims ledger does not compare.
pub const AGE_CONCEPT: &str = "age";

/// The scope of a count of "other" people ("five other workers", "the
/// other 100 workers"): a population apart from the one a report's other
/// figures count.
pub const OTHERS_SCOPE: &str = "others";

/// Concepts that count things rather than people. Such a figure's scope is
/// the noun phrase it counts ("ladder trucks", "worst-hit villages"), and
/// the claims ledger compares it only with figures counting the same
/// things: "three ladder trucks" and "31 fire trucks and other equipment"
/// are both vehicles but not one count.
pub const THING_CONCEPTS: &[&str] = &[
    "vehicles",
    "buildings",
    "enterprises",
    "weapons",
    "places",
    "aircraft",
    "protests",
    "votes",
];

/// A number in the text with the interval its qualifier makes of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub span: Span,
    pub text: String,
    /// The number as stated ("almost 4,000" → 4000).
    pub value: f64,
    pub interval: Interval,
    /// Unit or currency: "tenge", "USD", "percent", "litres".
    pub unit: Option<String>,
    /// What is counted: "killed", "detained", "troops", "price", …
    pub concept: Option<String>,
    /// The qualifying words ("almost", "more than", "at least").
    pub qualifier: Option<String>,
    /// Who or what the count is restricted to ("security officers", "law enforcement").
    pub scope: Option<String>,
    /// Index (in the report's quantity list) of the total this is a part of.
    pub part_of: Option<usize>,
}

/// How surely a statement is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// Said by someone, without doubt expressed ("said", "announced").
    Reported,
    /// Claimed or alleged ("alleged", "claimed", "reportedly", "allegedly").
    Alleged,
    Confirmed,
    Denied,
    /// "one can only speculate", "it is possible that", "may have".
    Speculative,
    /// True "at the time of writing": as of the publication date.
    AsOfWriting,
}

impl Hedge {
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::Reported => "reported",
            Hedge::Alleged => "alleged",
            Hedge::Confirmed => "confirmed",
            Hedge::Denied => "denied",
            Hedge::Speculative => "speculative",
            Hedge::AsOfWriting => "as_of_writing",
        }
    }
}

/// Whose voice a statement is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// The report's own voice.
    Own,
    /// A quoted or reported speaker.
    Quoted,
}

/// Who said what, with which cue, and how hedged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The whole attributed stretch: speaker, cue and content.
    pub span: Span,
    /// Speaker as written ("Tokayev", "the general prosecution office").
    pub speaker: Option<String>,
    pub speaker_span: Option<Span>,
    /// The cue word or phrase ("said", "according to", "reportedly").
    pub cue: String,
    pub cue_span: Span,
    /// What is said.
    pub content: Span,
    pub hedge: Hedge,
    pub voice: Voice,
}

/// Kinds of events the timeline knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    Protest,
    Violence,
    Deaths,
    Arrest,
    Dismissal,
    Resignation,
    Appointment,
    RequestForHelp,
    Deployment,
    Withdrawal,
    Statement,
    Speech,
    Decree,
    StateOfEmergency,
    CommunicationsShutdown,
    EconomicMeasure,
    /// A hearing or trial (charges and verdicts are their own kinds).
    Trial,
    Travel,
    Strike,
    /// Earthquakes, floods, storms, fires, crashes and sinkings.
    Disaster,
    /// An amnesty or pardon granted.
    Amnesty,
    /// Leaders or officials meeting or talking (summits, talks, calls).
    Meeting,
    /// An investigation, inquiry or probe opened or closed.
    Investigation,
    /// A period of mourning declared.
    Mourning,
    /// An election or referendum held or won.
    Election,
    /// A company or asset bought or taken over.
    Acquisition,
    /// Buildings, places, weapons or assets seized.
    Seizure,
    /// Someone charged or indicted.
    Charge,
    /// A verdict or sentence: convicted, acquitted, sentenced.
    Verdict,
    /// People injured or wounded.
    Injuries,
    /// A robbery, theft, heist or burglary.
    Robbery,
    /// Prisoners or detainees escaping custody (a jailbreak).
    Escape,
    Other,
}

impl EventType {
    /// Kinds of happening whose identity is the person they befall (a
    /// death, an arrest, a resignation …): two mentions naming different
    /// people are two happenings, whatever wording they share.
    pub fn befalls_a_person(self) -> bool {
        matches!(
            self,
            EventType::Deaths
                | EventType::Injuries
                | EventType::Arrest
                | EventType::Charge
                | EventType::Trial
                | EventType::Verdict
                | EventType::Dismissal
                | EventType::Resignation
                | EventType::Appointment
                | EventType::Escape
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Protest => "protest",
            EventType::Violence => "violence",
            EventType::Deaths => "deaths",
            EventType::Arrest => "arrest",
            EventType::Dismissal => "dismissal",
            EventType::Resignation => "resignation",
            EventType::Appointment => "appointment",
            EventType::RequestForHelp => "request_for_help",
            EventType::Deployment => "deployment",
            EventType::Withdrawal => "withdrawal",
            EventType::Statement => "statement",
            EventType::Speech => "speech",
            EventType::Decree => "decree",
            EventType::StateOfEmergency => "state_of_emergency",
            EventType::CommunicationsShutdown => "communications_shutdown",
            EventType::EconomicMeasure => "economic_measure",
            EventType::Trial => "trial",
            EventType::Travel => "travel",
            EventType::Strike => "strike",
            EventType::Disaster => "disaster",
            EventType::Amnesty => "amnesty",
            EventType::Meeting => "meeting",
            EventType::Investigation => "investigation",
            EventType::Mourning => "mourning",
            EventType::Election => "election",
            EventType::Acquisition => "acquisition",
            EventType::Seizure => "seizure",
            EventType::Charge => "charge",
            EventType::Verdict => "verdict",
            EventType::Injuries => "injuries",
            EventType::Robbery => "robbery",
            EventType::Escape => "escape",
            EventType::Other => "other",
        }
    }
}

/// A date attached to an event: a TIMEX3 value and the days it covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DateValue {
    pub value: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateValue {
    /// Number of days covered; smaller is more precise.
    pub fn width_days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    pub fn overlaps(&self, other: &DateValue) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// Where an event's date comes from.
///
/// A clause's own time expression dates its event precisely; without one,
/// the narrative context may still place it, less precisely, after the
/// last dated event of the same paragraph (see `corroborate-events`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// A time expression in the event's own clause.
    #[default]
    Clause,
    /// The narrative's current date, kept by a connective of simultaneity
    /// ("Meanwhile", "At the same time", "That day").
    ContextSame,
    /// On or within a few days after the narrative's current date, by a
    /// connective of sequence ("Subsequently", "Later", "Then").
    ContextAfter,
    /// The month or year around the narrative's current date: a later
    /// sentence of the same paragraph with no connective and no date.
    ContextPeriod,
    /// The report's publication (or dateline) day: an undated event the
    /// lead tells in the present perfect ("A court has sentenced …").
    Publication,
}

impl DateBasis {
    /// True for dates not stated by the event's own clause (read from the
    /// narrative or the publication date): less precise, never a side of a
    /// date conflict.
    pub fn is_context(self) -> bool {
        self != DateBasis::Clause
    }
}

/// An event as one report states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// The sentence (or clause) that states the event.
    pub span: Span,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub trigger: String,
    pub trigger_span: Span,
    pub date: Option<DateValue>,
    /// Index into the report's timexes of the expression that dates it
    /// (for a context date: the expression that dated the narrative).
    pub timex: Option<usize>,
    /// Whether the date is the clause's own or read from the narrative.
    #[serde(default)]
    pub date_basis: DateBasis,
    /// Indices into the report's mentions of the names taking part.
    pub participants: Vec<usize>,
    /// For a general action (type `other`), the base form of its trigger
    /// ("win" for "won"): two actions with different bases are two
    /// happenings.
    #[serde(default)]
    pub action: Option<String>,
}

/// Everything the extraction stages found in one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Annotations {
    pub sentences: Vec<Span>,
    /// The report's tokens, computed once in extraction and read by every
    /// stage after it (date refinement and merging included).
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub timexes: Vec<Timex>,
    pub quantities: Vec<Quantity>,
    pub attributions: Vec<Attribution>,
    pub events: Vec<EventMention>,
}

impl Annotations {
    /// A copy without the tokens (which the report's text gives back).
    pub fn without_tokens(&self) -> Annotations {
        Annotations {
            sentences: self.sentences.clone(),
            tokens: Vec::new(),
            mentions: self.mentions.clone(),
            timexes: self.timexes.clone(),
            quantities: self.quantities.clone(),
            attributions: self.attributions.clone(),
            events: self.events.clone(),
        }
    }

    /// The index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        Span::index_containing(&self.sentences, offset)
    }
}

/// A report together with its annotations: what extraction hands to merging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct AnnotatedReport {
    pub report: crate::Report,
    pub annotations: Annotations,
}
