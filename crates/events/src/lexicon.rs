//! Trigger lexicon: which words state which kind of event, and the checks
//! that keep generic uses out.
//!
//! | type | triggers (case-insensitive) | check |
//! |------|-----------------------------|-------|
//! | protest | protested/-ing, demonstrate(d/ing) + against/in/over/…, rallied, rioted/-ing, took/take to the streets | – |
//! | protest | protest(s), demonstration(s), rally/-ies, unrest, riot(s), uprising(s), disturbances | happening |
//! | violence | stormed, storming, attacked/-ing, set ablaze/on fire, torched, looted/-ing, fired on/at, opened fire, seized control, overran/overrun, clashed, tear gas, taken over | – |
//! | violence | clash(es), violence, fighting, gunfire, shooting(s) | happening |
//! | deaths | killed, killing(s), died, dead, death toll, deaths, lost their lives, perished, fatalities | – |
//! | arrest | arrest(ed/s/ing), detain(ed/ing), detention(s), taken into custody, rounded up | – |
//! | dismissal | dismiss(ed/es/ing) | not a denial ("dismissed claims") |
//! | dismissal | sacked, ousted, relieved of | – |
//! | dismissal | remove(d)/removing/removal, fired | official object (title word or "from office/power/the …", "as head") |
//! | resignation | resign(ed/s/ing), resignation(s), stepped/step down, relinquish(ed) | not demanded |
//! | appointment | appoint(ed/s/ing), appointment of, named as, was named, nominated, succeeded (by/as/former/the/Name), chosen as, elected, sworn in, installed as | not demanded |
//! | request_for_help | request(ed), appeal(ed/ing), call(ed/ing) on, asked, turn(ed) to, invited | help object: "for help/support/assistance/intervention", "to intervene", "support of", troops/forces |
//! | deployment | deployed, deploying, deployment(s), sent/send/sending … troops/peacekeepers/regiment, introduction of … troops | – |
//! | deployment | arrive(d/ing/al), landed, landing, entering, entered, mobilized/-ised | troop context |
//! | withdrawal | withdrew, withdrawn, withdraw(al/ing), pull(ed) out, began to leave, leave/left/leaving, depart(ed/ing/ure), return(ed/ing) | troop context |
//! | speech | speech(es) (not "freedom of speech"), televised address/appearance/speech, address to the nation, spoke/speaking in/at/to/before, addressed/addressing + audience | – |
//! | statement | announced, announcing, announcement, statement(s), declared, declaring, posted on | "declared" not with a state of emergency |
//! | decree | decree(s/d), signed a/the … law/decree/bill/order, signed into law | – |
//! | state_of_emergency | state of emergency, curfew(s), martial law, emergency rule | – |
//! | communications_shutdown | internet shutdown/blackout/blockage/outage, blocked/cut/shut down/restored … internet, internet … was blocked/cut/restored, communications/mobile networks … cut/blocked | – |
//! | economic_measure | price cap(s)/control(s), lifted/removed caps, moratorium, raise/lower the price(s), hike/spike/rise/increase/doubling in … prices, price hikes/increases | – |
//! | trial | charged with, on trial, trial(s), sentenced, convicted, indicted | – |
//! | travel | left the country/capital, left for, fled, flew to/into/out, travelled to, went into exile | – |
//! | strike | went/go/on strike, striking workers/miners, walkout(s) | – |
//! | strike | strike(s) | happening |
//!
//! "happening": a noun names an event only when its clause has an event
//! verb (erupted, broke out, began, spread, escalated, was crushed, …) or a
//! date, and it is not the modifier of another noun ("protest movement",
//! "protest actions"); "the protest movement's aims" is not an event.
//!
//! Every trigger is dropped when an earlier part of its sentence denies it
//! ("Denying reports that he fled …").
//! "troop context": the clause names troops, forces, soldiers,
//! peacekeepers, a contingent or regiment, or an organization mention.

use std::sync::LazyLock;

use corroborate_model::EventType;
use regex::Regex;

/// Compiles a pattern with ASCII word boundaries: the trigger words are
/// ASCII, and a Unicode `\b` makes the regex engine fall back to a slow
/// path on text with curly quotes or accented names.
pub(crate) fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))
}

/// A condition a trigger match must meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    /// Counts as is.
    Always,
    /// A noun that needs an event verb or a date in its clause.
    Happening,
    /// "dismissed the government", not "dismissed claims".
    NotDenial,
    /// "removed the interior minister", "removed him from office".
    OfficialObject,
    /// Not in a clause demanding it ("protesters demanded his resignation").
    NotDemanded,
    /// The object asks for help, support, intervention or troops.
    HelpObject,
    /// The clause is about troops or an organization.
    TroopContext,
    /// "declared" is a statement unless it declares an emergency.
    NotEmergency,
    /// "freedom of speech" is not a speech.
    NotFreedomOf,
}

pub(crate) struct Rule {
    pub event_type: EventType,
    pub check: Check,
    pub regex: Regex,
}

const RULE_TABLE: &[(EventType, Check, &str)] = &[
    (
        EventType::Protest,
        Check::Always,
        r"protest(?:ed|ing)|demonstrat(?:e|ed|ing)(?:\s+(?:against|in|outside|near|over|across|on|for)\b|[.,;])|rallied|riot(?:ed|ing)|t(?:ook|ake|aking) to the streets",
    ),
    (
        EventType::Protest,
        Check::Happening,
        r"protests?|demonstrations?|rall(?:y|ies)|unrest|riots?|uprisings?|disturbances",
    ),
    (
        EventType::Violence,
        Check::Always,
        r"storm(?:ed|ing)|attack(?:ed|ing)|set (?:ablaze|on fire)|torched|loot(?:ed|ing)|fired (?:on|at|upon)|opened fire|seized control|overr(?:an|un)|clashed|tear gas|taken over",
    ),
    (
        EventType::Violence,
        Check::Happening,
        r"clash(?:es)?|violence|fighting|gunfire|shootings?",
    ),
    (
        EventType::Deaths,
        Check::Always,
        r"killed|killings?|died|dead|death toll|deaths|lost their lives|perished|fatalities",
    ),
    (
        EventType::Arrest,
        Check::Always,
        r"arrest(?:ed|s|ing)?|detain(?:ed|ing)?|detentions?|taken into custody|rounded up",
    ),
    (
        EventType::Dismissal,
        Check::NotDenial,
        r"dismiss(?:ed|es|ing)?",
    ),
    (
        EventType::Dismissal,
        Check::Always,
        r"sacked|ousted|relieved of",
    ),
    (
        EventType::Dismissal,
        Check::OfficialObject,
        r"remov(?:e|ed|ing|al)|fired",
    ),
    (
        EventType::Resignation,
        Check::NotDemanded,
        r"resign(?:ed|s|ing)?|resignations?|st(?:epped|ep|epping) down|relinquish(?:ed|ing)?",
    ),
    (
        EventType::Appointment,
        Check::NotDemanded,
        r"appoint(?:ed|s|ing)?|appointment of|named as|was named|nominated|succeeded\s+(?:by|as|former|the|\p{Lu})|chosen as|elected|sworn in|installed as",
    ),
    (
        EventType::RequestForHelp,
        Check::HelpObject,
        r"request(?:ed|s)?|appeal(?:ed|ing|s)?|call(?:ed|ing|s)? on|asked|turn(?:ed|ing)? to|invit(?:ed|ing)",
    ),
    (
        EventType::Deployment,
        Check::Always,
        r"deploy(?:ed|ing|ments?)|sen(?:d|t|ding)\s+(?:\S+\s+){0,3}?(?:troops|forces|soldiers|peacekeep\w*|paratroopers|regiment|contingent)|introduction of (?:\S+\s+){0,3}?(?:troops|forces)",
    ),
    (
        EventType::Deployment,
        Check::TroopContext,
        r"arriv(?:e|ed|ing|al)|land(?:ed|ing)|enter(?:ed|ing)|mobili[sz](?:ed|ing)",
    ),
    (
        EventType::Withdrawal,
        Check::TroopContext,
        r"withdr(?:ew|awn|awal|awing|aw)|pull(?:ed|ing)? out|leav(?:e|ing)|left|depart(?:ed|ing|ure)?|return(?:ed|ing)",
    ),
    (
        EventType::Speech,
        Check::NotFreedomOf,
        r"speech(?:es)?|televised (?:address|appearance|speech)|address to the nation|(?:spoke|speaking) (?:in|at|to|before)|address(?:ed|ing)\s+(?:(?:a|an|the)\s+)?(?:nation|parliament|meeting|session|summit|conference|crowd|lawmakers|deputies|reporters|journalists|citizens|people|country|assembly|senate|\p{Lu}\w*)",
    ),
    (
        EventType::Statement,
        Check::NotEmergency,
        r"announc(?:ed|ing|ement)|statements?|declar(?:ed|ing)|posted on",
    ),
    (
        EventType::Decree,
        Check::Always,
        r"decree(?:s|d)?|signed (?:a|the|an) (?:\S+\s+){0,2}?(?:law|decree|bill|order|resolution)|signed into law",
    ),
    (
        EventType::StateOfEmergency,
        Check::Always,
        r"state of emergency|curfews?|martial law|emergency rule",
    ),
    (
        EventType::CommunicationsShutdown,
        Check::Always,
        r"internet (?:shutdown|blackout|blockage|outage)|(?:block(?:ed|ing)?|cut(?:ting)?(?: off)?|shut(?:ting)? down|restor(?:ed|ing))\s+(?:\S+\s+){0,3}?internet|internet\s+(?:\S+\s+){0,2}?(?:was|were|has been|had been)\s+(?:\S+\s+)?(?:blocked|cut|shut down|restored|disrupted|switched off)|(?:communications|mobile networks?|phone lines)\s+(?:were |was )?(?:cut|blocked|shut down|disrupted)",
    ),
    (
        EventType::EconomicMeasure,
        Check::Always,
        r"price (?:caps?|controls?|hikes?|increases?)|(?:lift(?:ed|ing)?|remov(?:ed|ing)|scrap(?:ped|ping)?)\s+(?:the\s+)?(?:price\s+)?caps|moratorium|(?:rais|lower|reduc)(?:e|ed|ing)?\s+the\s+prices?|(?:hike|spike|rise|increase|doubling)s?\s+in\s+(?:\S+\s+){0,4}?prices?",
    ),
    (
        EventType::Trial,
        Check::Always,
        r"charged with|on trial|trials?|sentenced|convicted|indicted",
    ),
    (
        EventType::Travel,
        Check::Always,
        r"left (?:the country|the capital|for)|fled|flew (?:to|into|out)|travel(?:l)?ed to|went into exile",
    ),
    (
        EventType::Strike,
        Check::Always,
        r"(?:went|go|going) on strike|on strike|striking (?:workers|miners|oil workers)|walkouts?",
    ),
    (EventType::Strike, Check::Happening, r"strikes?"),
];

pub(crate) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    RULE_TABLE
        .iter()
        .map(|&(event_type, check, pattern)| Rule {
            event_type,
            check,
            regex: compile(&format!(r"(?i)\b(?:{pattern})\b")).expect("constant regex is valid"),
        })
        .collect()
});

/// Verbs that make a noun trigger a happening.
pub(crate) static EVENT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:erupt\w*|broke out|break(?:s|ing)? out|beg[au]n|begins?|start(?:ed|ing)|spread(?:ing|s)?|continu(?:ed|es|ing)|escalat\w*|took place|taking place|held|staged|swept|sweeping|gripp\w*|rocked|flared|spun|unfold\w*|intensifi\w*|resum\w*|ended|subsided|crushed|suppressed|quell\w*|dispers\w*|gained|snowballed|disrupted|increased|ripped|raged|amplified|turned|killed|occurred)\b",
    )
    .expect("constant regex is valid")
});

/// Nouns that a trigger noun only modifies ("protest movement").
pub(crate) static MODIFIED_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^\s+(?:movements?|actions?|activit(?:y|ies)|episodes?|leaders?|groups?|organi[sz]ers?|slogans?|camps?|sites?|votes?|songs?|culture|potential)\b")
        .expect("constant regex is valid")
});

/// A denial before the trigger in its sentence.
pub(crate) static DENIED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s+(?:the\s+)?(?:reports?|claims?|rumou?rs?|allegations?)\b")
        .expect("constant regex is valid")
});

pub(crate) static DENIAL_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s*(?:\S+\s+){0,2}?(?:claims?|reports?|allegations?|accusations?|suggestions?|rumou?rs?|as|the idea)\b")
        .expect("constant regex is valid")
});

pub(crate) static OFFICIAL_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s*(?:\S+\s+){0,7}?(?:head|chief|chairman|chairwoman|chair|minister|director|governor|mayor|president|ex-president|premier|secretary|commander|general|officials?|deputy|ambassador|prosecutor|judge|cabinet|government)\b|^\s*(?:\S+\s+){0,6}?(?:from\s+(?:office|power|his|her|their|its|the)|as\s+(?:its\s+|his\s+|her\s+|the\s+)?(?:head|chair\w*|chief|director|minister|governor|mayor|president))\b",
    )
    .expect("constant regex is valid")
});

/// "fired on/at …", "fired shots": shooting, not dismissing.
pub(crate) static SHOOTING_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s*(?:on|at|upon|into|shots?|tear|rubber|live|warning|rockets?|missiles?)\b")
        .expect("constant regex is valid")
});

pub(crate) static DEMAND: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:demand\w*|call(?:ed|ing|s)? for|urg(?:ed|ing|es)|want(?:ed|s)?)\b")
        .expect("constant regex is valid")
});

pub(crate) static HELP_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^[^;.]{0,120}?(?:\bfor\s+(?:\S+\s+)?(?:help|support|assistance|aid|intervention)\b|\bto intervene\b|\b(?:the\s+)?(?:support|help|assistance)\s+of\b|^\s*(?:\S+\s+){0,3}?(?:troops|forces|peacekeepers)\b)",
    )
    .expect("constant regex is valid")
});

pub(crate) static TROOP_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:troops|forces|soldiers|peacekeep\w*|paratroopers|contingent|regiment|servicemen)\b")
        .expect("constant regex is valid")
});

pub(crate) static EMERGENCY: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:state of emergency|martial law|curfew)\b").expect("constant regex is valid")
});
