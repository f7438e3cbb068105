//! Prints the failed in-scope Recognizers-Text DateTime cases, grouped by
//! spec file, with what the spec expects and what the tagger produced.
//!
//! Usage: `cargo run -p corroborate-eval --example recognizers_failures --
//! [SPEC_DIR] [SPEC_NAME]` (default dir: `$CORROBORATE_SHARED/testdata/
//! temporal/recognizers-text/Specs/DateTime/English`; SPEC_NAME filters by
//! spec file stem). The score table follows the failures.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).or_else(|| {
        std::env::var_os("CORROBORATE_SHARED").map(|shared| {
            PathBuf::from(shared).join("testdata/temporal/recognizers-text/Specs/DateTime/English")
        })
    });
    let Some(dir) = dir else {
        eprintln!("give the spec directory or set CORROBORATE_SHARED");
        return ExitCode::FAILURE;
    };
    let only = args.next();
    match corroborate_eval::time::failures(&dir) {
        Ok(failures) => {
            let shown = failures
                .iter()
                .filter(|f| only.as_deref().is_none_or(|s| f.spec == s));
            let mut count = 0;
            for failure in shown {
                count += 1;
                print!("{failure}");
            }
            println!("{count} failures");
            match corroborate_eval::time::eval_recognizers(&dir) {
                Ok(scores) => {
                    print!("{scores}");
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    eprintln!("{err}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}
