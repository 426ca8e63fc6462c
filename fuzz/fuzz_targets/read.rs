//! The loader, then random keys at a random size: the property tests' driver
//! (`tests/common/drive.rs`) under libFuzzer's coverage guidance. The first byte
//! picks the width, the second the height, the third how many of the next bytes
//! are keys; the rest is the briefing's text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, clippy::unwrap_used, reason = "shared with the tests")]
#[path = "../../tests/common/drive.rs"]
mod drive;

fuzz_target!(|data: &[u8]| {
    let [w, h, n, rest @ ..] = data else {
        return;
    };
    let keys: Vec<usize> = rest.iter().take(usize::from(*n % 64)).map(|&k| usize::from(k)).collect();
    let text = String::from_utf8_lossy(&rest[keys.len()..]);
    drive::read(&text, &keys, (u16::from(*w) % 200 + 1, u16::from(*h) % 60 + 1));
});
