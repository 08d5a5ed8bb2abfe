//! Select + shuffle + render the worksheet and key of a fuzzed bank that
//! passes `check`, for every seed byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mediaquiz::bank::Lang;
use mediaquiz::check::{BankFile, check_file};
use mediaquiz::render::{self, Paper, SheetOptions};
use mediaquiz::select::{self, Filters, Seed};

fuzz_target!(|data: &[u8]| {
    let Some((&seed, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let file = BankFile {
        label: "bank.yaml".to_owned(),
        text: text.to_owned(),
        path: None,
    };
    let Some(bank) = check_file(&file).bank else {
        return;
    };
    let mut rng = Seed(u64::from(seed)).rng();
    let Ok(chosen) = select::select(&bank, &Filters::default(), 12, false, &mut rng) else {
        return;
    };
    let options = SheetOptions {
        lang: if seed % 2 == 0 { Lang::Fr } else { Lang::En },
        seed: Seed(u64::from(seed)),
        paper: Paper::A4,
        with_article: seed % 3 == 0,
        remake: "mediaquiz worksheet".to_owned(),
    };
    for version in select::versions(&chosen, 2, &mut rng) {
        let sheet = render::worksheet(&bank, &version, &options).expect("renders");
        let key = render::answers(&bank, &version, &options).expect("renders");
        assert!(!sheet.contains("<script") && !key.contains("<script"));
    }
});
