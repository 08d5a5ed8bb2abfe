//! Bank loading + check: any bytes as a bank (with the shipped article).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mediaquiz::check::{BankFile, check_file};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = BankFile {
        label: "bank.yaml".to_owned(),
        text: text.to_owned(),
        path: None,
    };
    let checked = check_file(&file);
    // A bank is refused only with an error to show for it.
    assert!(checked.bank.is_some() || checked.diagnostics.iter().any(|d| d.is_error()));
});
