//! Browser tests of the web app: a workspace made with `corroborate add`,
//! served by `corroborate serve`, driven through Debian's Chromium by
//! `crates/server/tests/browser/run.mjs` (playwright-core, no browser
//! download). Screenshots of every view land in
//! `target/browser-screenshots/<test>`.
//!
//! Without Chromium or Node.js the tests are skipped, except in CI
//! (`CORROBORATE_SHARED` set) where they fail and say what to install.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Mutex};
use std::time::Duration;

use common::workspace_root;
use corroborate_testkit::shared_path;

const BIN: &str = env!("CARGO_BIN_EXE_corroborate");

/// `npm ci` must not run twice at once in the same folder.
static NPM: Mutex<()> = Mutex::new(());

fn browser_dir() -> PathBuf {
    workspace_root().join("crates/server/tests/browser")
}

fn chromium_path() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

fn runs(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Whether the browser tests can run here; in CI a missing tool is a failure.
fn tools_ready() -> bool {
    let mut missing = Vec::new();
    if !chromium_path().is_file() {
        missing.push(format!(
            "Chromium at {} (Debian: apt-get install chromium)",
            chromium_path().display()
        ));
    }
    if !runs("node") || !runs("npm") {
        missing.push("Node.js 18+ with npm (Debian: apt-get install nodejs npm)".to_string());
    }
    if missing.is_empty() {
        return true;
    }
    let message = format!("the browser tests need {}", missing.join(" and "));
    if std::env::var_os("CORROBORATE_SHARED").is_some() {
        panic!("{message}");
    }
    eprintln!("skipped: {message}");
    false
}

/// Install playwright-core from the committed lock file when missing.
fn ensure_node_modules() {
    let _guard = NPM.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let dir = browser_dir();
    if dir
        .join("node_modules/playwright-core/package.json")
        .is_file()
    {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--prefer-offline", "--no-audit", "--no-fund"])
        .current_dir(&dir)
        .status()
        .unwrap();
    assert!(status.success(), "npm ci failed in {}", dir.display());
}

fn add_reports(workspace: &Path, corpus: &Path) {
    let output = Command::new(BIN)
        .arg("add")
        .arg(corpus)
        .arg("--workspace")
        .arg(workspace)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "corroborate add {} failed: {}",
        corpus.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A running `corroborate serve`, killed when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(workspace: &Path) -> Server {
    let mut child = Command::new(BIN)
        .arg("serve")
        .arg("--workspace")
        .arg(workspace)
        .args(["--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (first_line, receive) = mpsc::channel();
    // Keep reading stdout so that the server never blocks on a full pipe.
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let _ = first_line.send(lines.next().and_then(Result::ok));
        for _ in lines {}
    });
    let line = receive.recv_timeout(Duration::from_secs(120));
    let mut server = Server {
        child,
        url: String::new(),
    };
    let line = match line {
        Ok(Some(line)) => line,
        other => panic!("corroborate serve printed no first line: {other:?}"),
    };
    server.url = line
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line from serve: {line:?}"))
        .trim()
        .to_string();
    assert!(server.url.starts_with("http://"), "not a URL: {line:?}");
    server
}

fn run_browser_checks(url: &str, name: &str) {
    let screenshots = workspace_root()
        .join("target/browser-screenshots")
        .join(name);
    let status = Command::new("node")
        .arg("run.mjs")
        .arg(url)
        .arg(&screenshots)
        .current_dir(browser_dir())
        .status()
        .unwrap();
    assert!(
        status.success(),
        "browser checks failed against {url} (see the messages above; screenshots in {})",
        screenshots.display()
    );
}

fn browser_test(name: &str, corpora: &[PathBuf]) {
    if !tools_ready() {
        return;
    }
    ensure_node_modules();
    let workspace = tempfile::tempdir().unwrap();
    for corpus in corpora {
        add_reports(workspace.path(), corpus);
    }
    let server = serve(workspace.path());
    run_browser_checks(&server.url, name);
}

#[test]
fn web_app_over_the_examples() {
    browser_test("examples", &[workspace_root().join("examples")]);
}

#[test]
fn web_app_over_the_seeds() {
    let Some(seeds) = shared_path("corpus/seeds") else {
        eprintln!("skipped: CORROBORATE_SHARED is not set, so there are no seed reports");
        return;
    };
    browser_test("seeds", &[seeds]);
}
