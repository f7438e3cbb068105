//! English past forms and their base forms, for the lead's actions
//! ([`crate::lead`]) and the present perfect.
//!
//! A regular past ends in "-ed" and its base is an English word once the
//! ending is undone ("entered" → "enter", "released" → "release",
//! "stopped" → "stop", "carried" → "carry"); the irregular ones are listed.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Irregular verbs: base, simple past, past participle. Left out: verbs
/// whose past reads mostly as another word ("drunk driving", "bound for",
/// "ground", "lay", "lit", "read" in the present).
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("awake", "awoke", "awoken"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bid", "bid", "bid"),
    ("bite", "bit", "bitten"),
    ("bleed", "bled", "bled"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("burn", "burnt", "burnt"),
    ("burst", "burst", "burst"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("cling", "clung", "clung"),
    ("come", "came", "come"),
    ("cost", "cost", "cost"),
    ("creep", "crept", "crept"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("dig", "dug", "dug"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forget", "forgot", "forgotten"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("kneel", "knelt", "knelt"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leap", "leapt", "leapt"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("overcome", "overcame", "overcome"),
    ("overrun", "overran", "overrun"),
    ("overtake", "overtook", "overtaken"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shed", "shed", "shed"),
    ("shoot", "shot", "shot"),
    ("shrink", "shrank", "shrunk"),
    ("shut", "shut", "shut"),
    ("sing", "sang", "sung"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("sleep", "slept", "slept"),
    ("slide", "slid", "slid"),
    ("speak", "spoke", "spoken"),
    ("speed", "sped", "sped"),
    ("spend", "spent", "spent"),
    ("spin", "spun", "spun"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("sting", "stung", "stung"),
    ("strike", "struck", "struck"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("swim", "swam", "swum"),
    ("swing", "swung", "swung"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("write", "wrote", "written"),
];

/// Shortest regular past worth reading ("led" and "fed" are irregular;
/// "bed" and "red" are not pasts).
const MIN_REGULAR_PAST_LEN: usize = 5;

/// Irregular pasts and participles, each with its base.
static IRREGULAR_BASE: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    IRREGULAR
        .iter()
        .flat_map(|&(base, past, participle)| [(past, base), (participle, base)])
        .collect()
});

/// Irregular past participles.
static IRREGULAR_PARTICIPLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    IRREGULAR
        .iter()
        .map(|&(_, _, participle)| participle)
        .collect()
});

/// The base form of a lower-case past tense or past participle
/// ("stopped" → "stop", "won" → "win"), `None` for any other word.
pub(crate) fn past_base(word: &str) -> Option<String> {
    if let Some(base) = IRREGULAR_BASE.get(word) {
        return Some(base.to_string());
    }
    regular_past_base(word)
}

/// Whether a lower-case word may be a past form: it ends in "-ed" or is an
/// irregular one (a cheap test before [`past_base`]).
pub(crate) fn may_be_past(word: &str) -> bool {
    word.ends_with("ed") || IRREGULAR_BASE.contains_key(word)
}

/// True for a lower-case past participle, regular or irregular, other
/// than "had" ("has had" is a state held, not an action done).
pub(crate) fn is_participle(word: &str) -> bool {
    (word.len() > 3 && word.ends_with("ed"))
        || (word != "had" && IRREGULAR_PARTICIPLES.contains(word))
}

/// The base of a regular "-ed" past, when undoing the ending gives an
/// English word: "carried" → "carry", "released" → "release", "stopped" →
/// "stop", "entered" → "enter".
fn regular_past_base(word: &str) -> Option<String> {
    if word.len() < MIN_REGULAR_PAST_LEN || !corroborate_ner::is_english_word(word) {
        return None;
    }
    let stem = word.strip_suffix("ed")?;
    let candidates = [
        stem.strip_suffix('i').map(|s| format!("{s}y")),
        Some(format!("{stem}e")),
        Some(stem.to_string()),
        undoubled(stem),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|base| base.len() >= 2)
        .find(|base| corroborate_ner::is_english_word(base))
}

/// "stopp" → "stop": a doubled final consonant undone.
fn undoubled(stem: &str) -> Option<String> {
    let mut chars = stem.chars().rev();
    let (last, before) = (chars.next()?, chars.next()?);
    let without_last = stem.get(..stem.len() - last.len_utf8())?;
    (last == before && !"aeiou".contains(last)).then(|| without_last.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_pasts_find_their_base() {
        for (past, base) in [
            ("stopped", "stop"),
            ("released", "release"),
            ("entered", "enter"),
            ("carried", "carry"),
            ("checked", "check"),
            ("agreed", "agree"),
        ] {
            assert_eq!(past_base(past).as_deref(), Some(base), "{past}");
        }
    }

    #[test]
    fn irregular_pasts_and_participles_find_their_base() {
        assert_eq!(past_base("won").as_deref(), Some("win"));
        assert_eq!(past_base("fled").as_deref(), Some("flee"));
        assert_eq!(past_base("thrown").as_deref(), Some("throw"));
    }

    #[test]
    fn words_that_only_end_like_a_past_are_not_pasts() {
        for word in ["hundred", "proceed", "speed", "bed", "need"] {
            assert_eq!(past_base(word), None, "{word}");
        }
    }

    #[test]
    fn words_beyond_ascii_are_read_safely() {
        assert_eq!(undoubled("caféé").as_deref(), Some("café"));
        assert_eq!(past_base("ééééed"), None);
    }

    #[test]
    fn participles_regular_and_irregular() {
        assert!(is_participle("sentenced"));
        assert!(is_participle("taken"));
        assert!(is_participle("struck"));
        assert!(is_participle("come"));
        assert!(!is_participle("went"));
        assert!(!is_participle("had"));
    }
}
