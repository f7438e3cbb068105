//! Prints the timexes of one text: `cargo run -p corroborate-time
//! --example tag_text -- "TEXT" [DCT as YYYY-MM-DD]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let text = args.next().unwrap_or_default();
    let dct = args
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    for t in corroborate_time::tag(&text, dct, false) {
        let day = |d: Option<chrono::NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
        println!(
            "{:?} {:?} {} {}..{}",
            t.text,
            t.timex_type,
            t.value,
            day(t.start),
            day(t.end)
        );
    }
}
