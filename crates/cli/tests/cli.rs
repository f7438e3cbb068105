//! The command line as a user runs it: exit codes, outputs, errors.

mod common;

use std::process::Command;

use common::workspace_root;

fn corroborate() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_corroborate"));
    command.current_dir(workspace_root());
    command
}

/// `corroborate analyze DIR --format json`, which must succeed, parsed.
fn analyze_as_json(dir: &std::path::Path) -> serde_json::Value {
    let out = corroborate()
        .arg("analyze")
        .arg(dir)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn analyze_examples_as_json_html_and_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json_path = dir.path().join("out.json");
    let status = corroborate()
        .args(["analyze", "examples/reports", "--format", "json", "-o"])
        .arg(&json_path)
        .status()
        .expect("runs");
    assert!(status.success());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).expect("written")).expect("JSON");
    assert!(json["events"].as_array().is_some_and(|e| !e.is_empty()));

    let html = corroborate()
        .args(["analyze", "examples/reports", "--format", "html"])
        .output()
        .expect("runs");
    assert!(html.status.success());
    let page = String::from_utf8(html.stdout).expect("UTF-8");
    assert!(page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"));

    let text = corroborate()
        .args(["analyze", "examples/reports"])
        .output()
        .expect("runs");
    let view = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(
        view.contains("TIMELINE") && !view.contains('\u{1b}'),
        "no colour when piped"
    );
}

#[test]
fn bad_inputs_are_listed_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("good.txt"),
        "Unrest in Lirona\n\nOn 3 March 2024 protesters gathered in Lirona.",
    )
    .expect("write");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    std::fs::write(dir.path().join("bad.txt"), b"\xff\xfe\x00junk").expect("write");
    let out = corroborate()
        .arg("analyze")
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["reports"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["skipped"].as_array().map(Vec::len), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("empty.txt") && stderr.contains("empty file"),
        "{stderr}"
    );

    let strict = corroborate()
        .arg("analyze")
        .arg(dir.path())
        .arg("--strict")
        .output()
        .expect("runs");
    assert_eq!(strict.status.code(), Some(2));
}

#[test]
fn exit_status_is_two_when_nothing_could_be_read_and_one_for_usage() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    let none = corroborate()
        .arg("analyze")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(none.status.code(), Some(2));
    let usage = corroborate()
        .args(["analyze", "--format", "pdf", "x"])
        .output()
        .expect("runs");
    assert_eq!(usage.status.code(), Some(1));
    let help = corroborate().arg("--help").output().expect("runs");
    assert_eq!(help.status.code(), Some(0));
}

#[test]
fn annotate_prints_the_stable_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("r.txt");
    std::fs::write(
        &file,
        "Police said at least 12 people were killed in Lirona on Wednesday.",
    )
    .expect("write");
    let out = corroborate()
        .arg("annotate")
        .arg(&file)
        .args(["--dct", "2024-03-08", "--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for key in [
        "report",
        "sentences",
        "entities",
        "timexes",
        "quantities",
        "attributions",
        "events",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert!(json["report"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Lirona")));
    let timex = &json["timexes"][0];
    assert_eq!(timex["value"], "2024-03-06");
    let quantity = &json["quantities"][0];
    assert_eq!(quantity["low"], 12.0);
    assert!(quantity["high"].is_null());

    let lines = dir.path().join("lines.txt");
    std::fs::write(
        &lines,
        "Nearly 350 were detained.\nTroops left on 13 March 2024.\n",
    )
    .expect("write");
    let out = corroborate()
        .arg("annotate")
        .arg("--each-line")
        .arg(&lines)
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(text.lines().count(), 2);
    let second: serde_json::Value =
        serde_json::from_str(text.lines().nth(1).expect("line")).expect("JSON");
    assert_eq!(second["timexes"][0]["value"], "2024-03-13");
}

#[test]
fn a_curation_file_beside_the_corpus_wins_over_the_machine() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Talks in Lirona\n\nPresident Pavel Ostrov met Anna Ostrova in Lirona on 3 March 2024. Ostrov said the talks went well.",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("corroborate.toml"),
        "merge = [[\"Pavel Ostrov\", \"Anna Ostrova\"]]\n[kinds]\n\"Lirona\" = \"organization\"\n",
    )
    .expect("write");
    let json = analyze_as_json(dir.path());
    let entities = json["entities"].as_array().expect("entities");
    let ostrov = entities
        .iter()
        .find(|e| {
            e["aliases"]
                .as_array()
                .is_some_and(|a| a.iter().any(|x| x == "Anna Ostrova"))
        })
        .expect("Anna Ostrova present");
    assert!(ostrov["aliases"]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x == "Pavel Ostrov")));
    assert!(ostrov["merges"]
        .as_array()
        .is_some_and(|m| m.iter().any(|r| r["rule"] == "curation")));
    let lirona = entities
        .iter()
        .find(|e| e["name"] == "Lirona")
        .expect("Lirona present");
    assert_eq!(lirona["kind"], "organization");

    std::fs::write(
        dir.path().join("corroborate.toml"),
        "merge = \"not a list\"\n",
    )
    .expect("write");
    let bad = corroborate()
        .arg("analyze")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("corroborate.toml"));
}

#[test]
fn eval_recognizers_lists_failures_on_request() {
    let Some(dir) = corroborate_testkit::shared_path("testdata/temporal/recognizers-text") else {
        return;
    };
    let output = corroborate()
        .args(["eval", "recognizers", "--failures"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let failed_line = text
        .lines()
        .find(|l| l.ends_with("failed DateTime cases"))
        .expect("failure count printed");
    let failed: usize = failed_line
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number");
    let listed = text
        .lines()
        .filter(|l| l.starts_with('[') && l.contains("] \""))
        .count();
    assert_eq!(listed, failed, "every failure is listed once");
    assert!(text.contains("all in scope"), "the score table follows");
}

#[test]
fn a_present_perfect_lead_is_dated_by_the_publication_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("lead.md"),
        "---\ntitle: Carvanian minister quits\npublished: 2031-06-12\n---\n\n\
         The interior minister of Carvania, Ilse Varno, has resigned after weeks of protests over fuel prices.\n\n\
         Varno has led the ministry since 2027, and she resigned once before, in a dispute over the police budget years ago.\n",
    )
    .expect("write");
    let json = analyze_as_json(dir.path());
    let resignations: Vec<&serde_json::Value> = json["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["type"] == "resignation")
        .collect();
    let lead = resignations
        .iter()
        .find(|e| {
            e["sources"][0]["quote"]
                .as_str()
                .is_some_and(|q| q.contains("has resigned"))
        })
        .expect("the lead's resignation is an event");
    assert_eq!(lead["date"]["value"], "2031-06-12");
    assert_eq!(lead["sources"][0]["date_basis"], "publication");
    for other in resignations.iter().filter(|e| !std::ptr::eq(**e, *lead)) {
        assert!(
            other["date"].is_null() || other["sources"][0]["date_basis"] != "publication",
            "background stays off the publication day: {other}"
        );
    }
}
