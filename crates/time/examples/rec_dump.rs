fn main() {
    let args: Vec<String> = std::env::args().collect();
    let raw = std::fs::read_to_string(&args[1]).unwrap();
    let cases: serde_json::Value =
        serde_json::from_str(raw.trim_start_matches('\u{feff}')).unwrap();
    for case in cases.as_array().unwrap() {
        let input = case["Input"].as_str().unwrap();
        let dct = case
            .get("Context")
            .and_then(|c| c["ReferenceDateTime"].as_str())
            .and_then(|r| chrono::NaiveDate::parse_from_str(&r[..10], "%Y-%m-%d").ok())
            .or(chrono::NaiveDate::from_ymd_opt(2016, 11, 7));
        let got: Vec<String> = corroborate_time::tag(input, &[], dct, false)
            .iter()
            .map(|t| format!("{}={}", t.text, t.value))
            .collect();
        let want: Vec<String> = case["Results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                format!(
                    "{}={}",
                    r["Text"].as_str().unwrap_or(""),
                    r.get("Value")
                        .and_then(|v| v.get("Timex"))
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                )
            })
            .collect();
        println!("{input}\n   want {want:?}\n   got  {got:?}");
    }
}
