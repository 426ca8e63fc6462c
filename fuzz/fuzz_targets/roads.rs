//! The two loader roads on any text (`roads::disagreement`): the fast road as
//! `load` takes it, laying the comments' words out in the file's own text, and
//! the careful road must give the same briefing or both refuse it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(how) = brief::briefing::roads::disagreement(&text) {
        panic!("{how}\n{text}");
    }
});
