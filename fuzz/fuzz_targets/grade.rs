//! The quiz answer parser and grader: any typed line against every question
//! of the shipped bank, shuffled by the first byte.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mediaquiz::bank::{Bank, Lang};
use mediaquiz::check::load_bank;
use mediaquiz::grade;
use mediaquiz::select::{Seed, Shown};

fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| load_bank(None).expect("the shipped bank loads"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&seed, rest)) = data.split_first() else {
        return;
    };
    let line = String::from_utf8_lossy(rest);
    let mut rng = Seed(u64::from(seed)).rng();
    for question in &bank().questions {
        let shown = Shown::shuffle(question, &mut rng);
        for lang in [Lang::Fr, Lang::En] {
            if let Ok(answer) = grade::parse(&shown, &line, lang) {
                let _ = grade::grade(&shown, &answer);
            }
        }
    }
});
