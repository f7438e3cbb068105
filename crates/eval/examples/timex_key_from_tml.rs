//! Turns annotators' inline TimeML files into lines of the ECB+ TIMEX3 key
//! (`gold/ecbplus-timex.jsonl`; see
//! `corroborate_eval::time::ecbplus_key::key_line_from_timeml`).
//!
//! ```text
//! cargo run -p corroborate-eval --release --example timex_key_from_tml -- ECB_ROOT TML...
//! ```

use std::path::Path;
use std::process::ExitCode;

use corroborate_eval::time::ecbplus_key::key_line_from_timeml;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, files @ ..] = args.as_slice() else {
        eprintln!("usage: timex_key_from_tml ECB_ROOT TML...");
        return ExitCode::from(2);
    };
    for file in files {
        let line = key_line_from_timeml(Path::new(root), Path::new(file))
            .map_err(|e| e.to_string())
            .and_then(|line| serde_json::to_string(&line).map_err(|e| e.to_string()));
        match line {
            Ok(line) => println!("{line}"),
            Err(message) => {
                eprintln!("{file}: {message}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
