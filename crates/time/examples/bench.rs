fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let start = std::time::Instant::now();
    let rounds = 50;
    let mut n = 0;
    for _ in 0..rounds {
        for t in &texts {
            n += corroborate_time::tag(t, &[], chrono::NaiveDate::from_ymd_opt(2022, 1, 11), false)
                .len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let reports = (texts.len() * rounds) as f64;
    println!(
        "{n} timexes; {:.0} reports/s; {:.0} 1000-word reports/s",
        reports / secs,
        (words * rounds) as f64 / 1000.0 / secs
    );
}
