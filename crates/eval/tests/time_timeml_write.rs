//! `eval timeml --write`: the written files are what the TempEval-3 scorer
//! reads, the gold file with only the TIMEX3 tags inside `<TEXT>` swapped.

use corroborate_testkit::shared_path as shared;
use std::path::{Path, PathBuf};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/time-data")
}

/// `xml` with every TIMEX3 tag between `<TEXT>` and `</TEXT>` removed.
fn without_text_timex_tags(xml: &str) -> String {
    let (Some(open), Some(close)) = (xml.find("<TEXT>"), xml.find("</TEXT>")) else {
        panic!("no TEXT element");
    };
    let mut out = String::from(&xml[..open]);
    let mut rest = &xml[open..close];
    while let Some(at) = rest
        .find("<TIMEX3")
        .into_iter()
        .chain(rest.find("</TIMEX3"))
        .min()
    {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('>').expect("tag closes") + at + 1;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.push_str(&xml[close..]);
    out
}

/// Characters next to each TIMEX3 tag inside TEXT: (before an opening tag,
/// after a closing tag).
fn outer_neighbours(xml: &str) -> Vec<(Option<char>, Option<char>)> {
    let text = &xml[xml.find("<TEXT>").expect("TEXT")..];
    let mut found = Vec::new();
    for (at, _) in text.match_indices("<TIMEX3 ") {
        let close = at + text[at..].find("</TIMEX3>").expect("closed");
        let after = close + "</TIMEX3>".len();
        found.push((text[..at].chars().next_back(), text[after..].chars().next()));
    }
    found
}

fn inside_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Writes every `.tml` file of `gold_dir` to a directory that does not
/// exist yet and checks each written file against its gold file.
fn check_written(gold_dir: &Path) -> Vec<(String, String)> {
    let scratch = tempfile::tempdir().expect("temp dir");
    let out = scratch.path().join("nested/out");
    corroborate_eval::time::eval_timeml_to(gold_dir, Some(&out)).expect("evaluation runs");
    assert!(out.is_dir(), "output directory created");
    let mut pairs = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(gold_dir)
        .expect("gold dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    for gold_path in entries {
        let name = gold_path.file_name().expect("file name");
        let gold = std::fs::read_to_string(&gold_path).expect("gold readable");
        let written = std::fs::read_to_string(out.join(name)).expect("file written");
        assert_eq!(
            without_text_timex_tags(&written),
            without_text_timex_tags(&gold),
            "{name:?}: written file differs from gold beyond TIMEX3 tags"
        );
        for (before, after) in outer_neighbours(&written) {
            assert!(
                !inside_word(before) && !inside_word(after),
                "{name:?}: a tag edge falls inside a token ({before:?} / {after:?})"
            );
        }
        pairs.push((gold, written));
    }
    pairs
}

#[test]
fn written_fixture_is_gold_with_our_tags() {
    let pairs = check_written(&fixture_dir());
    let (gold, written) = &pairs[0];
    // Everything outside TEXT is kept byte for byte, entities unchanged.
    let head = |xml: &str| xml[..xml.find("<TEXT>").expect("TEXT")].to_string();
    assert_eq!(head(written), head(gold));
    assert!(written.contains("<TLINK lid=\"l1\""));
    assert!(written
        .contains("&quot;<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2011\">pre-2011</TIMEX3>&quot;"));
    assert!(written.contains(">the mid-1990s</TIMEX3>"));
    assert!(written.contains("<EVENT eid=\"e1\" class=\"OCCURRENCE\">resume</EVENT>"));
    // "1914-1918" is one token: the first year is widened to it, the second dropped.
    assert!(written.contains(">1914-1918</TIMEX3> war"));
    assert!(written.contains(">the 2009-era</TIMEX3>") || written.contains(">2009-era</TIMEX3>"));
}

#[test]
fn written_wikiwars_files_are_gold_with_our_tags() {
    let Some(dir) = shared("testdata/temporal/wikiwars-dev") else {
        eprintln!("CORROBORATE_SHARED not set: skipping WikiWars write check");
        return;
    };
    assert_eq!(check_written(&dir).len(), 16);
}
