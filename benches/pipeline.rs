//! `cargo bench --bench pipeline`: each stage of mediaquiz, with divan, on
//! the shipped bank and on a synthetic bank of 10 000 questions (made at
//! start from `benches/support/synthetic.rs`, in a temporary folder: no big
//! file in git). Stages: load + check (with evidence matching), selection +
//! shuffling of the versions, rendering worksheets and keys, flashcards, and
//! each export. Whole-process figures against the YAML floor are
//! `scripts/bench.sh`'s.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::LazyLock;

use divan::Bencher;
use mediaquiz::bank::{Bank, Lang, Question, QuestionType};
use mediaquiz::check::load_bank;
use mediaquiz::export::{self, Format, Input};
use mediaquiz::output::{AnswerKey, Duplex, Flashcards, Output, Remake, RenderContext, Worksheet};
use mediaquiz::render::Paper;
use mediaquiz::select::{self, Filters, Seed, Shown};

mod support;

/// A bank to measure, and the size of the sheets drawn from it.
struct Fixture {
    /// `None` is the shipped bank.
    path: Option<PathBuf>,
    bank: Bank,
    /// Questions a sheet, and versions a run.
    count: usize,
    versions: usize,
    /// Keeps the synthetic bank's folder alive.
    _dir: Option<tempfile::TempDir>,
}

fn shipped() -> Fixture {
    Fixture {
        path: None,
        bank: load_bank(None).expect("the shipped bank loads"),
        // The shipped-bank job: `worksheet -n 12 --versions 3`.
        count: 12,
        versions: 3,
        _dir: None,
    }
}

fn synthetic() -> Fixture {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (path, _, _) = support::synthetic::write(10_000, dir.path()).expect("writes the bank");
    Fixture {
        bank: load_bank(Some(&path)).expect("the synthetic bank loads"),
        path: Some(path),
        count: 40,
        versions: 30,
        _dir: Some(dir),
    }
}

static SHIPPED: LazyLock<Fixture> = LazyLock::new(shipped);
static SYNTHETIC: LazyLock<Fixture> = LazyLock::new(synthetic);

/// The two banks, by the name divan prints.
const BANKS: [&str; 2] = ["shipped", "10k"];

fn fixture(name: &str) -> &'static Fixture {
    if name == "shipped" {
        &SHIPPED
    } else {
        &SYNTHETIC
    }
}

fn main() {
    divan::main();
}

#[divan::bench(args = BANKS, sample_count = 10)]
fn load_and_check(bencher: Bencher, name: &str) {
    let path = fixture(name).path.clone();
    bencher.bench(|| load_bank(black_box(path.as_deref())).expect("loads"));
}

/// The questions drawn and their shuffled versions, as `worksheet` makes them.
fn draw(f: &Fixture) -> (Vec<&Question>, Vec<select::Version<'_>>) {
    let mut rng = Seed(7).rng();
    let chosen =
        select::select(&f.bank, &Filters::default(), f.count, false, &mut rng).expect("selects");
    let versions = select::versions(&chosen, f.versions, &mut rng);
    (chosen, versions)
}

#[divan::bench(args = BANKS)]
fn select_and_shuffle(bencher: Bencher, name: &str) {
    let f = fixture(name);
    bencher.bench(|| draw(black_box(f)));
}

fn context(f: &Fixture) -> RenderContext<'_> {
    let (chosen, versions) = draw(f);
    RenderContext::new(
        &f.bank,
        chosen,
        versions,
        Lang::Fr,
        Seed(7),
        Paper::A4,
        Remake::default(),
    )
}

#[divan::bench(args = BANKS, sample_count = 10)]
fn worksheets_and_keys(bencher: Bencher, name: &str) {
    let ctx = context(fixture(name));
    let sheet = Worksheet { with_article: true };
    bencher.bench(|| {
        black_box(sheet.render(&ctx).expect("renders"));
        black_box(AnswerKey::default().render(&ctx).expect("renders"));
    });
}

#[divan::bench(args = BANKS, sample_count = 10)]
fn flashcards(bencher: Bencher, name: &str) {
    let f = fixture(name);
    // Cards of every question the bank has, as `flashcards` makes them.
    let mut rng = Seed(7).rng();
    let all = select::select(
        &f.bank,
        &Filters::default(),
        f.bank.questions.len(),
        true,
        &mut rng,
    )
    .expect("selects");
    let ctx = RenderContext::new(
        &f.bank,
        all,
        Vec::new(),
        Lang::Fr,
        Seed(7),
        Paper::A4,
        Remake::default(),
    );
    let output = Flashcards {
        file_name: "flashcards.html".to_owned(),
        duplex: Duplex::Long,
    };
    bencher.bench(|| black_box(output.render(&ctx).expect("renders")));
}

/// Every export of the whole bank, as `export --format F` makes it.
#[divan::bench(
    args = BANKS,
    consts = [0, 1, 2, 3, 4, 5, 6, 7],
    sample_count = 10,
)]
fn export_format<const F: usize>(bencher: Bencher, name: &str) {
    // The file formats of the table, the self-check page left out (it has
    // its own bench).
    let files: Vec<Format> = export::FORMATS
        .iter()
        .copied()
        .filter(|format| !format.is_page())
        .collect();
    let f = fixture(name);
    let format = files[F];
    let questions: Vec<&Question> = f
        .bank
        .questions
        .iter()
        .filter(|q| format.carries_cards() || q.question_type() != QuestionType::Card)
        .collect();
    let input = Input {
        bank: &f.bank,
        questions: &questions,
        lang: Lang::Fr,
        seed: None,
        modified: 0,
    };
    bencher.bench(|| black_box(export::export(format, &input).expect("exports")));
}

/// The self-check page (`export --format html`).
#[divan::bench(args = BANKS, sample_count = 10)]
fn export_html(bencher: Bencher, name: &str) {
    let f = fixture(name);
    bencher.bench(|| {
        let mut rng = Seed(7).rng();
        let shown: Vec<Shown<'_>> = f
            .bank
            .questions
            .iter()
            .map(|q| Shown::shuffle(q, &mut rng))
            .collect();
        black_box(
            mediaquiz::selfcheck::page(&f.bank, &shown, Lang::Fr, Seed(7), "mediaquiz export")
                .expect("renders"),
        )
    });
}
