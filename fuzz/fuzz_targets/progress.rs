//! The progress-file loader: any bytes as `review.json`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = mediaquiz::state::parse_progress(data);
});
