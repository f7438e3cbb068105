//! Writes the documents of ECB+ topics as plain-text reports (one file per
//! document, named by its ECB+ file id), so that `corroborate analyze` can
//! be run on exactly the text `eval ecbplus` scores.
//!
//! ```text
//! cargo run -p corroborate-eval --release --example ecb_topic_text -- ECB_ROOT OUT_DIR TOPIC...
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use corroborate_eval::ecb_topics::Topic;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, out, topics @ ..] = args.as_slice() else {
        eprintln!("usage: ecb_topic_text ECB_ROOT OUT_DIR TOPIC...");
        return ExitCode::from(2);
    };
    for topic in topics {
        let Ok(number) = topic.parse::<u32>() else {
            eprintln!("not a topic number: {topic}");
            return ExitCode::from(2);
        };
        if let Err(message) = write_topic(&PathBuf::from(root), &PathBuf::from(out), number) {
            eprintln!("topic {number}: {message}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn write_topic(root: &std::path::Path, out: &std::path::Path, number: u32) -> Result<(), String> {
    let topic = Topic::read(root, number).map_err(|e| e.to_string())?;
    let folder = out.join(number.to_string());
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    for report in topic.reports() {
        let name = format!("{}.txt", report.meta.id.replace('/', "_"));
        std::fs::write(folder.join(name), &report.text).map_err(|e| e.to_string())?;
    }
    Ok(())
}
