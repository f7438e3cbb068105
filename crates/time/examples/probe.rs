fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dct = args
        .get(2)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    for t in corroborate_time::tag(&args[1], &[], dct, false) {
        println!(
            "{:?} {} {:?} {:?}..{:?} {:?} approx={}",
            t.text, t.value, t.timex_type, t.start, t.end, t.anchor, t.approximate
        );
    }
}
