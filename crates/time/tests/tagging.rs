//! Behaviour of the tagger on invented news sentences, one test per family.

use chrono::NaiveDate;
use corroborate_model::{TimeAnchor, Timex, TimexType};
use corroborate_time::{infer_publication_date, tag};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn run(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    tag(text, dct, false)
}

/// (text, value) pairs of the tagged expressions.
fn pairs(text: &str, dct: Option<NaiveDate>) -> Vec<(String, String)> {
    run(text, dct)
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

fn p(text: &str, value: &str) -> (String, String) {
    (text.to_string(), value.to_string())
}

const DCT: Option<NaiveDate> = NaiveDate::from_ymd_opt(2022, 1, 11);

#[test]
fn absolute_dates_in_common_orders() {
    let text =
        "Talks began on 5 January 2022 and resumed on January 6, 2022. A draft dated 2022-01-07 \
                and a memo of 01/08/2022 were leaked; the 9th of January 2022 was quiet.";
    assert_eq!(
        pairs(text, None),
        vec![
            p("5 January 2022", "2022-01-05"),
            p("January 6, 2022", "2022-01-06"),
            p("2022-01-07", "2022-01-07"),
            p("01/08/2022", "2022-01-08"),
            p("the 9th of January 2022", "2022-01-09"),
        ]
    );
    let tagged = run("It was signed on 5 January 2022.", None);
    assert_eq!(tagged[0].anchor, TimeAnchor::Absolute);
    assert_eq!(tagged[0].start, Some(day(2022, 1, 5)));
}

#[test]
fn yearless_dates_use_the_dct_with_a_past_bias() {
    let text = "Crowds gathered on Jan. 5 and again on 7 Jan. A rally on 28 December was peaceful.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("Jan. 5", "2022-01-05"),
            p("7 Jan.", "2022-01-07"),
            p("28 December", "2021-12-28"),
        ]
    );
    let tagged = run("A rally on 28 December was peaceful.", DCT);
    assert_eq!(tagged[0].anchor, TimeAnchor::Publication);
}

#[test]
fn yearless_dates_without_dct_are_unanchored_or_narrative() {
    let tagged = run("The rally on 5 January was peaceful.", None);
    assert_eq!(tagged[0].value, "XXXX-01-05");
    assert_eq!(tagged[0].anchor, TimeAnchor::Unanchored);
    assert_eq!(tagged[0].start, None);
    let tagged = run(
        "The strike began on 2 January 2022. The rally on 5 January was peaceful.",
        None,
    );
    assert_eq!(tagged[1].value, "2022-01-05");
    assert_eq!(tagged[1].anchor, TimeAnchor::Narrative);
}

#[test]
fn months_years_decades_centuries() {
    let text =
        "Prices rose in January 2022 after a reform in October 2019. Similar riots took place \
                in 2011, and since 2019 the party has ruled under the 1993 constitution. \
                In the 1990s, as in the 19th century, the region was poor.";
    assert_eq!(
        pairs(text, None),
        vec![
            p("January 2022", "2022-01"),
            p("October 2019", "2019-10"),
            p("2011", "2011"),
            p("2019", "2019"),
            p("1993", "1993"),
            p("the 1990s", "199"),
            p("the 19th century", "18"),
        ]
    );
    let tagged = run("Unrest in January 2022.", None);
    assert_eq!(tagged[0].start, Some(day(2022, 1, 1)));
    assert_eq!(tagged[0].end, Some(day(2022, 1, 31)));
}

#[test]
fn numbers_that_are_not_years() {
    let text = "Some 2,000 troops arrived, citing Article 19 and NLR 46 on page 1234; \
                call 555 1999 for details. Officials said 2000 people had fled.";
    assert!(run(text, DCT).is_empty(), "{:?}", pairs(text, DCT));
    assert_eq!(
        pairs("On Friday 225 people were killed.", DCT),
        vec![p("Friday", "2022-01-07")]
    );
}

#[test]
fn seasons() {
    assert_eq!(
        pairs("The plan was drafted in the spring of 2021.", None),
        vec![p("the spring of 2021", "2021-SP")]
    );
    let tagged = run("in the winter of 2020", None);
    assert_eq!(tagged[0].start, Some(day(2020, 12, 1)));
    assert_eq!(tagged[0].end, Some(day(2021, 2, 28)));
}

#[test]
fn weekdays_resolve_to_the_last_such_day_on_or_before_the_dct() {
    // 2022-01-11 is a Tuesday.
    assert_eq!(
        pairs(
            "Protesters gathered on Wednesday and again on Tuesday.",
            DCT
        ),
        vec![p("Wednesday", "2022-01-05"), p("Tuesday", "2022-01-11")]
    );
    assert_eq!(
        pairs("Parliament will meet on Friday.", DCT),
        vec![p("Friday", "2022-01-14")]
    );
    assert_eq!(
        pairs("Shops were looted on Wednesday night.", DCT),
        vec![p("Wednesday night", "2022-01-05TNI")]
    );
}

#[test]
fn deictic_words_and_relative_units() {
    let dct = NaiveDate::from_ymd_opt(2020, 1, 10);
    let text = "Today the mayor resigned; yesterday he denied it, and tomorrow he leaves. \
                Last week the police arrested him, this year is an election year, \
                last month prices rose, and five days ago the border closed.";
    assert_eq!(
        pairs(text, dct),
        vec![
            p("Today", "2020-01-10"),
            p("yesterday", "2020-01-09"),
            p("tomorrow", "2020-01-11"),
            p("Last week", "2020-W01"),
            p("this year", "2020"),
            p("last month", "2019-12"),
            p("five days ago", "2020-01-05"),
        ]
    );
    let tagged = run("Last week was calm.", dct);
    assert_eq!(tagged[0].start, Some(day(2019, 12, 30)));
    assert_eq!(tagged[0].end, Some(day(2020, 1, 5)));
    assert_eq!(tagged[0].anchor, TimeAnchor::Publication);
}

#[test]
fn earlier_this_week_and_present_reference() {
    let text = "Protests erupted earlier this week and the city is currently calm. \
                At the time of writing, the airport is closed and troops are now in the streets.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("earlier this week", "2022-W02"),
            p("currently", "PRESENT_REF"),
            p("At the time of writing", "PRESENT_REF"),
            p("now", "PRESENT_REF"),
        ]
    );
    assert!(run("earlier this week", DCT)[0].approximate);
}

#[test]
fn parts_of_day_and_clock_times() {
    let text = "Shots were heard on the evening of 5 January and at 3 p.m. on Thursday. \
                By the morning the square was empty; the curfew starts at 23:00.";
    let tagged = run(text, DCT);
    let got: Vec<(&str, &str, TimexType)> = tagged
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str(), t.timex_type))
        .collect();
    assert_eq!(
        got[0],
        ("the evening of 5 January", "2022-01-05TEV", TimexType::Time)
    );
    // TimeML: the preposition stands between two expressions; the clock
    // time still takes Thursday's day.
    assert_eq!(got[1], ("3 p.m.", "2022-01-06T15:00", TimexType::Time));
    assert_eq!(got[2], ("Thursday", "2022-01-06", TimexType::Date));
    assert!(got.iter().any(|g| g.0 == "23:00" && g.2 == TimexType::Time));
    assert_eq!(
        pairs(
            "The curfew was lifted this morning and reimposed yesterday afternoon.",
            DCT
        ),
        vec![
            p("this morning", "2022-01-11TMO"),
            p("yesterday afternoon", "2022-01-10TAF")
        ]
    );
}

#[test]
fn durations() {
    let text = "The siege lasted five days, the regime ruled for three decades, talks took seven months \
                and people waited for years; a 24-hour curfew followed more than two weeks of unrest.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("five days", "P5D"),
            p("three decades", "P3DE"),
            p("seven months", "P7M"),
            p("years", "PXY"),
            p("24-hour", "PT24H"),
            p("more than two weeks", "P2W"),
        ]
    );
    let tagged = run("The siege lasted five days.", DCT);
    assert_eq!(tagged[0].timex_type, TimexType::Duration);
    assert_eq!(tagged[0].start, None);
    assert!(run("more than two weeks", DCT)[0].approximate);
}

#[test]
fn sets() {
    let tagged = run(
        "The festival is held every year and the report is published annually.",
        DCT,
    );
    let got: Vec<(&str, &str, TimexType)> = tagged
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str(), t.timex_type))
        .collect();
    assert_eq!(
        got,
        vec![
            ("every year", "P1Y", TimexType::Set),
            ("annually", "P1Y", TimexType::Set)
        ]
    );
}

#[test]
fn approximate_dates() {
    let text = "Fighting began in early January 2022, around 5 January 2022, after tension in late 2021 and mid-2019.";
    let tagged = run(text, None);
    let got: Vec<(&str, &str, bool)> = tagged
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str(), t.approximate))
        .collect();
    assert_eq!(
        got,
        vec![
            ("early January 2022", "2022-01", true),
            ("around 5 January 2022", "2022-01-05", true),
            ("late 2021", "2021", true),
            ("mid-2019", "2019", true),
        ]
    );
    assert_eq!(tagged[0].start, Some(day(2022, 1, 1)));
    assert_eq!(tagged[0].end, Some(day(2022, 1, 10)));
}

#[test]
fn anaphora_follow_the_narrative() {
    let text = "Troops arrived on 8 January 2022. Five days later they left. \
                The same day the airport reopened, and that month prices fell.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("8 January 2022", "2022-01-08"),
            p("Five days later", "2022-01-13"),
            p("The same day", "2022-01-13"),
            p("that month", "2022-01"),
        ]
    );
    let tagged = run(text, DCT);
    assert_eq!(tagged[1].anchor, TimeAnchor::Narrative);
}

#[test]
fn regression_month_after_earlier_month_moves_forward_in_a_news_background_paragraph() {
    let text = "Crowds stormed the office on Wednesday.\n\nFor example, in October 2019 the president signed a law on appointments. However, in May, he removed the senator from office.";
    let dct = NaiveDate::from_ymd_opt(2022, 1, 11);
    assert_eq!(
        pairs(text, dct),
        vec![
            p("Wednesday", "2022-01-05"),
            p("October 2019", "2019-10"),
            p("May", "2020-05")
        ]
    );
}

#[test]
fn regression_month_after_earlier_month_moves_forward() {
    let text = "The movement was founded in October 2019. In May, it held its first congress.";
    assert_eq!(
        pairs(text, None),
        vec![p("October 2019", "2019-10"), p("May", "2020-05")]
    );
}

#[test]
fn regression_day_ranges_and_lists() {
    let tagged = run("Clashes on January 4–6 left dozens dead.", DCT);
    assert_eq!(tagged.len(), 1);
    assert_eq!(tagged[0].text, "January 4–6");
    assert_eq!(tagged[0].value, "2022-01-04");
    assert_eq!(tagged[0].start, Some(day(2022, 1, 4)));
    assert_eq!(tagged[0].end, Some(day(2022, 1, 6)));

    let tagged = run("The internet was cut between 4 and 7 January.", DCT);
    assert_eq!(tagged.len(), 1);
    assert_eq!(tagged[0].text, "between 4 and 7 January");
    assert_eq!(
        (tagged[0].start, tagged[0].end),
        (Some(day(2022, 1, 4)), Some(day(2022, 1, 7)))
    );

    assert_eq!(
        pairs("He led the province from 2007 to 2012.", DCT),
        vec![p("2007", "2007"), p("2012", "2012")]
    );
    assert_eq!(
        pairs("Rallies were held on 2 and 3 January.", DCT),
        vec![p("2", "2022-01-02"), p("3 January", "2022-01-03")]
    );
}

#[test]
fn background_paragraph_anchors_on_its_year() {
    let text = "Police fired on crowds on Wednesday.\n\nIn 2011, a strike in the oil town ended in bloodshed. \
                Two days later, the president visited.\n\nOn Thursday, troops arrived.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("Wednesday", "2022-01-05"),
            p("2011", "2011"),
            p("Two days later", "2011-XX-XX"),
            p("Thursday", "2022-01-06"),
        ]
    );
}

#[test]
fn inferred_flag_and_publication_inference() {
    let tagged = tag(
        "Clashes on Wednesday. The treaty of 12 March 1992 holds.",
        DCT,
        true,
    );
    assert!(tagged[0].inferred);
    assert!(!tagged[1].inferred);

    let text = "Troops arrived on 8 January 2022, after a rally on 5 January 2022 and in 2019.";
    assert_eq!(
        infer_publication_date(text, &run(text, None)),
        Some((day(2022, 1, 8), day(2022, 1, 22)))
    );
    assert_eq!(
        infer_publication_date("No dates here.", &run("No dates here.", None)),
        None
    );
}

#[test]
fn a_background_day_before_a_later_past_year_dates_nothing() {
    // The day is a birth date; the report was written after 2008.
    let text = "Varenko was born on 3 May 1931 in Dulmar. He retired in 2008 and died on Thursday.";
    assert_eq!(infer_publication_date(text, &run(text, None)), None);
    let text = "Varenko died on 3 May 1991. His memoirs appeared in August 1992.";
    assert_eq!(infer_publication_date(text, &run(text, None)), None);
}

#[test]
fn a_later_year_in_a_future_sentence_keeps_the_inference() {
    for text in [
        "The rally was held on 8 March 2031. Elections will be held in 2033.",
        "The rally was held on 8 March 2031. The council plans new rules by 2034.",
        "The rally was held on 8 March 2031. The vote is scheduled for June 2032.",
    ] {
        assert_eq!(
            infer_publication_date(text, &run(text, None)),
            Some((day(2031, 3, 8), day(2031, 3, 22))),
            "{text}"
        );
    }
}

#[test]
fn output_is_sorted_and_non_overlapping() {
    let text = "On Monday, 3 January 2022 at 10:00, after last week's talks and two days of calm, \
                the council met; it meets every Monday and met in 2021 and on 12/12/2021.";
    let tagged = run(text, DCT);
    for pair in tagged.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "{pair:?}");
    }
    for t in &tagged {
        assert_eq!(t.span.slice(text), Some(t.text.as_str()));
    }
}

#[test]
fn quarters_halves_and_word_ordinals() {
    assert_eq!(
        pairs("Profits fell in the third quarter of 2021 and in Q1 2022, after the first half of 2020.", None),
        vec![
            p("the third quarter of 2021", "2021-Q3"),
            p("Q1 2022", "2022-Q1"),
            p("the first half of 2020", "2020-H1"),
        ]
    );
    let tagged = run("in Q3 2021", None);
    assert_eq!(
        (tagged[0].start, tagged[0].end),
        (Some(day(2021, 7, 1)), Some(day(2021, 9, 30)))
    );
    assert_eq!(
        pairs("The vote was set for the twenty-first of May 2021.", None),
        vec![p("the twenty-first of May 2021", "2021-05-21")]
    );
}

#[test]
fn leap_days_pick_a_leap_year() {
    let dct = NaiveDate::from_ymd_opt(2021, 3, 10);
    assert_eq!(
        pairs("It began on Feb 29.", dct),
        vec![p("Feb 29", "2020-02-29")]
    );
}

#[test]
fn year_only_asides_do_not_move_later_dates_in_news() {
    let text = "Protests spread on Wednesday and Thursday.\n\nThe official had twice served as premier (from 2007 to 2012 and 2014 to 2016) and was a \
                senior figure in the administration for many years before that. Three days after his \
                removal from the agency he was arrested on suspicion of treason. Then, on 9 January, \
                his colleagues were dismissed.";
    let tagged = run(text, DCT);
    let ninth = tagged
        .iter()
        .find(|t| t.text == "9 January")
        .expect("tagged");
    assert_eq!(ninth.value, "2022-01-09");
    let close = run(
        "In 2011, oil workers went on strike. On 16 December, police opened fire.",
        DCT,
    );
    assert_eq!(close[1].value, "2011-12-16");
}

#[test]
fn edges_of_periods() {
    let tagged = run("It imploded in the first week of 2022.", None);
    assert_eq!(tagged[0].text, "the first week of 2022");
    assert_eq!(
        (tagged[0].start, tagged[0].end),
        (Some(day(2022, 1, 1)), Some(day(2022, 1, 7)))
    );
    assert!(tagged[0].approximate);
}

#[test]
fn days_of_month_without_a_month() {
    // DCT Tuesday 2022-01-11: a bare day is the nearest one, past-biased.
    let text = "The ministry said talks stalled on the 27th.\nThey resumed on the 10th. \
                A vote is set for the 20th of next month. The 4th Division moved.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("the 27th", "2021-12-27"),
            p("the 10th", "2022-01-10"),
            p("the 20th of next month", "2022-02-20"),
        ]
    );
}

#[test]
fn weekdays_inside_named_weeks_and_short_forms() {
    let text = "Envoys meet on Friday next week. Crews return tmrw.";
    assert_eq!(
        pairs(text, DCT),
        vec![p("Friday next week", "2022-01-21"), p("tmrw", "2022-01-12")]
    );
}

#[test]
fn clock_times_in_words() {
    let text = "The curfew starts at half past eight in the evening, the convoy left at \
                a quarter to 7 and the briefing is at seven o'clock. Polls close at 9.";
    let values: Vec<(String, String)> = pairs(text, DCT);
    assert_eq!(
        values,
        vec![
            p("half past eight in the evening", "2022-01-11T20:30"),
            p("a quarter to 7", "2022-01-11T06:45"),
            p("seven o'clock", "2022-01-11T07:00"),
            p("9", "2022-01-11T09:00"),
        ]
    );
    // "10 to 12 years" is a range of numbers, not a clock time.
    assert!(run("He faces 10 to 12 years in prison.", DCT)
        .iter()
        .all(|t| t.timex_type != TimexType::Time));
}

#[test]
fn directed_durations_cover_their_days() {
    let timexes = run(
        "Aid will arrive over the next 3 days after flooding in the past two weeks.",
        DCT,
    );
    let next = timexes.iter().find(|t| t.text == "the next 3 days");
    let next = next.expect("next 3 days tagged");
    assert_eq!(next.value, "P3D");
    assert_eq!(
        (next.start, next.end),
        (Some(day(2022, 1, 12)), Some(day(2022, 1, 14)))
    );
    let past = timexes.iter().find(|t| t.text == "the past two weeks");
    let past = past.expect("past two weeks tagged");
    assert_eq!(
        (past.start, past.end),
        (Some(day(2021, 12, 28)), Some(day(2022, 1, 11)))
    );
}

#[test]
fn month_of_and_abbreviated_relative_months() {
    assert_eq!(
        pairs(
            "Prices rose in the month of December and again last Sept.",
            DCT
        ),
        vec![
            p("the month of December", "2021-12"),
            p("last Sept", "2021-09")
        ]
    );
}

#[test]
fn former_is_a_reference_only_in_history_writing() {
    let news = "The former minister said on Monday that future talks are possible.";
    assert!(run(news, DCT).iter().all(|t| t.text != "former"));
    let history = "In 1851 the former governor raised an army. In 1853 he marched north.";
    let tagged = run(history, NaiveDate::from_ymd_opt(2009, 12, 19));
    assert!(tagged
        .iter()
        .any(|t| t.text == "former" && t.value == "PAST_REF"));
}

#[test]
fn regression_listed_months_borrow_the_year_that_follows() {
    let text =
        "The old regime fell in 1953.\nIn April and June 1955, the army marched on the capital, \
                and the siege lasted from November - March 1957.";
    let values: Vec<(String, String)> = pairs(text, None);
    assert!(values.contains(&p("April", "1955-04")), "{values:?}");
    assert!(values.contains(&p("November", "1956-11")), "{values:?}");
}

#[test]
fn regression_seasons_with_years_move_the_story() {
    let text = "War broke out in 1914. By the spring of 1915 the front had settled; on 5 August the city fell. \
                The fleet sailed in the spring of 480 BC.";
    let values = pairs(text, NaiveDate::from_ymd_opt(2009, 12, 19));
    assert!(values.contains(&p("5 August", "1915-08-05")), "{values:?}");
    assert!(
        values.contains(&p("the spring of 480 BC", "BC0480-SP")),
        "{values:?}"
    );
}

#[test]
fn regression_asides_do_not_become_the_reference() {
    let text =
        "In 1793 the assembly met. Peasants resented the Civil Code (1790) and a tax in force \
                since 1788. On 17 August, the assembly voted for conscription.";
    let values = pairs(text, NaiveDate::from_ymd_opt(2009, 12, 19));
    assert!(values.contains(&p("17 August", "1793-08-17")), "{values:?}");
}

#[test]
fn regression_later_year_mention_beats_earlier_month() {
    let text = "The pact was signed in November 1939. In 1940, the navy grew. In September, \
                the embargo widened.";
    let values = pairs(text, None);
    assert!(values.contains(&p("September", "1940-09")), "{values:?}");
}

#[test]
fn vague_counted_shifts_are_references() {
    assert_eq!(
        pairs(
            "The army left on 3 May 1921. A few days later the town rose; several years ago it was calm.",
            None
        ),
        vec![
            p("3 May 1921", "1921-05-03"),
            p("A few days later", "FUTURE_REF"),
            p("several years ago", "PAST_REF"),
        ]
    );
}

#[test]
fn clock_times_with_seconds_and_loose_joins() {
    assert_eq!(
        pairs(
            "The blast came at 7:56:30 pm. Talks resume on Friday around 3 p.m.",
            DCT
        ),
        vec![
            p("7:56:30 pm", "2022-01-11T19:56:30"),
            p("Friday", "2022-01-07"),
            p("around 3 p.m.", "2022-01-07T15:00"),
        ]
    );
}

#[test]
fn rest_of_a_period_starts_at_the_base_date() {
    let tagged = run("Schools stay shut for the rest of the week.", DCT);
    assert_eq!(tagged[0].text, "the rest of the week");
    assert_eq!(
        (tagged[0].start, tagged[0].end),
        (Some(day(2022, 1, 11)), Some(day(2022, 1, 16)))
    );
}

#[test]
fn months_of_deictic_years_and_numeric_months() {
    assert_eq!(
        pairs(
            "Elections are due in June next year; the census of 2016-11 and the report of 3/2015 \
             differ, as in the 2010-11 season.",
            DCT
        ),
        vec![
            p("June next year", "2023-06"),
            p("2016-11", "2016-11"),
            p("3/2015", "2015-03"),
            p("2010", "2010"),
            p("11", "2011"),
        ]
    );
}

/// (text, value, first day, last day) of the tagged expressions.
fn spans(
    text: &str,
    dct: Option<NaiveDate>,
) -> Vec<(String, String, Option<NaiveDate>, Option<NaiveDate>)> {
    run(text, dct)
        .into_iter()
        .map(|t| (t.text, t.value, t.start, t.end))
        .collect()
}

#[test]
fn numeric_and_glued_month_days() {
    assert_eq!(
        pairs(
            "Counting resumed on 4/22, a hearing on 4-25 followed and the memo dated \
             january12,2016 was leaked.",
            Some(day(2022, 5, 1))
        ),
        vec![
            p("4/22", "2022-04-22"),
            p("4-25", "2022-04-25"),
            p("january12,2016", "2016-01-12"),
        ]
    );
}

#[test]
fn regression_numbers_with_slashes_and_dots_are_not_dates() {
    let text = "Clinics run 24/7, 3/4 of the ballots were counted and turnout rose to 1.2 million \
                while deaths reached 3.14/day.";
    assert!(run(text, DCT).is_empty(), "{:?}", pairs(text, DCT));
}

#[test]
fn nth_weekdays_of_a_month() {
    assert_eq!(
        spans(
            "The council met on the first Friday of July 2021 and meets again on the last Monday \
             of next month.",
            DCT
        ),
        vec![
            (
                "the first Friday of July 2021".to_string(),
                "2021-07-02".to_string(),
                Some(day(2021, 7, 2)),
                Some(day(2021, 7, 2))
            ),
            (
                "the last Monday of next month".to_string(),
                "2022-02-28".to_string(),
                Some(day(2022, 2, 28)),
                Some(day(2022, 2, 28))
            ),
        ]
    );
}

#[test]
fn numbered_weeks_and_the_week_of_a_day() {
    let tagged = spans(
        "Talks are set for the third week of 2027; inspections ran in the second week of this \
         month and in the week of November 30th.",
        DCT,
    );
    assert_eq!(
        tagged,
        vec![
            (
                "the third week of 2027".to_string(),
                "2027-W03".to_string(),
                Some(day(2027, 1, 18)),
                Some(day(2027, 1, 24))
            ),
            (
                "the second week of this month".to_string(),
                "2022-W02".to_string(),
                Some(day(2022, 1, 10)),
                Some(day(2022, 1, 16))
            ),
            (
                "the week of November 30th".to_string(),
                "2021-W48".to_string(),
                Some(day(2021, 11, 29)),
                Some(day(2021, 12, 5))
            ),
        ]
    );
}

#[test]
fn compound_shifts_and_shifts_from_a_day() {
    assert_eq!(
        pairs(
            "The fighting began 1 month 21 days ago; a vote is due two days after tomorrow.",
            DCT
        ),
        vec![
            p("1 month 21 days ago", "2021-11-20"),
            p("two days after tomorrow", "2022-01-14"),
        ]
    );
}

#[test]
fn quarters_of_relative_years_and_decades() {
    assert_eq!(
        pairs(
            "Growth slowed in the third quarter this year and may pick up in next year's first \
             quarter, unlike in the seventies or the 80s; the minister, in his 70s, disagreed.",
            DCT
        ),
        vec![
            p("the third quarter this year", "2022-Q3"),
            p("next year's first quarter", "2023-Q1"),
            p("the seventies", "197"),
            p("the 80s", "198"),
        ]
    );
}

#[test]
fn years_in_words() {
    assert_eq!(
        pairs(
            "The treaty was signed in nineteen ninety nine and amended in June of two thousand \
             and four.",
            DCT
        ),
        vec![
            p("nineteen ninety nine", "1999"),
            p("June of two thousand and four", "2004-06"),
        ]
    );
}

#[test]
fn clock_time_forms() {
    let values: Vec<String> = run(
        "Shelling resumed at half past 8pm, again in the afternoon at 7, at 340pm, in \
         midmorning, around noonish and tonight around 7; the curfew lasts until the end of the \
         day.",
        DCT,
    )
    .into_iter()
    .map(|t| t.value)
    .collect();
    assert_eq!(
        values,
        vec![
            "2022-01-11T20:30",
            "2022-01-11T19:00",
            "2022-01-11T15:40",
            "2022-01-11T10:00",
            "2022-01-11T12:00",
            "2022-01-11TNI",
            "2022-01-11T19:00",
            "2022-01-11T23:59:59",
        ]
    );
    let idiom = "At the end of the day, the talks failed.";
    assert!(run(idiom, DCT).is_empty(), "{:?}", pairs(idiom, DCT));
}

#[test]
fn sets_with_clock_times() {
    assert_eq!(
        pairs(
            "Patrols leave every morning at 9am, markets open 9am on Mondays and sirens sound \
             every night.",
            DCT
        ),
        vec![
            p("every morning at 9am", "XXXX-XX-XXT09:00"),
            p("9am on Mondays", "XXXX-WXX-1T09:00"),
            p("every night", "XXXX-XX-XXTNI"),
        ]
    );
}

#[test]
fn decimal_glued_and_compound_durations() {
    assert_eq!(
        pairs(
            "He served 3.5 years, then a half hour of questions, a 3h hearing and 1 year 1 month \
             21 days in custody.",
            DCT
        ),
        vec![
            p("3.5 years", "P3.5Y"),
            p("a half hour", "PT0.5H"),
            p("3h", "PT3H"),
            p("1 year 1 month 21 days", "P1Y1M21D"),
        ]
    );
}

#[test]
fn bare_days_of_the_month_look_back_in_news() {
    assert_eq!(
        pairs("Protests began on the 15th.", DCT),
        vec![p("the 15th", "2021-12-15")]
    );
    assert_eq!(
        pairs("The vote will be held on the 15th.", DCT),
        vec![p("the 15th", "2022-01-15")]
    );
}

#[test]
fn day_spans_of_relative_months_and_the_weekend() {
    assert_eq!(
        spans("Schools close from 4 to 22 this month.", DCT),
        vec![(
            "from 4 to 22 this month".to_string(),
            "2022-01-04".to_string(),
            Some(day(2022, 1, 4)),
            Some(day(2022, 1, 22))
        )]
    );
    assert_eq!(
        spans("Protesters gathered over the weekend.", DCT),
        vec![(
            "the weekend".to_string(),
            "2022-W01-WE".to_string(),
            Some(day(2022, 1, 8)),
            Some(day(2022, 1, 9))
        )]
    );
}

#[test]
fn year_first_months() {
    assert_eq!(
        pairs(
            "Figures for 2016 November and 2016 / 11 match, but in 2016, may be revised.",
            DCT
        ),
        vec![
            p("2016 November", "2016-11"),
            p("2016 / 11", "2016-11"),
            p("2016", "2016"),
        ]
    );
}

#[test]
fn parts_of_day_around_clock_times() {
    assert_eq!(
        pairs(
            "Guards were back 7, this morning; the alarm rang five thirty in the night and \
             markets open mornings at 9am.",
            DCT
        ),
        vec![
            p("7, this morning", "2022-01-11T07:00"),
            p("five thirty in the night", "2022-01-11T17:30"),
            p("mornings at 9am", "XXXX-XX-XXT09:00"),
        ]
    );
    let toll = "The toll rose to 7, this morning officials said.";
    assert_eq!(pairs(toll, DCT), vec![p("this morning", "2022-01-11TMO")]);
}

#[test]
fn vague_spans_are_durations_of_unknown_length() {
    let text = "Talks stalled in recent weeks. In the coming months, and in the years ahead, \
                fares may rise; the following days were calm.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("recent weeks", "PXW"),
            p("the coming months", "PXM"),
            p("the years ahead", "PXY"),
            p("the following days", "PXD"),
        ]
    );
}

#[test]
fn fiscal_years_are_written_fy() {
    let text = "Revenue in fiscal 2021 rose, fiscal year 2023 looks lean, FY22 was flat \
                and the 2019 fiscal year was the best.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("fiscal 2021", "FY2021"),
            p("fiscal year 2023", "FY2023"),
            p("FY22", "FY2022"),
            p("the 2019 fiscal year", "FY2019"),
        ]
    );
}

#[test]
fn parts_of_a_relative_year() {
    let text = "Sales slowed in the second half of the year and should recover in the \
                first quarter of next year.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("the second half of the year", "2022-H2"),
            p("the first quarter of next year", "2023-Q1"),
        ]
    );
}

#[test]
fn time_zones_join_the_extent_and_give_the_offset() {
    let text = "The ferry left at 18:00 UTC and docked at 9:34 p.m. EST; the office \
                opens at 10 am local time.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("18:00 UTC", "2022-01-11T18:00Z"),
            p("9:34 p.m. EST", "2022-01-11T21:34-05"),
            p("10 am local time", "2022-01-11T10:00"),
        ]
    );
}

#[test]
fn overnight_as_an_adverb_is_last_night() {
    assert_eq!(
        pairs("Shelling went on overnight, residents said.", DCT),
        vec![p("overnight", "2022-01-10TNI")]
    );
    // A modifier of a noun is not a time expression.
    assert_eq!(pairs("Overnight rates rose.", DCT), vec![]);
}

#[test]
fn at_the_time_is_the_last_mentioned_date() {
    let text = "The dam was finished on 3 March 2019. At the time, the river was low.";
    assert_eq!(
        pairs(text, DCT),
        vec![p("3 March 2019", "2019-03-03"), p("the time", "2019-03-03")]
    );
    assert_eq!(
        pairs("The mayor, at the time, said nothing.", DCT),
        vec![p("the time", "PAST_REF")]
    );
    // "at the time of …" names its own event.
    assert_eq!(pairs("At the time of the vote he was abroad.", DCT), vec![]);
}

#[test]
fn years_without_century_take_the_narratives() {
    let text = "The canal opened in 1861. By '63 it carried grain, and in June '65 it froze.";
    assert_eq!(
        pairs(text, None),
        vec![
            p("1861", "1861"),
            p("'63", "1863"),
            p("June '65", "1865-06"),
        ]
    );
}

#[test]
fn units_before_and_after_the_last_date() {
    let text = "Floods hit in 2017. The year before, the river had dried up.";
    assert_eq!(
        pairs(text, None),
        vec![p("2017", "2017"), p("The year before", "2016")]
    );
}

#[test]
fn a_day_after_a_month_keeps_its_unknown_day() {
    let text = "The siege began in May 1702. Four days later the walls fell; \
                the same day the garrison fled.";
    assert_eq!(
        pairs(text, None),
        vec![
            p("May 1702", "1702-05"),
            p("Four days later", "1702-05-XX"),
            p("the same day", "1702-05-XX"),
        ]
    );
}

#[test]
fn sets_in_history_text_are_calendar_patterns() {
    let text = "In 1802 the mill ran daily and the market met weekly.";
    assert_eq!(
        pairs(text, None),
        vec![
            p("1802", "1802"),
            p("daily", "XXXX-XX-XX"),
            p("weekly", "XXXX-WXX"),
        ]
    );
    assert_eq!(
        pairs("The ferry now runs daily.", DCT),
        vec![p("now", "PRESENT_REF"), p("daily", "P1D")]
    );
}

#[test]
fn fall_is_a_season_only_where_a_downfall_cannot_be() {
    let text =
        "The army rested in 1775. In the fall, it marched; after the fall of the fort it halted.";
    assert_eq!(
        pairs(text, None),
        vec![p("1775", "1775"), p("the fall", "1775-FA")]
    );
}

#[test]
fn a_bare_clock_time_in_news_is_on_the_publication_day() {
    let text = "Output fell in January; the plant shut at 08:30 UTC.";
    assert_eq!(
        pairs(text, DCT),
        vec![p("January", "2022-01"), p("08:30 UTC", "2022-01-11T08:30Z")]
    );
}

#[test]
fn decades_before_christ() {
    let text = "Throughout the 350s BC the two leagues fought.";
    assert_eq!(pairs(text, None), vec![p("the 350s BC", "BC035")]);
}

#[test]
fn night_in_general_is_not_a_particular_night() {
    assert_eq!(
        pairs("Supply columns moved only at night.", DCT),
        vec![p("night", "XXXX-XX-XXTNI")]
    );
    let tagged = run("The rebels crossed at night on 4 May 1950.", None);
    assert!(tagged.iter().all(|t| t.text != "night"));
}

#[test]
fn fixed_holidays_are_their_days() {
    let text = "Shops shut on Christmas Eve; the vote of New Year's Day 2020 was close.";
    assert_eq!(
        pairs(text, DCT),
        vec![
            p("Christmas Eve", "2021-12-24"),
            p("New Year's Day 2020", "2020-01-01"),
        ]
    );
}

#[test]
fn hundreds_are_centuries_and_this_past_looks_back() {
    let text = "Mills spread in the 1800s; prices fell this past weekend.";
    assert_eq!(
        pairs(text, DCT),
        vec![p("the 1800s", "18"), p("this past weekend", "2022-W01-WE")]
    );
}

#[test]
fn quarters_of_fiscal_years() {
    assert_eq!(
        pairs("Margins grew in the second quarter of fiscal 2022.", DCT),
        vec![p("the second quarter of fiscal 2022", "FY2022-Q2")]
    );
}

#[test]
fn a_holiday_inside_a_title_is_not_a_date() {
    let tagged = pairs("The band played \"White Christmas\" at the rally.", DCT);
    assert_eq!(tagged, vec![]);
}

#[test]
fn iso_timestamps_in_universal_time() {
    assert_eq!(
        pairs("Updated 2022-01-06T14:05:00Z by the desk.", DCT),
        vec![p("2022-01-06T14:05:00Z", "2022-01-06T14:05:00Z")]
    );
}

#[test]
fn now_inside_a_compound_adjective_is_not_tagged_in_news() {
    assert_eq!(pairs("They opposed the now-cancelled deal.", DCT), vec![]);
    assert_eq!(
        pairs("The deal is now cancelled.", DCT),
        vec![p("now", "PRESENT_REF")]
    );
}

#[test]
fn day_ranges_in_history_text_are_tagged_at_both_ends() {
    let text = "The siege of the port lasted from 12-14 July 1702.";
    assert_eq!(
        pairs(text, None),
        vec![p("12", "1702-07-12"), p("14 July 1702", "1702-07-14")]
    );
    // News keeps one timex for the range.
    assert_eq!(
        pairs("Talks ran 4-6 January.", DCT),
        vec![p("4-6 January", "2022-01-04")]
    );
}

#[test]
fn a_participle_before_a_date_stays_outside() {
    let text = "Beginning in 1911, the mills closed; at the beginning of 1912 they reopened.";
    assert_eq!(
        pairs(text, None),
        vec![p("1911", "1911"), p("the beginning of 1912", "1912")]
    );
}

#[test]
fn and_half_without_its_article() {
    assert_eq!(
        pairs("The blockade held for two and half years.", DCT),
        vec![p("two and half years", "P2.5Y")]
    );
}

/// TimeML tags an age only with its time unit ("a 35-year-old deputy",
/// "18 years old", whole); a bare number after "aged" or "at the age of"
/// has no unit and is not a time expression.
#[test]
fn ages_are_durations_only_with_their_unit() {
    assert_eq!(
        pairs(
            "The founder died at the age of eighty-two; a clerk aged 30 was hurt.",
            DCT
        ),
        vec![]
    );
    assert_eq!(
        pairs(
            "A 35-year-old deputy and a man 18 years old were hurt.",
            DCT
        ),
        vec![p("35-year-old", "P35Y"), p("18 years old", "P18Y")]
    );
}

/// A year-less month follows the tense of its sentence in news: the past
/// tense points back even when the month is only a few months away.
#[test]
fn year_less_months_follow_the_tense_of_their_sentence() {
    let dct = NaiveDate::from_ymd_opt(2031, 11, 14);
    let values = |text: &str| -> Vec<String> {
        tag(text, dct, false).into_iter().map(|t| t.value).collect()
    };
    assert_eq!(
        values("The January unrest left forty dead."),
        vec!["2031-01"]
    );
    assert_eq!(values("Protests erupted in December."), vec!["2030-12"]);
    assert_eq!(
        values("In February, the court ruled against him."),
        vec!["2031-02"]
    );
    assert_eq!(
        values("The runoff will be held in February."),
        vec!["2032-02"]
    );
    assert_eq!(
        values("Elections are scheduled for March."),
        vec!["2032-03"]
    );
}

#[test]
fn a_birth_date_lends_no_year_to_a_later_date_in_news() {
    let text = "The singer Ana Velm died on Sunday, her family said. Her last album came out \
                in 2020. Born March 29, 1948, in Velm; died December 19 at a clinic in Lirona.";
    let got = pairs(text, Some(day(2021, 12, 20)));
    assert_eq!(
        got,
        vec![
            p("Sunday", "2021-12-19"),
            p("2020", "2020"),
            p("March 29, 1948", "1948-03-29"),
            p("December 19", "2021-12-19")
        ]
    );
}

/// TimeML: a date and a clock time joined by a preposition are two
/// expressions, the clock time on that date's day; written together they
/// are one ("Nov 27, 2005 8:20 AM ET"). Nothing joins across a line.
#[test]
fn dates_and_clock_times_joined_by_a_preposition_are_two_expressions() {
    let dct = NaiveDate::from_ymd_opt(2013, 7, 22);
    assert_eq!(
        pairs(
            "Published: July 21, 2013 at 1:24 PM\nThe alarm was raised at about 6am on Sunday morning.",
            dct
        ),
        vec![
            p("July 21, 2013", "2013-07-21"),
            p("1:24 PM", "2013-07-21T13:24"),
            p("about 6am", "2013-07-21T06:00"),
            p("Sunday morning", "2013-07-21TMO"),
        ]
    );
    assert_eq!(
        pairs("Posted: Nov 27, 2005 8:20 AM ET", dct),
        vec![p("Nov 27, 2005 8:20 AM ET", "2005-11-27T08:20-05")]
    );
    assert_eq!(
        pairs(
            "Updated 5:40 p.m. ET\nEarly Friday morning, around 1:30 a.m., she left.",
            dct
        ),
        vec![
            p("5:40 p.m. ET", "2013-07-22T17:40-05"),
            p("Early Friday morning", "2013-07-19TMO"),
            p("around 1:30 a.m.", "2013-07-19T01:30"),
        ]
    );
    // A clock time before a date counted from the last one stays folded
    // into it, so that the date is not counted twice.
    assert_eq!(
        pairs("On 3 May they met; at 9 a.m. the next day they left.", dct),
        vec![
            p("3 May", "2013-05-03"),
            p("9 a.m. the next day", "2013-05-04T09:00")
        ]
    );
}

/// A date in a web address is part of a page's name, not of the report.
#[test]
fn dates_in_web_addresses_are_not_time_expressions() {
    let dct = NaiveDate::from_ymd_opt(2013, 5, 3);
    assert_eq!(
        pairs(
            "http: / / www. example. com / 2013/05/03 / story-today\nSee https://x.org/2012-08-07/a on Friday.",
            dct
        ),
        vec![p("Friday", "2013-05-03")]
    );
}

/// Time words in the names of newspapers and programmes are names.
#[test]
fn time_words_in_publication_names_are_names() {
    let dct = NaiveDate::from_ymd_opt(2013, 5, 3);
    assert_eq!(
        pairs(
            "The New York Daily News, The Sunday Times and USA Today reported it on Sunday; \
             he told the Today show.",
            dct
        ),
        vec![p("Sunday", "2013-04-28")]
    );
}

/// "1995-99", "the 2004-05 season": two years (TimeML tags each end); a
/// later two-digit part that can be a month and is not the next year is a
/// month ("2013-09").
#[test]
fn spans_of_years_with_a_shortened_end_are_two_years() {
    let dct = NaiveDate::from_ymd_opt(2013, 5, 3);
    assert_eq!(
        pairs(
            "He played from 1995-99 and in the 2004-05 season; data of 2013-09.",
            dct
        ),
        vec![
            p("1995", "1995"),
            p("99", "1999"),
            p("2004", "2004"),
            p("05", "2005"),
            p("2013-09", "2013-09"),
        ]
    );
}

/// Parts of days: "the early hours of Monday" is that night; "next Sunday
/// afternoon" keeps its "next"; "At this time, …" is the present.
#[test]
fn early_hours_named_day_parts_and_the_present() {
    let dct = NaiveDate::from_ymd_opt(2013, 9, 10);
    assert_eq!(
        pairs(
            "In the early hours of Monday, thieves struck. They play next Sunday afternoon. \
             At this time, we are still searching.",
            dct
        ),
        vec![
            p("the early hours of Monday", "2013-09-09TNI"),
            p("next Sunday afternoon", "2013-09-15TAF"),
            p("this time", "PRESENT_REF"),
        ]
    );
}

/// A bare plural unit after "just", "only", "final" is a vague duration
/// ("just weeks before the vote").
#[test]
fn vague_plural_units_after_restricting_words() {
    let dct = NaiveDate::from_ymd_opt(2013, 9, 10);
    assert_eq!(
        pairs(
            "The rule came just weeks before the vote, in the final months.",
            dct
        ),
        vec![p("just weeks", "PXW"), p("the final months", "PXM")]
    );
}

/// "over"/"under" quantify a counted duration ("over three years") but are
/// prepositions before "the past decade"; "by year-end" is the end of the
/// current year.
#[test]
fn over_before_a_determined_duration_and_unit_ends() {
    let dct = NaiveDate::from_ymd_opt(2013, 3, 14);
    assert_eq!(
        pairs(
            "Prices rose over the past decade and over three years; by year-end they fell.",
            dct
        ),
        vec![
            p("the past decade", "P1DE"),
            p("over three years", "P3Y"),
            p("year-end", "2013"),
        ]
    );
}

/// A weekday after a future cue in its own clause is the next such day
/// (the publication day itself included); a past verb between the cue and
/// the weekday puts it back in the past. "set to"/"set for" plan ahead.
#[test]
fn future_cues_count_in_the_weekdays_own_clause() {
    let saturday = NaiveDate::from_ymd_opt(2013, 3, 9);
    assert_eq!(
        pairs(
            "They will meet Indiana on Saturday after the Sycamores defeated Evansville on Friday.",
            saturday
        ),
        vec![p("Saturday", "2013-03-09"), p("Friday", "2013-03-08")]
    );
    assert_eq!(
        pairs("The coach is expected to return on Monday.", saturday),
        vec![p("Monday", "2013-03-11")]
    );
    let april = NaiveDate::from_ymd_opt(2012, 4, 9);
    assert_eq!(
        pairs(
            "Filming is set to begin in August; a trial was set for January 28.",
            april
        ),
        vec![p("August", "2012-08"), p("January 28", "2013-01-28")]
    );
}

/// Four-digit clock times with a zone or "hours", and a local time given
/// with its GMT equivalent.
#[test]
fn four_digit_clock_times() {
    let dct = NaiveDate::from_ymd_opt(2005, 11, 27);
    assert_eq!(
        pairs(
            "The quake struck at 1353 (1023 GMT); troops moved at 1800 hrs. In 1353 the plague came.",
            dct
        ),
        vec![
            p("1353", "2005-11-27T13:53"),
            p("1023 GMT", "2005-11-27T10:23Z"),
            p("1800 hrs", "2005-11-27T18:00"),
            p("1353", "1353"),
        ]
    );
}

/// Parts of a day and vague spans crisis reports are full of.
#[test]
fn dawn_early_hours_and_vague_minutes() {
    let dct = NaiveDate::from_ymd_opt(2013, 9, 10);
    assert_eq!(
        pairs(
            "Robbers struck on Monday in a dawn raid, in the early hours of the morning. \
             Within minutes the roof burned. Marchers dispersed by late afternoon. \
             A weeklong manhunt followed.",
            dct
        ),
        vec![
            p("Monday", "2013-09-09"),
            p("dawn", "2013-09-09TMO"),
            p("the early hours of the morning", "2013-09-09TMO"),
            p("minutes", "PTXM"),
            p("late afternoon", "2013-09-09TAF"),
            p("weeklong", "P1W"),
        ]
    );
}

/// Names that hold time words: a newspaper called "daily", named days,
/// numbered things before a clock time.
#[test]
fn newspapers_named_days_and_numbered_things_are_not_dates() {
    let dct = NaiveDate::from_ymd_opt(2013, 9, 18);
    assert_eq!(
        pairs(
            "The daily Kathimerini said on Monday that Patch Tuesday and Black Friday matter. \
             He appears in Division 3 at 1:45 p.m. today; they met daily.",
            dct
        ),
        vec![
            p("Monday", "2013-09-16"),
            p("1:45 p.m. today", "2013-09-18T13:45"),
            p("daily", "P1D"),
        ]
    );
}

/// A year-less date takes the tense of its own clause, and a founding
/// year in an aside lends it no year.
#[test]
fn clause_tense_and_founding_asides() {
    let june = NaiveDate::from_ymd_opt(2013, 6, 10);
    assert_eq!(
        pairs(
            "The case was heard in his absence and a trial date was set for October 28.",
            june
        ),
        vec![p("October 28", "2013-10-28")]
    );
    let october = NaiveDate::from_ymd_opt(2013, 10, 5);
    assert_eq!(
        pairs(
            "The party, founded in 2012, will be seeking seats in the December 15 election.",
            october
        ),
        vec![p("2012", "2012"), p("December 15", "2013-12-15")]
    );
}

/// "the prior year" counts back from the last date told, as "the previous
/// year" does (business reporting's usual word).
#[test]
fn prior_is_previous() {
    let dct = NaiveDate::from_ymd_opt(2013, 7, 25);
    assert_eq!(
        pairs("In 2011 sales rose; the prior year they fell.", dct),
        vec![p("2011", "2011"), p("the prior year", "2010")]
    );
}
