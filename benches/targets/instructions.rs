//! Target 2 counted rather than timed: the instructions each key of
//! `KEY_PLAN` costs the real binary, by `valgrind --tool=callgrind`, which
//! counts the same whatever else the machine is doing.

use std::path::Path;
use std::process::Command;

use super::{KEY_PLAN, Row};

/// 2, counted: the instructions a key and its frame cost `brief snapshot` on big
/// against small, for every key of `KEY_PLAN`. A count is the difference
/// between pressing the pair 15 times and 5 times, over the 20 keys between, so
/// the start and the first frame cancel out.
pub(super) fn rows(big: &Path, small: &Path, scratch: &Path) -> Vec<Row> {
    if Command::new("valgrind").arg("--version").output().is_err() {
        println!("valgrind is not installed (apt-get install valgrind): nothing counted");
        return Vec::new();
    }
    let per_key = |file: &Path, setup: &[&str], pair: &[&str]| {
        let count = |times: usize| {
            let keys: Vec<&str> = setup
                .iter()
                .copied()
                .chain(pair.iter().copied().cycle().take(pair.len() * times))
                .collect();
            callgrind(file, &keys.join(" "), scratch)
        };
        (count(15) - count(5)) / (pair.len() as u64 * 10)
    };
    KEY_PLAN
        .iter()
        .map(|(name, setup, pair)| {
            let (b, s) = (per_key(big, setup, pair), per_key(small, setup, pair));
            Row {
                target: "2 keys: instructions, big vs small",
                measured: format!("{:.2} M", b as f64 / 1e6),
                floor: format!("{:.2} M", s as f64 / 1e6),
                ratio: b as f64 / s as f64,
                limit: 1.2,
                note: format!("({name})"),
            }
        })
        .collect()
}

/// The instructions `brief snapshot file --keys keys` executes, every thread's.
fn callgrind(file: &Path, keys: &str, scratch: &Path) -> u64 {
    let out = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg("--callgrind-out-file=/dev/null")
        .arg(env!("CARGO_BIN_EXE_brief"))
        .arg("snapshot")
        .arg(file)
        .args(["--keys", keys])
        .env("XDG_CONFIG_HOME", scratch.join("config"))
        .env("XDG_CACHE_HOME", scratch.join("cache"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stderr);
    report
        .lines()
        .find_map(|l| l.split("Collected : ").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .expect("callgrind reports what it collected")
}
