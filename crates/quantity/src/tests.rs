//! Unit tests of the whole extraction on sentences written for them.

use super::*;
use crate::qualifier::{PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS};
use crate::vague::VAGUE_TABLE;

fn one(sentence: &str) -> Vec<Quantity> {
    let tokens = corroborate_text::tokens(sentence);
    extract(sentence, &[Span::new(0, sentence.len())], &tokens)
}

fn only(sentence: &str) -> Quantity {
    let found = one(sentence);
    assert_eq!(found.len(), 1, "{sentence}: {found:?}");
    found.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn bounds(q: &Quantity) -> (Option<f64>, bool, Option<f64>, bool) {
    let i = q.interval;
    (i.low, i.low_inclusive, i.high, i.high_inclusive)
}

#[test]
fn every_prefix_qualifier_row() {
    for (phrase, kind) in PREFIX_QUALIFIERS {
        let phrase = phrase.replace(" .", ".");
        let sentence = format!("Officials said {phrase} 400 protesters were detained.");
        let q = only(&sentence);
        assert_eq!(q.interval, interval_for(Some(*kind), 400.0), "{sentence}");
        assert_eq!(q.value, 400.0, "{sentence}");
        assert_eq!(q.concept.as_deref(), Some("detained"), "{sentence}");
        assert!(q.text.ends_with("400"), "{sentence}: {}", q.text);
    }
}

#[test]
fn every_suffix_qualifier_row() {
    for (phrase, kind) in SUFFIX_QUALIFIERS {
        let joined = match *phrase {
            "- plus" => "400-plus".to_string(),
            "- odd" => "400-odd".to_string(),
            "+" => "400+".to_string(),
            other => format!("400 {other}"),
        };
        let sentence = format!("Officials said {joined} protesters were detained.");
        let q = only(&sentence);
        assert_eq!(q.interval, interval_for(Some(*kind), 400.0), "{sentence}");
        assert_eq!(q.concept.as_deref(), Some("detained"), "{sentence}");
    }
}

#[test]
fn every_vague_amount() {
    for (phrase, low, high) in VAGUE_TABLE {
        let sentence = format!("Police said {phrase} people were detained.");
        let q = only(&sentence);
        assert_eq!(q.interval, Interval::closed(*low, *high), "{sentence}");
        assert_eq!(q.value, *low, "{sentence}");
        assert_eq!(q.concept.as_deref(), Some("detained"), "{sentence}");
    }
}

#[test]
fn magnitude_aware_intervals() {
    let q = only("Officials detained nearly 10,000 people.");
    assert_eq!(bounds(&q), (Some(9500.0), true, Some(10000.0), false));
    let q = only("Officials detained nearly 9,900 people.");
    assert_eq!(bounds(&q), (Some(9800.0), true, Some(9900.0), false));
    let a = only("The alliance sent just over 2,000 troops.");
    let b = only("The force, numbering almost 4,000, arrived.");
    assert!(!a.interval.intersects(&b.interval));
    assert_eq!(b.concept.as_deref(), Some("troops"));
}

#[test]
fn ranges() {
    let q = only("Between 20 and 30 protesters were detained.");
    assert_eq!(q.interval, Interval::closed(20.0, 30.0));
    assert_eq!(
        only("Witnesses saw 20-30 vehicles.").interval,
        Interval::closed(20.0, 30.0)
    );
    assert_eq!(
        only("They sent 20 to 30 soldiers.").interval,
        Interval::closed(20.0, 30.0)
    );
    let q = only("Up to 700 contract workers could lose their jobs.");
    assert_eq!(bounds(&q), (Some(0.0), true, Some(700.0), true));
    let q = only("The fund will spend $5-10 million.");
    assert_eq!(q.interval, Interval::closed(5e6, 1e7));
    assert_eq!(q.unit.as_deref(), Some("USD"));
    // A fraction of a magnitude is one number.
    for (sentence, value) in [
        (
            "Nearly a quarter of a million people were displaced.",
            250_000.0,
        ),
        ("Three-quarters of a billion dollars was lost.", 750e6),
    ] {
        let found = one(sentence);
        assert!(
            found.iter().any(|q| q.value == value),
            "{sentence}: {found:?}"
        );
        assert!(
            found.iter().all(|q| q.unit.as_deref() != Some("percent")),
            "{sentence}: {found:?}"
        );
    }
    // A lone lower-case "m" after digits is metres, not a million.
    assert_eq!(only("The wall is 3m high.").unit.as_deref(), Some("metres"));
    // A change is two figures, not a range.
    assert_eq!(one("The price rose from 60 to 120 tenge.").len(), 2);
}

#[test]
fn currencies_and_units() {
    let cases = [
        ("The firm was paid $46m.", 46e6, "USD"),
        ("He received £8 million.", 8e6, "GBP"),
        ("The bank lent €250 million.", 250e6, "EUR"),
        ("Fuel costs 120 tenge.", 120.0, "tenge"),
        ("Bread costs 90 roubles.", 90.0, "rubles"),
        ("Prices rose 12 per cent.", 12.0, "percent"),
        ("Prices rose 12%.", 12.0, "percent"),
        ("Prices rose 12 percent.", 12.0, "percent"),
        ("Each family gets 20 litres.", 20.0, "litres"),
        ("The convoy drove 29km.", 29.0, "km"),
        ("The ship spilled 300 tonnes.", 300.0, "tonnes"),
        ("The state lent 2.5 billion dollars.", 2.5e9, "USD"),
        ("Thieves took 2m euros in gems.", 2e6, "EUR"),
        ("They agreed a $143-billion bailout.", 143e9, "USD"),
        ("A 3.5-million-dollar grant was cut.", 3.5e6, "USD"),
    ];
    for (sentence, value, unit) in cases {
        let q = only(sentence);
        assert_eq!(q.value, value, "{sentence}");
        assert_eq!(q.unit.as_deref(), Some(unit), "{sentence}");
    }
}

#[test]
fn concepts_and_scopes() {
    let cases = [
        (
            "The office said 187 people had been killed.",
            "killed",
            None,
        ),
        ("The riots left more than 200 people dead.", "killed", None),
        ("Police detained nearly 10,000 people.", "detained", None),
        (
            "By Monday more than 7,400 arrested were in jail.",
            "detained",
            None,
        ),
        (
            "At least twenty Tarvanian security officers were killed.",
            "killed",
            Some("security officers"),
        ),
        ("The alliance sent 1,600 troops.", "troops", None),
        (
            "The hospital treated 40 wounded civilians.",
            "injured",
            None,
        ),
        ("Several thousand protesters marched.", "protesters", None),
        ("The state sold 300 enterprises.", "enterprises", None),
        (
            "Three towns were captured by rebels.",
            "places",
            Some("towns"),
        ),
    ];
    for (sentence, concept, scope) in cases {
        let q = only(sentence);
        assert_eq!(q.concept.as_deref(), Some(concept), "{sentence}");
        assert_eq!(q.scope.as_deref(), scope, "{sentence}");
    }
}

#[test]
fn subcounts_point_to_their_total() {
    let found =
        one("The office said 187 people were killed, including 23 people from law enforcement.");
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].part_of, Some(0));
    assert_eq!(found[1].concept.as_deref(), Some("killed"));
    assert_eq!(found[1].scope.as_deref(), Some("law enforcement"));
    assert!(found[1].interval.intersects(&Interval::exact(23.0)));
    let found = one("Police said 40 people were killed, including the two officers in the van.");
    assert_eq!(found[1].part_of, Some(0), "{found:?}");
    let found = one("Police arrested 900 people, among them 40 students.");
    assert_eq!(found[1].part_of, Some(0));
    assert_eq!(found[1].scope.as_deref(), Some("students"));
}

#[test]
fn a_sub_count_keeps_its_total_when_dates_before_it_are_dropped() {
    let text = "On 12 January the agency announced changes. The escape on Nov. 30 cost jobs. \
                So far, 11 unit employees have been disciplined. \
                Four of those elected to retire, including the two officers who drove the van.";
    let tokens = corroborate_text::tokens(text);
    let sentences = corroborate_text::sentences(text);
    let days: Vec<Span> = ["12 January", "Nov. 30"]
        .iter()
        .filter_map(|day| text.find(day).map(|at| Span::new(at, at + day.len())))
        .collect();
    let found = outside_spans(extract(text, &sentences, &tokens), &days);
    let texts: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["11", "Four", "two"]);
    assert_eq!(found[1].part_of, Some(0), "Four of those 11: {found:?}");
    // A total dropped as a date takes its sub-counts' link with it.
    let dropped = outside_spans(extract(text, &sentences, &tokens), &[found[0].span]);
    assert!(dropped.iter().all(|q| q.part_of.is_none()), "{dropped:?}");
}

#[test]
fn the_items_of_a_breakdown_are_parts_of_its_total() {
    let text = "A total of 288 candidates run for 125 seats, with 37 of the candidates \
                registered in the capital city of the country - Ashgabat, 46 in Akhal region, \
                25 in Balkan region and 61 in Mary region.";
    let found = one(text);
    let texts: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["A total of 288", "125", "37", "46", "25", "61"]);
    for item in &found[2..] {
        assert_eq!(item.part_of, Some(0), "{} in {found:?}", item.text);
    }
    let found = one("The blast killed 40 people, including 12 children, 5 women and 3 officers.");
    assert!(found[1..].iter().all(|q| q.part_of == Some(0)), "{found:?}");
    // A new clause is no list item; nor a larger figure.
    let found = one("The blast killed 40 people, including 12 children, and injured 30 others.");
    assert_eq!(found[2].part_of, None, "{found:?}");
    let found = one("Police held 40 people, including 12 students, and 300 in the next city.");
    assert_eq!(found[2].part_of, None, "{found:?}");
    // A share whose total follows is no share of an earlier figure.
    let found = one("Police arrested 40 people, and 3 of the 5 judges resigned.");
    assert_eq!(found[1].part_of, None, "{found:?}");
    // "of the" points only within its sentence.
    let found = one("Two of the victims were children.");
    assert_eq!(found[0].part_of, None, "{found:?}");
}

#[test]
fn not_quantities() {
    let sentences = [
        "On 5 January the government resigned.",
        "The protests began on January 2.",
        "The curfew lasted from January 4-7.",
        "In 2019 the president stepped down.",
        "Its roots lie in the 1990s.",
        "Article 19 guarantees free speech.",
        "The Covid-19 pandemic hit hard.",
        "The essay appeared in Harbor Review 46.",
        "She was the first woman to lead the party.",
        "It was the second highest turnout.",
        "One can only guess what happened.",
        "This is one of the most stable countries.",
        "The meeting began at 10:30.",
        "He was detained for ten days.",
        "See page 12 for details.",
        "The decree was signed on 15/01/2022.",
        "The 2022 protests were the largest.",
    ];
    for sentence in sentences {
        assert!(one(sentence).is_empty(), "{sentence}: {:?}", one(sentence));
    }
}

#[test]
fn output_is_sorted_without_overlap() {
    let text = "About 300 people died. Police detained 4,000, including 50 minors. Some 20-30 cars burned.";
    let sentences = [
        Span::new(23, 66),
        Span::new(0, 22),
        Span::new(67, text.len()),
    ];
    let found = extract(text, &sentences, &corroborate_text::tokens(text));
    assert_eq!(found.len(), 4);
    assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    assert_eq!(found[2].part_of, Some(1));
    assert_eq!(found[0].span.slice(text), Some("About 300"));
}

#[test]
fn percentage_points_are_their_own_unit_and_no_range_with_percent() {
    let got = one("Unemployment rose 2.5 percentage points to 11 per cent.");
    let units: Vec<(f64, Option<&str>)> =
        got.iter().map(|q| (q.value, q.unit.as_deref())).collect();
    assert_eq!(
        units,
        vec![(2.5, Some("percentage points")), (11.0, Some("percent"))]
    );
}

#[test]
fn and_a_half_and_hyphenated_fractions() {
    let got = one("One and a half million people fled.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].value, 1_500_000.0);
    // "Two-thirds" is a share, not a count of two.
    assert!(one("Two-thirds of voters backed the plan.")
        .iter()
        .all(|q| q.value != 2.0));
}

#[test]
fn shares_of_a_whole_are_percent_figures() {
    let got = one("A third of the 300 residents fled the town.");
    let values: Vec<(f64, Option<&str>)> = got
        .iter()
        .map(|q| ((q.value * 10.0).round() / 10.0, q.unit.as_deref()))
        .collect();
    assert_eq!(values, vec![(33.3, Some("percent")), (300.0, None)]);
    let nearly_half = only("Nearly half of the buildings were damaged.");
    assert_eq!(nearly_half.text, "Nearly half");
    assert_eq!(nearly_half.qualifier.as_deref(), Some("Nearly"));
    assert_eq!(nearly_half.interval.notation(), "[47.5, 50)");
    let two_thirds = only("Two-thirds of voters backed the plan.");
    assert_eq!(two_thirds.text, "Two-thirds");
    assert!(one("Prices rose in the first half of 2023.").is_empty());
}

#[test]
fn fractions_written_as_words_are_shares_not_counts() {
    // Regression: the numerator of a fraction written without a hyphen,
    // or with a denominator beyond tenths of a list, was read as a count.
    for (sentence, percent) in [
        ("Three quarters of the city was flooded.", 75.0),
        ("Two thirds of voters stayed home.", 66.7),
        ("Two-sevenths of the crops were lost.", 28.6),
    ] {
        let share = only(sentence);
        assert_eq!((share.value * 10.0).round() / 10.0, percent, "{sentence}");
        assert_eq!(share.unit.as_deref(), Some("percent"), "{sentence}");
    }
    assert!(one("A two-thirds majority passed it.")
        .iter()
        .all(|q| q.value != 2.0));
}

#[test]
fn lakh_and_crore_are_magnitudes_and_rs_is_a_currency() {
    let crore = only("The company lost Rs 3 crore in the fire.");
    assert_eq!(crore.value, 30_000_000.0);
    assert_eq!(crore.unit.as_deref(), Some("rupees"));
    assert_eq!(crore.text, "Rs 3 crore");
    let lakh = only("Damage was put at Rs. 2.5 lakh.");
    assert_eq!(lakh.value, 250_000.0);
    assert_eq!(lakh.unit.as_deref(), Some("rupees"));
    assert_eq!(only("They paid ₹40 lakh.").unit.as_deref(), Some("INR"));
}

/// An age is a figure about one person (concept `age`, unit `years`),
/// never a toll: "has died, aged 85" once gave 85 killed.
#[test]
fn ages_are_figures_about_a_person() {
    for (sentence, age) in [
        ("The pin-up star has died in Los Angeles, aged 85.", 85.0),
        ("Fred Smith, top aide, dies at 75.", 75.0),
        ("She died at the age of 91 after a fall.", 91.0),
        ("The bodies of Alice Moore, 58, were found.", 58.0),
        (
            "The women killed, who were 61 and 48 years old, were named.",
            61.0,
        ),
    ] {
        let found = one(sentence);
        let q = found
            .iter()
            .find(|q| q.value == age)
            .unwrap_or_else(|| panic!("{sentence}: {found:?}"));
        assert_eq!(q.concept.as_deref(), Some("age"), "{sentence}");
        assert_eq!(q.unit.as_deref(), Some("years"), "{sentence}");
    }
    for (sentence, age, text, unit) in [
        (
            "A 45-year-old teacher was detained.",
            45.0,
            "45-year-old",
            "years",
        ),
        (
            "The two-year-old's mother spoke.",
            2.0,
            "two-year-old's",
            "years",
        ),
        (
            "Three 17-year-olds were held.",
            17.0,
            "17-year-olds",
            "years",
        ),
        ("A 3-month-old baby survived.", 3.0, "3-month-old", "months"),
    ] {
        let found = one(sentence);
        let q = found
            .iter()
            .find(|q| q.value == age)
            .unwrap_or_else(|| panic!("{sentence}: {found:?}"));
        assert_eq!(q.text, text, "{sentence}");
        assert_eq!(q.concept.as_deref(), Some("age"), "{sentence}");
        assert_eq!(q.unit.as_deref(), Some(unit), "{sentence}");
    }
    // A duration stays a duration.
    assert!(one("He served a 30-year sentence.").is_empty());
    // A count beside a weekday or a name without commas stays a count.
    let toll = only("On Monday, 12 people were killed.");
    assert_eq!(toll.concept.as_deref(), Some("killed"));
}

/// House numbers and blocks of a street are addresses, not figures.
#[test]
fn street_addresses_are_not_figures() {
    for sentence in [
        "The bodies were found at 24 Independent Street.",
        "He was shot in the 12000 block of East 223rd Street.",
        "Police sealed off 10 Downing Street.",
    ] {
        assert!(one(sentence).is_empty(), "{sentence}: {:?}", one(sentence));
    }
    let protesters = only("Some 300 protesters marched on Main Street.");
    assert_eq!(protesters.value, 300.0);
}

/// Frames that change what a count counts: a frequency ("arrested four
/// times") counts no one; "a mother of 12" counts children, not the dead
/// of the sentence; "five other workers" counts a population apart.
#[test]
fn frequencies_children_and_other_people() {
    assert_eq!(
        only("He had been arrested four times before.").concept,
        None
    );
    assert_eq!(
        only("Gunmen killed a mother of 12 in the crossfire.")
            .concept
            .as_deref(),
        Some("children")
    );
    let others = only("Five other bank workers were rescued from the balcony.");
    assert_eq!(others.scope.as_deref(), Some("others"));
    let the_others = only("Most of the other 100 workers got out safely.");
    assert_eq!(the_others.scope.as_deref(), Some("others"));
}

/// A number counting a noun of its own takes an event from the verb that
/// governs it, not from a noun nearby ("a death sentence by three jurors");
/// a punishment ("sentenced him to seven life terms") counts no one; a vote
/// tally or score ("deadlocked at 9-3") is no figure, a range ("20-30")
/// is.
#[test]
fn own_nouns_punishments_and_scores() {
    assert_eq!(
        only("He was saved from a death sentence by three jurors.").concept,
        None
    );
    assert_eq!(
        only("Gunmen killed five miners on Monday.")
            .concept
            .as_deref(),
        Some("killed")
    );
    assert_eq!(
        only("The judge sentenced him to seven consecutive life sentences.").concept,
        None
    );
    assert!(one("The jury deadlocked at 9-3.").is_empty());
    assert!(one("The team won 3-1 on Sunday.").is_empty());
    assert_eq!(
        bounds(&only("Some 20-30 cars burned.")),
        (Some(20.0), true, Some(30.0), true)
    );
}

/// After "by" a number is the agent of a passive event, not its victims;
/// a number in a web address line is no figure.
#[test]
fn agents_and_web_address_lines() {
    let found = one("Three were killed during a march by tens of thousands who filled the city.");
    let marchers = found
        .iter()
        .find(|q| q.text == "tens of thousands")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(marchers.concept, None);
    let found =
        one("http: / / news. example. org / athens-three-people-dead / 2010\nThree people died.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].concept.as_deref(), Some("killed"));
}

/// A number before a plural noun of its own counts that noun, not the
/// people named before it.
#[test]
fn a_plural_of_its_own_is_what_a_number_counts() {
    for sentence in [
        "Both officers fired a total of 11 shots at the car.",
        "Police officers interviewed three witnesses on Monday.",
    ] {
        assert_eq!(only(sentence).concept, None, "{sentence}");
    }
    let q = only("Two officers suffered minor injuries.");
    assert_eq!(q.concept.as_deref(), Some("police"));
}

/// A wh-word opens a clause: the noun phrase a number counts ends before
/// it ("the three holdouts how many people …" counts holdouts).
#[test]
fn a_counted_noun_phrase_ends_at_a_wh_word() {
    let q = only("The jurors asked the three holdouts how many people would be enough.");
    assert_eq!(q.concept, None, "{q:?}");
}

/// A count of things is scoped by the noun phrase it counts.
#[test]
fn a_count_of_things_is_scoped_by_its_noun_phrase() {
    let q = only("The storm destroyed the four hardest-hit villages.");
    assert_eq!(q.concept.as_deref(), Some("places"));
    assert_eq!(q.scope.as_deref(), Some("hardest-hit villages"));
    let q = only("Crews used two ladder trucks.");
    assert_eq!(q.concept.as_deref(), Some("vehicles"));
    assert_eq!(q.scope.as_deref(), Some("ladder trucks"));
}

/// The concepts the quantity stage gives to counts of things are the
/// model's list, which the claims ledger blocks by noun phrase.
#[test]
fn thing_concepts_are_the_groups_that_count_no_people() {
    let things: Vec<&str> = crate::concept::GROUPS
        .iter()
        .map(|(label, _)| *label)
        .filter(|label| !crate::concept::PERSON_LABELS.contains(label))
        .collect();
    assert_eq!(things, corroborate_model::THING_CONCEPTS);
}
