//! Trigger lexicon: which words state which kind of event, and the checks
//! that keep generic uses out.
//!
//! | type | triggers (case-insensitive) | check |
//! |------|-----------------------------|-------|
//! | protest | protested/-ing, demonstrate(d/ing) or rallied + against/in/over/a weekday/…  (not "rallied behind/around X", "rallied his team", "rallied to victory"), rioted/-ing, took/take to the streets | asserted |
//! | protest | marched/-ing + through/to/on/in/against/… | people or a civilian group just before it, no armed force in the clause ("thousands of students marched through", not "troops marched into") |
//! | protest | protest(s), demonstration(s), rally/-ies, unrest, riot(s), uprising(s), disturbances, vigil(s) (ACLED: a vigil is a peaceful protest) | happening |
//! | violence | stormed, storming, attacked/-ing, set ablaze/on fire, torched, looted/-ing, fired on/at, opened fire, seized control, overran/overrun, clashed, tear gas, taken over | asserted |
//! | violence | clash(es), violence, fighting, gunfire, shooting(s) | happening |
//! | violence | shot + and/dead/to death/in the/a person ("shot the officer"), was/were shot, stabbed, gunned down, ambushed, assaulted, beaten, bombed, hurled/threw … bombs/grenades/stones/Molotov cocktails | asserted |
//! | violence | bombing(s), attack(s), assault(s), ambush(es), massacre(s), stabbing(s), shootout(s), firefight(s), gunfight(s) | impact |
//! | violence | explosion(s), blast(s), exploded/explodes, detonated, went off | bomb context: the clause names a bomb, explosive, device, grenade, mine, shell, rocket, missile or a suicide attacker |
//! | deaths | killed (not a thing killed: "killed the bill", "the deal had been killed"), died, dies and kills + a count (a headline's present: "Quake kills 10"), death toll, lost their lives, perished, passed away, succumbed, murdered, slain, assassinated, beaten/stabbed/burned/shot to death, suffocated, drowned; killing + a count or a person ("killing at least 14", "killing a police officer") | asserted |
//! | deaths | murder(s), homicide(s), assassination(s), slaying(s) | happening |
//! | injuries | injured, injuring, wounded, wounding; injures/wounds + a count (headline); suffered/sustained … injuries | not "the injured/wounded", not a roster term ("injured reserve", "injured list") |
//! | deaths | dead | not "the dead" |
//! | deaths | killing(s), deaths, fatalities | happening |
//! | arrest | arrested/-ing, detain(ed/ing), taken into custody, rounded up | asserted |
//! | arrest | arrest(s), detention(s) | happening |
//! | dismissal | dismiss(ed/es/ing) | not a denial ("dismissed claims") |
//! | dismissal | sacked, ousted, relieved of | asserted |
//! | dismissal | remove(d)/removing/removal, fired | official object (title word or "from office/power/the …", "as head") |
//! | resignation | resign(ed/s/ing), resignation(s), stepped/step down, relinquish(ed) | not demanded |
//! | appointment | appoint(ed/s/ing), appointment of, named as, was named, nominated, succeeded (by/as/former/the/Name), chosen as, elected, sworn in, installed as, became acting, took over as, assumed the post/office/presidency/command | not demanded |
//! | request_for_help | request(ed), appeal(ed/ing), call(ed/ing) on, asked, turn(ed) to, invited | help object: "for help/support/assistance/intervention", "to intervene", "support of", troops/forces |
//! | deployment | deployed, deploying, sent/send/sending … troops/peacekeepers/regiment | asserted |
//! | deployment | deployment(s), introduction of … troops | happening |
//! | deployment | arrive(d/ing/al), landed, landing, entering, entered, mobilized/-ised | troop context |
//! | withdrawal | withdrew, withdrawn, withdraw(al/ing), pull(ed) out | troop context |
//! | withdrawal | leave/left/leaving, depart(ed/ing/ure), return(ed/ing) | troop words |
//! | speech | speech(es) (not "freedom of speech"), televised address/appearance/speech, address to the nation, spoke/speaking in/at/to/before, addressed/addressing + audience | – |
//! | statement | announced, announcing, declared, declaring, posted on | "declared" not with a state of emergency |
//! | statement | statement(s), announcement(s) | issued/made/"in a statement", or dated |
//! | statement | said, says, told, stated | a date right next to it |
//! | decree | decree(s/d), signed a/the … law/decree/bill/order, signed into law | asserted |
//! | state_of_emergency | state of emergency, curfew(s), martial law, emergency rule | asserted |
//! | communications_shutdown | internet shutdown/blackout/blockage/outage, blocked/cut/shut down/restored … internet, internet … was blocked/cut/restored, communications/mobile networks … cut/blocked | asserted |
//! | communications_shutdown | undersea/internet/fibre/phone cables or lines … were cut/damaged/severed; internet/phone services … were disrupted/cut/hampered | asserted |
//! | communications_shutdown | access/connection/service/network … allowed/restored/resumed | sentence about internet or phones |
//! | economic_measure | price cap(s)/control(s)/ceiling(s)/freeze(s), moratorium, lifted/raised/imposed/cut/capped/froze/lowered/reversed/… + prices/price caps/tariffs/subsidies, prices/caps/tariffs … were lifted/raised/… | asserted |
//! | charge | charged with, indicted, charges … were brought/filed/laid | asserted |
//! | trial | on trial, trial(s) | asserted |
//! | verdict | sentenced, convicted, acquitted, found (not) guilty, jailed for | asserted |
//! | travel | left the country/capital, left for, fled, flew to/into/out, travelled to, went into exile | asserted |
//! | strike | went/go/on strike, striking workers/miners, walkout(s) | asserted |
//! | strike | strike(s) | happening |
//! | disaster | earthquake(s), quake(s), tremor(s), aftershock(s), tsunami(s), flood(s/ing), landslide(s), mudslide(s), avalanche(s), cyclone(s), hurricane(s), typhoon(s), tornado(es), wildfire(s), bushfire(s), forest fire(s), blaze(s), fire(s), arson, inferno | impact: happening, or a verb of impact after it (struck, hit, jolted, destroyed, killed, left N dead, …), or a place damaged "by" or "in" it |
//! | disaster | fire(s) | impact, and not gunfire: "opened/returned/exchanged fire", "came under fire", "fire on", "set fire", "fire-bomb" |
//! | disaster | explosion(s), blast(s), exploded | impact, and no bomb context (a gas explosion, a blast at a plant) |
//! | disaster | caught fire, burned/burnt down, went up in flames, gutted by fire | asserted |
//! | robbery | robbed, robbing, stole, was/were stolen, burglarized | asserted |
//! | robbery | robbery/-ies, heist(s), burglary/-ies, theft(s) | happening |
//! | disaster | crash(ed/es), derailed/derailment, capsized, sank, ran aground, collided | vehicle context: the clause names a plane, train, bus, ship, car, … |
//! | amnesty | pardoned, granted (an) amnesty/pardon, declared/approved/signed an amnesty, amnesty … was declared/granted/passed | not demanded |
//! | meeting | met with, held talks, talks by phone, phone call/conversation with, spoke by phone, meeting with/between | not a reaction ("met with criticism") |
//! | meeting | summit(s) | happening |
//! | investigation | opened/launched/ordered/closed/dropped (an) … investigation/inquiry/probe, investigation … was opened/closed | asserted |
//! | mourning | day(s)/period/week of (national) mourning, national mourning, mourning … was declared | asserted |
//! | election | election(s), referendum(s), runoff(s) | happening ("were held", "took place") |
//! | election | won the … election/vote/runoff/majority, went to the polls | asserted |
//! | acquisition | acquired/acquiring, acquisition of, bought, takeover of, agreed to buy, merged with | an organization in the clause |
//! | seizure | seized, captured, confiscated, took control of | seized object: a place, building, weapons, assets or vessel right after it; "seized control" stays violence |
//! | other | not (been) seen/heard from (in public/publicly) since, last/final/first (public) appearance, was last seen, appeared in public for the first time | always |
//! | other (general action, with `action`) | past verbs of prose sentences (not reporting, thinking or light verbs; see `actions`) and the words of `data/general_actions.tsv` | general action; kept only when dated by its clause (a day or a month) or, in the lead's present perfect, by the publication day |
//!
//! The types follow public event schemes: ACLED's event and sub-event
//! types (protests, riots, violence against civilians, battles,
//! strategic developments such as arrests, seizures and agreements),
//! CAMEO's top-level codes (statements, appeals, consultations and
//! meetings, investigations, yielding: resignations, releases and
//! amnesties; coercion: arrests and seizures) and the kinds of happening
//! of the ECB+ topics (disasters, crashes, acquisitions, elections,
//! appointments, trials). The stages of a court case are distinct
//! happenings: a charge, a trial and a verdict each have their own date.
//!
//! A price rise itself ("a doubling in gas prices", "price hikes") is the
//! cause of a protest, not a measure: economic measures need a measure
//! taken (lifted, raised, imposed, cut, capped, froze, agreed to lower).
//!
//! "asserted": not negated ("not", "never", "no", "n't", "without",
//! "whether", … among the four words before the trigger, except "not
//! only", "not until", "no later than", …) and not a gerund right after a
//! preposition ("complicity in rioting", "upon returning").
//!
//! "happening": a noun names an event only when it is the subject of an
//! event verb (erupted, broke out, began, spread, took place, were held,
//! gathered, …) or of a verb of causing (sparked, triggered, unleashed,
//! led to: what caused something happened) in its stretch of the clause,
//! the object of a staging or
//! ending verb (staged, held, joined, quelled, crushed, dispersed, sparked,
//! coalesced into, …) or of voting ("voted Sunday in a parliamentary
//! election", "cast ballots in the runoff"), or dated right after it, with or without "on"
//! ("the arrest of the editor on 9 March", "a shooting Dec. 6"); never when it modifies another noun ("protest
//! movement") and, undated, not after a subordinator that refers back to a
//! known event ("since the protests began", "where the unrest started").
//! A date elsewhere in the clause is not enough: "saw the protests in
//! early January as a window" is a topic.
//!
//! Every trigger but the "always" ones is also dropped when negated or a
//! gerund right after a preposition ("upon returning"), and
//! every trigger when an earlier part of its sentence denies it ("Denying
//! reports that he fled …") or the sentence is a question.
//! "impact" (also for attack and explosion nouns): a happening, a verb
//! of impact after the noun in its stretch of the clause ("a fire
//! virtually destroyed", a headline's "Fire destroys"), the noun as the
//! agent or setting of damage ("damaged by fire", "killed in a blast",
//! "died in the attack"), or placed at a site ("a fire at a
//! supermarket", "the bombing in Kabul"); never after a preposition that
//! makes it a topic ("charged over the attack on the station", "an
//! inquiry into the fire that destroyed the depot"), unless a happening.
//!
//! "troop context": the clause names troops, forces, soldiers,
//! peacekeepers, a contingent or regiment, an army, the military, a
//! battalion or brigade, or an organization before the trigger ("the CSTO arrived"; "she entered the Promises clinic" names a
//! destination, not a force).

use std::collections::HashMap;
use std::sync::LazyLock;

use corroborate_model::EventType;
use regex::Regex;

/// Patterns compile with ASCII word boundaries (see the shared helper).
pub(crate) use corroborate_text::compile_pattern as compile;

/// A condition a trigger match must meet. Every check but `Always` also
/// drops a negated trigger ("has not commented", "no reports of deaths").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    /// Counts as is, even after a negation (the trigger holds its own).
    Always,
    /// Counts unless negated or a gerund after a preposition ("complicity
    /// in rioting"), the conditions every check but `Always` includes.
    Asserted,
    /// A noun that needs an event predicate: the subject of an event verb,
    /// the object of a staging or ending verb, or dated by "on …".
    Happening,
    /// "shot dead", "confirmed dead", not "the dead".
    NotTheDead,
    /// "dismissed the government", not "dismissed claims".
    NotDenial,
    /// "removed the interior minister", "removed him from office".
    OfficialObject,
    /// Not in a clause demanding it ("protesters demanded his resignation").
    NotDemanded,
    /// The object asks for help, support, intervention or troops.
    HelpObject,
    /// The clause is about troops, or an organization comes before the
    /// trigger.
    TroopContext,
    /// The clause names troops (for verbs as broad as "left").
    TroopWords,
    /// "declared" is a statement unless it declares an emergency.
    NotEmergency,
    /// "statement", "announcement": issued, made, "in a statement", or
    /// dated in the clause.
    IssuedOrDated,
    /// "said", "told": only with a date right next to it ("said on
    /// Tuesday", "on Monday told").
    DatedSpeech,
    /// "access was restored": the sentence is about the internet or phones.
    CommunicationsContext,
    /// "freedom of speech" is not a speech.
    NotFreedomOf,
    /// A natural or man-made disaster noun: a happening, or followed by a
    /// verb of impact ("the quake struck", "floods destroyed").
    Impact,
    /// "crashed", "sank": the clause names a vehicle or vessel.
    VehicleContext,
    /// "met with": not a reaction ("met with criticism").
    NotReaction,
    /// "acquired", "bought": the clause names an organization.
    OrganizationInClause,
    /// "seized": what is seized is a place, building, weapons or assets,
    /// and it is not "seized control" (a violence trigger).
    SeizedObject,
    /// "exploded", "blast": the clause names a bomb, explosive device,
    /// grenade, mine, shell, rocket or a suicide attacker.
    BombContext,
    /// An explosion with impact and no bomb in the clause (a gas
    /// explosion: a disaster, not an attack).
    AccidentalBlast,
    /// "fire" with impact that is not gunfire ("opened fire", "fire on").
    FireImpact,
    /// "escaped": the clause is about prisoners or custody.
    CustodyContext,
    /// "killed": not a thing killed (WordNet's other senses of "kill":
    /// to defeat a bill or a deal, to switch off an engine or the lights):
    /// "killed the bill", "the deal had been killed".
    LivesTaken,
    /// "marched": a protest march only when people, not forces, march
    /// (ACLED counts marches as protests): "thousands marched through the
    /// capital", not "troops marched into the city".
    CivilianMarch,
    /// "injured", "wounded": not "the injured" and not a roster term
    /// ("placed on injured reserve", "the injured list").
    PeopleHurt,
    /// A general action (a past verb or a word of [`GENERAL_ACTIONS`]):
    /// asserted, a participle not used as a noun ("the accused") nor in a
    /// relative clause ("which suffered"), its clause's date (if any) a day
    /// or a month that does not bound a state ("since 1 June"), and only
    /// where no typed trigger tells its clause's happening.
    GeneralAction,
}

pub(crate) struct Rule {
    pub event_type: EventType,
    pub check: Check,
    /// What the rule matches in a text; `None` for the general actions,
    /// found among the tokens ([`crate::actions::general_action_words`]).
    pub regex: Option<Regex>,
}

const RULE_TABLE: &[(EventType, Check, &str)] = &[
    (
        EventType::Protest,
        Check::Asserted,
        r"protest(?:ed|ing)|demonstrat(?:e|ed|ing)(?:\s+(?:against|in|outside|near|over|across|on|for)\b|[.,;])|rallied(?:\s+(?:against|in|outside|near|at|across|through|on|over|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|[.,;])|riot(?:ed|ing)|t(?:ook|ake|aking) to the streets",
    ),
    (
        EventType::Protest,
        Check::Happening,
        r"protests?|demonstrations?|rall(?:y|ies)|unrest|riots?|uprisings?|disturbances|vigils?",
    ),
    (
        EventType::Protest,
        Check::CivilianMarch,
        r"march(?:ed|ing)\s+(?:through|to|on|in|against|toward|towards|outside|along|past|from|into)\b",
    ),
    (
        EventType::Violence,
        Check::Asserted,
        r"storm(?:ed|ing)|attack(?:ed|ing)|set (?:ablaze|on fire)|torched|loot(?:ed|ing)|fired (?:on|at|upon)|opened fire|seized control|overr(?:an|un)|clashed|tear gas|taken over",
    ),
    (
        EventType::Violence,
        Check::Happening,
        r"clash(?:es)?|violence|fighting|gunfire|shootings?",
    ),
    // "shot" as a verb of violence: with an object, a result or a
    // passive ("shot the officer", "shot and killed", "was shot"); "fired
    // one shot" and "a shot at the title" are nouns.
    (
        EventType::Violence,
        Check::Asserted,
        r"shot\s+(?:and\s+(?:killed|wounded|injured)|dead|to death|in the|(?:a|an|the|two|three|four|five|several|dozens|him|her|them|at least)\s|(?-i:\p{Lu})\w+)|(?:was|were|been|being|got)\s+(?:fatally\s+|critically\s+|seriously\s+)?shot|stabb(?:ed|ing)\s+(?:a|an|the|his|her|him|them|to death|(?-i:\p{Lu})\w+)|(?:was|were)\s+stabbed|gunned down|ambushed|assaulted|beaten(?: up| to death)?|bombed|(?:hurl|threw|throw|throwing|hurling|lob)(?:ed|bed|ing)?\s+(?:\S+\s+){0,3}?(?:bombs|firebombs|grenades|stones|rocks|molotov cocktails|explosives)",
    ),
    (
        EventType::Violence,
        Check::Impact,
        r"bombings?|attacks?|assaults?|ambush(?:es)?|massacres?|stabbings?|shootouts?|firefights?|gunfights?",
    ),
    (
        EventType::Violence,
        Check::BombContext,
        r"explosions?|blasts?|explod(?:ed|es|ing)|detonat(?:ed|ing|ion)|went off",
    ),
    (
        EventType::Deaths,
        Check::Asserted,
        r"died|dies|death toll|lost their lives|perished|passed away|succumbed|murdered|slain|assassinated|(?:beaten|stabbed|burned|burnt|shot|hacked|crushed) to death|suffocated|drowned",
    ),
    (EventType::Deaths, Check::LivesTaken, r"killed"),
    // "…, killing a police officer": the participle with a person object.
    (
        EventType::Deaths,
        Check::Asserted,
        r"killing\s+(?:a|an|his|her|their|both|all|(?-i:\p{Lu})\w+)\s",
    ),
    (
        EventType::Deaths,
        Check::Happening,
        r"murders?|homicides?|assassinations?|slayings?",
    ),
    (
        EventType::Injuries,
        Check::PeopleHurt,
        r"injur(?:ed|ing)|wound(?:ed|ing)|(?:injures|wounds) (?:(?:at least|more than|nearly|almost|about|around|some|up to|over|dozens of|hundreds of) )?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|thousands|several)\b|(?:suffered|sustained|treated for)\s+(?:\S+\s+){0,2}?injuries",
    ),
    // "…, killing at least 14 people": a participle whose object is a
    // count states the deaths (a bare "killing" is a noun, checked below).
    (
        EventType::Deaths,
        Check::Asserted,
        r"(?:killing|kills) (?:(?:at least|more than|nearly|almost|about|around|some|up to|over|as many as) )?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|thousands|several)\b",
    ),
    (EventType::Deaths, Check::NotTheDead, r"dead"),
    (
        EventType::Deaths,
        Check::Happening,
        r"killings?|deaths|fatalities",
    ),
    (
        EventType::Arrest,
        Check::Asserted,
        r"arrest(?:ed|ing)|detain(?:ed|ing)?|taken into custody|rounded up",
    ),
    (EventType::Arrest, Check::Happening, r"arrests?|detentions?"),
    (
        EventType::Dismissal,
        Check::NotDenial,
        r"dismiss(?:ed|es|ing)?",
    ),
    (
        EventType::Dismissal,
        Check::Asserted,
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
        r"appoint(?:ed|s|ing)?|appointment of|named as|was named|nominated|succeeded\s+(?:by|as|former|the|(?-i:\p{Lu}))|chosen as|elected|sworn in|installed as|became acting|took over as|(?:assumed|assumes|assuming) (?:the )?(?:post|office|role|duties|presidency|premiership|chairmanship|command)",
    ),
    (
        EventType::RequestForHelp,
        Check::HelpObject,
        r"request(?:ed|s)?|appeal(?:ed|ing|s)?|call(?:ed|ing|s)? on|asked|turn(?:ed|ing)? to|invit(?:ed|ing)",
    ),
    (
        EventType::Deployment,
        Check::Asserted,
        r"deploy(?:ed|ing)|sen(?:d|t|ding)\s+(?:\S+\s+){0,3}?(?:troops|forces|soldiers|peacekeep\w*|paratroopers|regiment|contingent)",
    ),
    (
        EventType::Deployment,
        Check::Happening,
        r"deployments?|introduction of (?:\S+\s+){0,3}?(?:troops|forces)",
    ),
    (
        EventType::Deployment,
        Check::TroopContext,
        r"arriv(?:e|ed|ing|al)|land(?:ed|ing)|enter(?:ed|ing)|mobili[sz](?:ed|ing)",
    ),
    (
        EventType::Withdrawal,
        Check::TroopContext,
        r"withdr(?:ew|awn|awal|awing|aw)|pull(?:ed|ing)? out",
    ),
    (
        EventType::Withdrawal,
        Check::TroopWords,
        r"leav(?:e|ing)|left|depart(?:ed|ing|ure)?|return(?:ed|ing)",
    ),
    (
        EventType::Speech,
        Check::NotFreedomOf,
        r"speech(?:es)?|televised (?:address|appearance|speech)|address to the nation|(?:spoke|speaking) (?:in|at|to|before)|address(?:ed|ing)\s+(?:(?:a|an|the)\s+)?(?:nation|parliament|meeting|session|summit|conference|crowd|lawmakers|deputies|reporters|journalists|citizens|people|country|assembly|senate|(?-i:\p{Lu})\w*)",
    ),
    (
        EventType::Statement,
        Check::NotEmergency,
        r"announc(?:ed|ing)|declar(?:ed|ing)|posted on",
    ),
    (
        EventType::Statement,
        Check::IssuedOrDated,
        r"statements?|announcements?",
    ),
    (
        EventType::Statement,
        Check::DatedSpeech,
        r"said|says|told|stated",
    ),
    (
        EventType::Decree,
        Check::Asserted,
        r"decree(?:s|d)?|signed (?:a|the|an) (?:\S+\s+){0,2}?(?:law|decree|bill|order|resolution)|signed into law",
    ),
    (
        EventType::StateOfEmergency,
        Check::Asserted,
        r"state of emergency|curfews?|martial law|emergency rule",
    ),
    (
        EventType::CommunicationsShutdown,
        Check::Asserted,
        r"internet (?:shutdown|blackout|blockage|outage)|(?:block(?:ed|ing)?|cut(?:ting)?(?: off)?|shut(?:ting)? down|restor(?:ed|ing))\s+(?:\S+\s+){0,3}?internet|internet\s+(?:\S+\s+){0,2}?(?:was|were|has been|had been)\s+(?:\S+\s+)?(?:blocked|cut|shut down|restored|disrupted|switched off)|(?:communications|mobile networks?|phone lines)\s+(?:were |was )?(?:cut|blocked|shut down|disrupted)",
    ),
    // Damage to the lines themselves: "three undersea cables were cut",
    // "Internet services in the region were severely disrupted".
    (
        EventType::CommunicationsShutdown,
        Check::Asserted,
        r"(?:undersea|submarine|underwater|internet|fib(?:re|er)(?:-optic)?|data|telephone|phone|communications?) (?:cables?|lines?|links?)\s+(?:\S+\s+){0,8}?(?:were|was|have been|has been|had been)\s+(?:\S+ly\s+)?(?:cut|damaged|severed|disrupted|broken)|(?:internet|phone|telephone|mobile|data) (?:services?|access|connections?|traffic)\s+(?:\S+\s+){0,6}?(?:were|was|have been|has been|had been)\s+(?:\S+ly\s+)?(?:disrupted|cut|hampered|interrupted|knocked out)",
    ),
    (
        EventType::CommunicationsShutdown,
        Check::CommunicationsContext,
        r"(?:access|connections?|connectivity|services?|networks?)\s+(?:\S+\s+){0,3}?(?:allowed|restored|resumed|reopened|unblocked)",
    ),
    (
        EventType::EconomicMeasure,
        Check::Asserted,
        r"price (?:caps?|controls?|ceilings?|freezes?)|moratorium|(?:lift(?:ed|ing|s)|rais(?:ed|es|ing)|impos(?:ed|es|ing)|introduc(?:ed|es|ing)|implement(?:ed|ing|s)|cut(?:s|ting)|capp(?:ed|ing)|freez(?:es|ing)|froze|lower(?:ed|ing|s)|reduc(?:ed|es|ing)|revers(?:ed|es|ing)|scrap(?:ped|ping|s)|remov(?:ed|es|ing)|restor(?:ed|es|ing)|reinstat(?:ed|es|ing)|abolish(?:ed|es|ing)|hiked|(?:to|will|would|did)\s+(?:lift|raise|impose|introduce|implement|cut|cap|freeze|lower|reduce|reverse|scrap|remove|restore|reinstate|abolish|hike|set))\s+(?:\S+\s+){0,4}?(?:price (?:caps?|controls?|ceilings?|freezes?|increases?|hikes?|rises?)|prices?|tariffs?|caps?|subsid(?:y|ies))|(?:prices?|caps?|tariffs?|subsid(?:y|ies))\s+(?:\S+\s+){0,5}?(?:was|were|had been|have been|has been|would be|will be)\s+(?:\S+ly\s+)?(?:lifted|raised|imposed|introduced|cut|capped|frozen|lowered|reduced|scrapped|removed|restored|reinstated|abolished|set|extended|reversed|hiked)",
    ),
    (
        EventType::Charge,
        Check::Asserted,
        r"charged with|indicted|charges? (?:\S+\s+){0,2}?(?:were|was|have been|has been) (?:brought|filed|laid)",
    ),
    (EventType::Trial, Check::Asserted, r"on trial|trials?"),
    (
        EventType::Verdict,
        Check::Asserted,
        r"sentenced|convicted|acquitted|found (?:not )?guilty|jailed for",
    ),
    (
        EventType::Travel,
        Check::Asserted,
        r"left (?:the country|the capital|for)|fled|flew (?:to|into|out)|travel(?:l)?ed to|went into exile",
    ),
    (
        EventType::Strike,
        Check::Asserted,
        r"(?:went|go|going) on strike|on strike|striking (?:workers|miners|oil workers)|walkouts?",
    ),
    (EventType::Strike, Check::Happening, r"strikes?"),
    (
        EventType::Disaster,
        Check::Impact,
        r"earthquakes?|quakes?|tremors?|aftershocks?|tsunamis?|floods?|flooding|landslides?|mudslides?|avalanches?|cyclones?|hurricanes?|typhoons?|tornado(?:es)?|wildfires?|bushfires?|forest fires?|blazes?|arson|infernos?",
    ),
    (EventType::Disaster, Check::FireImpact, r"fires?"),
    (
        EventType::Disaster,
        Check::AccidentalBlast,
        r"explosions?|blasts?|exploded",
    ),
    (
        EventType::Disaster,
        Check::Asserted,
        r"caught fire|(?:burned|burnt) down|went up in flames|gutted by (?:a )?fire",
    ),
    (
        EventType::Robbery,
        Check::Asserted,
        r"robb(?:ed|ing)|stole|(?:was|were|been)\s+stolen|burglari[sz]ed",
    ),
    (
        EventType::Escape,
        Check::CustodyContext,
        r"escap(?:ed|ing)|broke out of|jail ?breaks?|prison ?breaks?|breakouts?",
    ),
    (
        EventType::Robbery,
        Check::Happening,
        r"robber(?:y|ies)|heists?|burglar(?:y|ies)|thefts?",
    ),
    (
        EventType::Disaster,
        Check::VehicleContext,
        r"crash(?:ed|es)?|derail(?:ed|ment)|capsiz(?:ed|es)|sank|ran aground|collided",
    ),
    (
        EventType::Amnesty,
        Check::NotDemanded,
        r"pardon(?:ed|ing)|grant(?:ed|s|ing)? (?:an? )?(?:\S+\s+){0,2}?(?:amnesty|amnesties|pardons?)|(?:declared|announced|approved|passed|signed) (?:an? |the )?(?:\S+\s+){0,2}?amnesty|amnesty (?:\S+\s+){0,3}?(?:was|were|has been|had been) (?:declared|granted|approved|passed|signed|adopted)",
    ),
    (
        EventType::Meeting,
        Check::NotReaction,
        r"met with|(?:held|holds|hold|holding) (?:\S+\s+){0,2}?talks|talks? by (?:tele)?phone|(?:tele)?phone (?:call|conversation)s? (?:with|between)|spoke by (?:tele)?phone|meeting (?:with|between)",
    ),
    (EventType::Meeting, Check::Happening, r"summits?"),
    (
        EventType::Investigation,
        Check::Asserted,
        r"(?:opened|launched|started|began|initiated|ordered|announced|closed|dropped) (?:an? |the |its )?(?:\S+\s+){0,2}?(?:investigation|inquiry|enquiry|probe)|(?:investigation|inquiry|enquiry|probe) (?:\S+\s+){0,4}?(?:was|has been|had been|were) (?:opened|launched|started|closed|dropped)",
    ),
    (
        EventType::Mourning,
        Check::Asserted,
        r"(?:days?|period|week) of (?:national )?mourning|national mourning|mourning (?:\S+\s+){0,2}?(?:was|were|has been) declared",
    ),
    (
        EventType::Election,
        Check::Happening,
        r"elections?|referendums?|referenda|runoffs?|run-offs?",
    ),
    (
        EventType::Election,
        Check::Asserted,
        r"won (?:the|a|an) (?:\S+\s+){0,3}?(?:election|vote|runoff|run-off|referendum|ballot|majority)|went to the polls",
    ),
    (
        EventType::Acquisition,
        Check::OrganizationInClause,
        r"acquir(?:ed|es|ing)|acquisitions? of|bought|takeovers? of|agreed to (?:buy|acquire)|merg(?:ed|er|ing) with",
    ),
    (
        EventType::Seizure,
        Check::SeizedObject,
        r"seiz(?:ed|ing|es)|captured|confiscat(?:ed|ing)|took control of",
    ),
    (
        EventType::Other,
        Check::Always,
        r"(?:not|never)\s+(?:been\s+)?(?:seen|heard from)\s+(?:(?:in public|publicly)\s+)?since|(?:last|final|first)\s+(?:public\s+)?appearance|(?:was|were)\s+last\s+seen|appeared in public for the first time",
    ),
];

pub(crate) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    RULE_TABLE
        .iter()
        .map(|&(event_type, check, pattern)| Rule {
            event_type,
            check,
            regex: Some(
                compile(&format!(r"(?i)\b(?:{pattern})\b")).expect("constant regex is valid"),
            ),
        })
        .collect()
});

/// The rule of the general actions: past verbs and the words of
/// [`GENERAL_ACTIONS`]. A form a typed rule also matches ("entered",
/// "returned") is a general action only where that rule's checks fail:
/// the typed event wins its clause.
pub(crate) static GENERAL_RULE: Rule = Rule {
    event_type: EventType::Other,
    check: Check::GeneralAction,
    regex: None,
};

/// Past verbs that do not tell a happening of their own: reporting
/// ("said", "confirmed", "suggested": statements have their own rules),
/// thinking and wanting, being and seeming, aspectual verbs ("started to
/// experience") and light verbs whose happening is in their complement or
/// subject ("took place", "made history", "the shootings happened").
pub(crate) const NOT_ACTIONS: &[&str] = &[
    "according",
    "acknowledged",
    "added",
    "aged",
    "alleged",
    "allowed",
    "appeared",
    "argued",
    "asked",
    "assumed",
    "based",
    "became",
    "become",
    "began",
    "begun",
    "believed",
    "brought",
    "called",
    "came",
    "claimed",
    "confirmed",
    "considered",
    "continued",
    "decided",
    "denied",
    "described",
    "did",
    "done",
    "emphasized",
    "estimated",
    "expected",
    "explained",
    "feared",
    "felt",
    "gave",
    "given",
    "got",
    "gotten",
    "had",
    "happened",
    "heard",
    "hoped",
    "included",
    "indicated",
    "insisted",
    "involved",
    "kept",
    "knew",
    "known",
    "left",
    "let",
    "located",
    "made",
    "meant",
    "named",
    "needed",
    "noted",
    "occurred",
    "owned",
    "planned",
    "predicted",
    "put",
    "realized",
    "related",
    "remained",
    "reported",
    "said",
    "saw",
    "seemed",
    "seen",
    "set",
    "started",
    "stated",
    "stayed",
    "stressed",
    "suggested",
    "supposed",
    "suspected",
    "taken",
    "thought",
    "told",
    "took",
    "tried",
    "turned",
    "understood",
    "urged",
    "used",
    "wanted",
    "warned",
    "went",
    "wished",
    "wondered",
];

static GENERAL_ACTIONS_TSV: &str = include_str!("../data/general_actions.tsv");

/// Words that state a happening the typed rules have no type for, each
/// with its base form (`data/general_actions.tsv`: derived from the
/// actions ECB+ annotators marked in several topics; see its header).
pub(crate) static GENERAL_ACTIONS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        GENERAL_ACTIONS_TSV
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let mut fields = line.split('\t');
                Some((fields.next()?, fields.next()?))
            })
            .flat_map(|(base, forms)| forms.split_whitespace().map(move |form| (form, base)))
            .collect()
    });

/// Verbs of impact after a disaster noun ("the quake struck", "floods
/// destroyed", "a 6.1-magnitude tremor jolted").
pub(crate) static IMPACT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:struck|strikes|hit|hits|jolted|shook|rocked|destroy(?:ed|s)|damag(?:ed|es)|devastat(?:ed|es)|flatten(?:ed|s)|engulf(?:ed|s)|swept|sweeps|tore|tears through|ripped|rips|inundated|submerged|measured|registered|kill(?:ed|s)|injur(?:ed|es)|wound(?:ed|s)|gutt(?:ed|s)|raz(?:ed|es)|caused|leaves \S+ (?:dead|people dead|homeless)|left \S+ (?:dead|people dead|homeless))\b")
        .expect("constant regex is valid")
});

/// Prisons, custody and prisoners: an escape in a clause naming one is a
/// jailbreak ("escaped unhurt" is not).
pub(crate) static CUSTODY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:prisons?|jails?|custody|detention|inmates?|prisoners?|detainees?|convicts?|fugitives?|guards?|cells?|penitentiar(?:y|ies)|correctional|prison vans?|transport officers)\b")
        .expect("constant regex is valid")
});

/// A roster term after "injured": "placed on injured reserve".
/// What is "killed" without anyone dying: a measure, plan or deal
/// defeated, a machine or light switched off (WordNet: kill, senses
/// "thwart the passage of" and "cause to stop operating").
const KILLED_THING: &str = r"(?:bill|bills|deal|deals|plan|plans|proposal|proposals|project|projects|legislation|measure|measures|idea|ideas|talks|agreement|agreements|contract|contracts|program|programs|programme|programmes|amendment|amendments|motion|motions|merger|bid|bids|story|stories|engine|engines|lights|momentum|rally)";

/// "killed the bill", "killed off the merger", "killed a $4bn deal".
pub(crate) static KILLED_THING_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^\s+(?:off\s+)?(?:the|a|an|its|their|his|her|any|this|that)?\s*(?:\S+\s+){{0,3}}?{KILLED_THING}\b"
    ))
    .expect("constant regex is valid")
});

/// Who marches in a protest march: people named as a crowd or a group of
/// civilians, the last such word before the verb ("thousands of
/// students marched").
pub(crate) static MARCHERS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:people|protesters|demonstrators|marchers|crowds?|thousands|hundreds|dozens|students|residents|workers|women|activists|opponents|supporters|citizens|villagers|farmers|mourners|families|relatives|pensioners|miners|teachers|doctors|nurses)\b(?:\s+\S+){0,3}\s*$")
        .expect("constant regex is valid")
});

/// Armed forces that march: their march is a movement, not a protest.
pub(crate) static FORCES_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:troops|soldiers|army|armies|forces|militias?|militants|rebels|fighters|police|guards|battalions?|columns?|units?|convoys?|regiments?|brigades?)\b")
        .expect("constant regex is valid")
});

/// "the deal had been killed", "the bill was killed": the thing before a
/// passive.
pub(crate) static KILLED_THING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b{KILLED_THING}\s+(?:\S+\s+)?(?:was|were|is|are|had been|has been|have been|been|being|be)\s+(?:\S+\s+)?$"
    ))
    .expect("constant regex is valid")
});

pub(crate) static ROSTER_AFTER: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s+(?:reserve|list)\b").expect("constant regex is valid"));

/// Weapons that explode: a blast in a clause naming one is an attack.
pub(crate) static BOMB_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:bombs?|bombers?|bombings?|firebombs?|explosives?|(?:explosive|incendiary) devices?|devices?|IEDs?|grenades?|landmines?|mines?|shells?|shelling|rockets?|missiles?|mortars?|suicide|molotov)\b")
        .expect("constant regex is valid")
});

/// "fire" as gunfire or in an idiom: before it "opened", "returned",
/// "exchanged", "under", "cease", "set", "caught", "crossfire"-like
/// phrases; right after it "on", "upon", "into", or a hyphen
/// ("fire-bomb", "fire-fighters").
pub(crate) static GUNFIRE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:open(?:ed|ing|s)?|return(?:ed|ing|s)?|exchang(?:ed|ing|es?)|under|cease|set(?:s|ting)?|caught|catch(?:es|ing)?|hold(?:s|ing)?|held|draw(?:s|ing)?|drew)\s+(?:\S+\s+)?$")
        .expect("constant regex is valid")
});

pub(crate) static GUNFIRE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^(?:\s*(?:on|upon|into)\b|-)").expect("constant regex is valid")
});

/// A disaster or attack noun placed at a site ("a fire at a Waitrose
/// store", "the bombing in Kabul", "Fire at Marfin Bank"): a place or a
/// facility after "at", "in" or "on" makes it a happening told, not a
/// topic.
pub(crate) static SITED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^\s+(?:at|in|on)\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:\S+\s+){0,2}?(?:(?-i:\p{Lu})\w+|(?i:buildings?|supermarkets?|stores?|shops?|factory|factories|plants?|warehouses?|church(?:es)?|mosques?|temples?|synagogues?|schools?|hospitals?|homes?|houses?|apartments?|hotels?|mines?|markets?|banks?|stations?|prisons?|jails?|offices?|ports?|airports?|barracks|bases?|checkpoints?|refinery|refineries|depots?|restaurants?|clubs?|bars?|stadiums?|universit(?:y|ies)|campus|embassy|embassies))\b")
        .expect("constant regex is valid")
});

/// A preposition right before a noun (a determiner and two words may come
/// between) that makes it the topic of another predicate: "charged over
/// the attack", "an inquiry into the fire", "fears of a quake".
pub(crate) static TOPIC_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:over|about|into|of|concerning|regarding|for)\s+(?:\S+\s+){0,2}$")
        .expect("constant regex is valid")
});

/// A disaster or attack noun as the agent or setting of harm: "damaged by
/// fire", "killed in a blast", "died in the attack", "destroyed in an
/// arson".
pub(crate) static HARMED_BY: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:damaged|destroyed|gutted|razed|devastated|ravaged|hit|struck|affected|killed|died|dead|injured|wounded|hurt|perished|lost|burned|burnt|trapped|evacuated|engulfed)\s+(?:\S+\s+){0,2}?(?:by|in|during)\s+(?:\S+\s+){0,3}?$")
        .expect("constant regex is valid")
});

/// Vehicles and vessels that crash, derail, capsize or sink.
pub(crate) static VEHICLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:(?:air|aero)?planes?|jets?|jetliners?|airliners?|aircraft|airships?|helicopters?|choppers?|drones?|flights?|trains?|trams?|buses|bus|minibus(?:es)?|coach|vans?|ferry|ferries|boats?|ships?|vessels?|yachts?|dinghy|dinghies|tankers?|trucks?|lorr(?:y|ies)|cars?|motorcycles?|vehicles?|submarines?|trawlers?)\b")
        .expect("constant regex is valid")
});

/// What "met with" takes when it is a reaction, not a meeting.
pub(crate) static REACTION_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s+(?:\S+\s+)?(?:criticism|resistance|opposition|protests?|anger|outrage|scepticism|skepticism|silence|approval|applause|derision|disbelief|condemnation|success|failure|violence|force|tear gas)\b")
        .expect("constant regex is valid")
});

/// What "seized" or "captured" takes when it is a seizure: places,
/// buildings, weapons, assets, vessels (not "seized control", not a
/// person, who is arrested).
pub(crate) static SEIZED_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s+(?:(?:the|a|an|its|their|his|her|several|two|three|some|all|\d[\d,]*)\s+)?(?:\S+\s+){0,2}?(?:airports?|airfields?|buildings?|offices?|headquarters|administration|city hall|parliament|ministry|palace|stations?|towns?|city|cities|villages?|bases?|barracks|checkpoints?|border crossings?|ports?|harbou?rs?|oil fields?|mines?|factor(?:y|ies)|plants?|territory|weapons|arms|rifles|guns|ammunition|explosives|drugs|cocaine|heroin|cash|assets|property|properties|funds|accounts|vessels?|ships?|tankers?|boats?|aircraft|vehicles?|cars?|documents|equipment)\b")
        .expect("constant regex is valid")
});

/// Verbs that make a noun trigger a happening. Only ever asked whether
/// it matches, so the stems taking any ending share one `\w*` (each
/// Unicode `\w` adds thousands of automaton states to compile).
pub(crate) static EVENT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:(?:erupt|escalat|gripp|unfold|intensifi|resum|quell|dispers|paralys|paralyz)\w*|broke out|break(?:s|ing)? out|beg[au]n|begins?|start(?:ed|ing)|spread(?:ing|s)?|continu(?:ed|es|ing)|took place|taking place|held|staged|swept|sweeping|rocked|flared|spun|ended|subsided|crushed|suppressed|gained|snowballed|disrupted|increased|ripped|raged|killed|occurred|gathered|marched|went ahead|turned (?:violent|deadly|bloody)|left \d+|claimed|sparked|triggered|unleashed|touched off|prompted|provoked|led to)\b",
    )
    .expect("constant regex is valid")
});

/// Where the stretch of a clause that a noun trigger heads ends: a new
/// subordinate clause starts.
pub(crate) static STRETCH_END: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)[(,;:—–]|\b(?:while|when|whereas|although|because|if|as|but)\b")
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
    compile(r"(?i)\b(?:demand\w*|call(?:ed|ing|s)? for|urg(?:ed|ing|es)|want(?:ed|s)?|chant(?:ed|ing|s)?|press(?:ed|ing)? for|push(?:ed|ing)? for)\b")
        .expect("constant regex is valid")
});

pub(crate) static HELP_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^[^;.]{0,120}?(?:\bfor\s+(?:\S+\s+)?(?:help|support|assistance|aid|intervention)\b|\bto intervene\b|\b(?:the\s+)?(?:support|help|assistance)\s+of\b|^\s*(?:\S+\s+){0,3}?(?:troops|forces|peacekeepers)\b)",
    )
    .expect("constant regex is valid")
});

/// Armed bodies named as a whole ("the army withdrew", "two battalions
/// arrived"): troop context for deployments and withdrawals, though not
/// for leaving and returning ("he left the army" is a career).
pub(crate) static ARMED_BODY: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:army|armies|military|battalions?|brigades?|regiments|marines|guardsmen)\b")
        .expect("constant regex is valid")
});

pub(crate) static TROOP_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:troops|forces|soldiers|peacekeep\w*|paratroopers|contingent|regiment|servicemen)\b")
        .expect("constant regex is valid")
});

pub(crate) static EMERGENCY: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:state of emergency|martial law|curfew)\b").expect("constant regex is valid")
});

/// A staging or ending verb right before a noun trigger (its object):
/// "staged protests", "helped quell the protests", "coalesced into large
/// scale demonstrations".
pub(crate) fn object_verb_before(before: &str) -> bool {
    OBJECT_VERB_BEFORE.is_match(before)
        || (OBJECT_VERB_STEM.is_match(before) && STEM_OBJECT_VERB_BEFORE.is_match(before))
}

/// The staging and ending verbs of [`object_verb_before`] with a fixed
/// form.
static OBJECT_VERB_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:(?:stag(?:e|ed|ing)|h[eo]ld(?:ing)?|organi[sz](?:e|ed|ing)|led|lead(?:ing)?|join(?:ed|ing)?|(?:broke|break|breaking) up|put down|end(?:ed|ing)?|(?:coalesced|turned|grew|developed|escalated|morphed|evolved|descended) into)\s+(?:\S+\s+){0,3}|(?:vot(?:ed|es|ing)|cast(?:ing)? (?:their |his |her )?ballots?|(?:go|goes|went|going) to the polls)\s+(?:\S+\s+){0,4}?(?:in|at)\s+(?:\S+\s+){0,2})$",
    )
    .expect("constant regex is valid")
});

/// The verbs of [`object_verb_before`] given by a stem and any ending. A
/// Unicode `\w*` before the words up to the end makes the lazy DFA build
/// many states (about 150M instructions per process on the seeds), so
/// this regex runs only when [`OBJECT_VERB_STEM`] finds a stem.
static STEM_OBJECT_VERB_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:quell|crush|suppress|dispers)\w*\s+(?:\S+\s+){0,3}$")
        .expect("constant regex is valid")
});

static OBJECT_VERB_STEM: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)quell|crush|suppress|dispers").expect("constant regex is valid")
});

/// A subordinator right before a noun trigger that refers back to an
/// event already told ("since the protests began", "where the unrest
/// started").
pub(crate) static REFERENCE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:since|after|before|until|where|once)\s+(?:\S+\s+){0,3}$")
        .expect("constant regex is valid")
});

/// "issued a statement", "in a short statement".
pub(crate) static ISSUED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:issu(?:ed|ing)|releas(?:ed|ing)|publish(?:ed|ing)|ma(?:de|king)|read(?: out)?|in)\s+(?:\S+\s+){0,3}$")
        .expect("constant regex is valid")
});

/// What lies between "said" and a date that dates the saying: "said on",
/// "said late on", "said" directly before "Saturday".
pub(crate) static SPEECH_DATE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^,?\s+(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?$")
        .expect("constant regex is valid")
});

/// A sentence about the internet, phones or messaging.
pub(crate) static COMMUNICATIONS_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:internet|online|mobile|cellular|network|phones?|telephone|telecom\w*|communications?|messag\w*|social media|websites?)\b")
        .expect("constant regex is valid")
});

/// Words that negate the trigger when among the four words before it.
pub(crate) const NEGATORS: &[&str] = &[
    "not", "never", "no", "nobody", "cannot", "without", "whether", "neither", "nor", "none",
];

/// Words after a negator that make it not a negation ("not only", "not
/// until", "no later than", "no fewer than").
pub(crate) const NEGATION_RELEASES: &[&str] = &[
    "only", "until", "till", "later", "sooner", "more", "fewer", "less", "least",
];

/// Prepositions that turn a following "-ing" trigger into a topic.
pub(crate) const GERUND_PREPOSITIONS: &[&str] = &[
    "in", "for", "of", "about", "against", "over", "by", "from", "with", "without", "upon", "on",
    "after", "before", "into", "at", "to",
];

/// Conjunctions that open a condition or a time clause (see
/// [`IRREALIS_CONDITIONS`] and [`FUTURE_MODALS`]).
pub(crate) const CONDITION_WORDS: &[&str] = &[
    "until", "till", "unless", "if", "after", "before", "when", "once",
];

/// Conjunctions whose clause states no happening: "until he died", "if
/// the talks fail", "unless troops withdraw".
pub(crate) const IRREALIS_CONDITIONS: &[&str] = &["until", "till", "unless", "if"];

/// Modals of a main clause that turn its "after", "when" or "once"
/// clause into an expectation ("would reveal the name after he died").
/// Contractions are split by the tokenizer ("wouldn" + "'t", "won").
pub(crate) const FUTURE_MODALS: &[&str] = &["will", "would", "wouldn", "won", "shall", "ll", "'ll"];

/// Between a noun trigger and its date: "on", "of the editor on".
pub(crate) static DATED_BY_ON: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s+(?:of\s+(?:\S+\s+){0,4}?)?(?:on\s+)?(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$")
        .expect("constant regex is valid")
});

#[cfg(test)]
mod tests {
    use super::*;

    /// Every suffix of `text` starting after a space, as the text before
    /// a trigger is cut.
    fn befores(text: &str) -> Vec<&str> {
        text.match_indices(' ').map(|(i, _)| &text[..=i]).collect()
    }

    const SAMPLE: &str = "Police quelled the unrest and crushed large scale protests. \
        Troops helped QUELLING the riots; they dispersed the crowds, ſuppressed the \
        strikes, organised two rallies and coalesced into big demonstrations. \
        Officers suppress-ed naïve prötests and dispersé the mob before joining the \
        riots, then broke up  the marches and put down the uprising.";

    #[test]
    fn object_verbs_before_match_as_one_pattern_would() {
        let whole = compile(
            r"(?i)\b(?:stag(?:e|ed|ing)|h[eo]ld(?:ing)?|organi[sz](?:e|ed|ing)|led|lead(?:ing)?|join(?:ed|ing)?|quell\w*|crush\w*|suppress\w*|dispers\w*|(?:broke|break|breaking) up|put down|end(?:ed|ing)?|(?:coalesced|turned|grew|developed|escalated|morphed|evolved|descended) into)\s+(?:\S+\s+){0,3}$",
        )
        .expect("valid");
        let cut = befores(SAMPLE);
        let matching = cut.iter().filter(|b| object_verb_before(b)).count();
        assert!(matching > 10, "{matching}");
        for before in cut {
            assert_eq!(
                object_verb_before(before),
                whole.is_match(before),
                "{before}"
            );
        }
    }

    #[test]
    fn event_verbs_match_as_one_pattern_per_stem_would() {
        let separate = compile(
            r"(?i)\b(?:erupt\w*|broke out|break(?:s|ing)? out|beg[au]n|begins?|start(?:ed|ing)|spread(?:ing|s)?|continu(?:ed|es|ing)|escalat\w*|took place|taking place|held|staged|swept|sweeping|gripp\w*|rocked|flared|spun|unfold\w*|intensifi\w*|resum\w*|ended|subsided|crushed|suppressed|quell\w*|dispers\w*|gained|snowballed|disrupted|increased|ripped|raged|killed|occurred|gathered|marched|went ahead|turned (?:violent|deadly|bloody)|paralys\w*|paralyz\w*|left \d+|claimed)\b",
        )
        .expect("valid");
        let text = "The unrest erupted, escalating and gripping the city; strikes paralysed \
            ports, unfolded, intensifiéd and resumed. Protests quelled? dispersing \
            paralyzes left 4 and erupt_ed.";
        let mut cuts: Vec<&str> = text.match_indices(' ').map(|(i, _)| &text[i..]).collect();
        cuts.push(text);
        assert!(cuts.iter().any(|c| EVENT_VERB.is_match(c)));
        for cut in cuts {
            assert_eq!(EVENT_VERB.is_match(cut), separate.is_match(cut), "{cut}");
        }
    }
}
