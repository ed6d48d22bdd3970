//! The command line as a user runs it.

use std::process::Command;

use crate::support::{folder, sample_dir};

fn parallax() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
}

#[test]
fn analyze_prints_the_comparison_json() {
    let out = parallax()
        .args(["analyze"])
        .arg(sample_dir())
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["schema"], "parallax.comparison/1");
    assert_eq!(
        json["generator"],
        format!("parallax {}", env!("CARGO_PKG_VERSION"))
    );
    let docs = json["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 5);
    for d in docs {
        for key in [
            "id",
            "path",
            "title",
            "url",
            "published",
            "publisher",
            "publisher_evidence",
            "format",
            "warnings",
        ] {
            assert!(d.get(key).is_some(), "document lacks {key}: {d}");
        }
        assert!(!d["path"].as_str().unwrap().contains('\\'));
    }
    for key in ["sides", "statements", "groups", "timeline", "warnings"] {
        assert!(json[key].is_array(), "{key}");
    }
}

#[test]
fn analyze_writes_to_a_file() {
    let dir = folder(&[("a.txt", b"Acme Ltd has opened a depot.")]);
    let out_file = dir.path().join("out.json");
    let out = parallax()
        .arg("analyze")
        .arg(dir.path())
        .arg("-o")
        .arg(&out_file)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).expect("written")).unwrap();
    assert_eq!(json["documents"][0]["publisher"], "acme");
}

#[test]
fn a_missing_folder_fails_with_one_clear_line() {
    for cmd in ["analyze", "open"] {
        let out = parallax()
            .args([cmd, "/no/such/folder/here"])
            .output()
            .expect("runs");
        assert!(!out.status.success(), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("/no/such/folder/here") && err.contains("no such folder"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn help_and_version() {
    let out = parallax().arg("--version").output().expect("runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("parallax {}", env!("CARGO_PKG_VERSION"))
    );
    let out = parallax().arg("--help").output().expect("runs");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for word in ["open", "analyze"] {
        assert!(help.contains(word), "{help}");
    }
    let out = parallax()
        .args(["analyze", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--format") && help.contains("--output"),
        "{help}"
    );
}

#[test]
fn an_unknown_format_is_refused() {
    let out = parallax()
        .arg("analyze")
        .arg(sample_dir())
        .args(["--format", "pdf"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("pdf"));
}

#[test]
fn what_goes_wrong_is_also_in_the_log_file() {
    // started from the desktop there is no terminal: the log file must say it too
    let logs = tempfile::tempdir().unwrap();
    let out = parallax()
        .args(["analyze", "/does/not/exist"])
        .env("PARALLAX_LOG_DIR", logs.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let files: Vec<_> = std::fs::read_dir(logs.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let log = std::fs::read_to_string(&files[0]).unwrap();
    assert!(log.contains("started"), "{log}");
    assert!(
        log.contains("ERROR") && log.contains("/does/not/exist"),
        "the failure is not in the log: {log}"
    );
}

#[test]
#[cfg(feature = "gui")]
fn a_window_that_cannot_open_retries_in_software_then_says_what_to_do() {
    let logs = tempfile::tempdir().unwrap();
    let out = parallax()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("PARALLAX_LOG_DIR", logs.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not open its window"), "{err}");
    assert!(
        err.contains("parallax analyze FOLDER"),
        "no way forward offered: {err}"
    );
    let log: String = std::fs::read_dir(logs.path())
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(log.contains("retrying with the software renderer"), "{log}");
    assert_eq!(
        log.matches("cannot open the window").count(),
        2,
        "one failed try with the default renderer and one in software: {log}"
    );
}

#[test]
fn open_takes_the_limits_of_analyze() {
    let help = |cmd: &str| {
        let out = parallax().args([cmd, "--help"]).output().expect("runs");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (open, analyze) = (help("open"), help("analyze"));
    for flag in [
        "--max-file-size",
        "--max-total-size",
        "--max-files",
        "--max-depth",
    ] {
        assert!(open.contains(flag), "open: {flag}\n{open}");
        assert!(analyze.contains(flag), "analyze: {flag}");
    }
    // a bad limit is refused before any window is opened
    let out = parallax()
        .args(["open", "/no/such/folder", "--max-file-size", "lots"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a size"));
}
