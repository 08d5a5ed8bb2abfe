//! `cargo bench`: how long each stage takes on the shipped bank. Prints the
//! mean and the fastest run of each stage; no statistics framework needed
//! for figures in milliseconds.

use std::hint::black_box;
use std::time::{Duration, Instant};

use mediaquiz::bank::Lang;
use mediaquiz::card::CardView;
use mediaquiz::check::load_bank;
use mediaquiz::output::{AnswerKey, Output, Remake, RenderContext, Worksheet};
use mediaquiz::render::{self, Paper, SheetOptions};
use mediaquiz::select::{self, Filters, Seed, Shown};

fn measure(name: &str, runs: u32, mut work: impl FnMut()) {
    work();
    let mut best = Duration::MAX;
    let start = Instant::now();
    for _ in 0..runs {
        let one = Instant::now();
        work();
        best = best.min(one.elapsed());
    }
    let mean = start.elapsed() / runs;
    println!(
        "{name:<52} mean {:>9.3} ms   best {:>9.3} ms",
        ms(mean),
        ms(best)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let bank = load_bank(None).expect("the shipped bank loads");
    measure("load + check the shipped bank (54 questions)", 200, || {
        black_box(load_bank(None).expect("loads"));
    });
    let options = SheetOptions {
        lang: Lang::Fr,
        seed: Seed(7),
        paper: Paper::A4,
        with_article: true,
        remake: "mediaquiz worksheet -n 12 --versions 3 --seed 7".to_owned(),
    };
    measure("select 12 + shuffle 3 versions", 2000, || {
        let mut rng = Seed(7).rng();
        let chosen =
            select::select(&bank, &Filters::default(), 12, false, &mut rng).expect("selects");
        black_box(select::versions(&chosen, 3, &mut rng));
    });
    measure("render 3 worksheets + 3 keys (12 questions)", 200, || {
        let mut rng = Seed(7).rng();
        let chosen =
            select::select(&bank, &Filters::default(), 12, false, &mut rng).expect("selects");
        for version in select::versions(&chosen, 3, &mut rng) {
            black_box(render::worksheet(&bank, &version, &options).expect("renders"));
            black_box(render::answers(&bank, &version, &options).expect("renders"));
        }
    });
    measure(
        "outputs + write the set of 6 files (12 questions)",
        100,
        || {
            let mut rng = Seed(7).rng();
            let chosen =
                select::select(&bank, &Filters::default(), 12, false, &mut rng).expect("selects");
            let versions = select::versions(&chosen, 3, &mut rng);
            let ctx = RenderContext::new(
                &bank,
                chosen,
                versions,
                Lang::Fr,
                Seed(7),
                Paper::A4,
                Remake::default(),
            );
            let outputs: [&dyn Output; 2] = [&Worksheet { with_article: true }, &AnswerKey];
            let files: Vec<_> = outputs
                .iter()
                .flat_map(|o| o.render(&ctx).expect("renders"))
                .collect();
            let set: Vec<(&str, &[u8])> = files
                .iter()
                .map(|f| (f.name.as_str(), f.bytes.as_slice()))
                .collect();
            let dir = tempfile::tempdir().expect("a temporary folder");
            black_box(mediaquiz::fsutil::write_set(dir.path(), &set).expect("writes"));
        },
    );
    measure("card views of the 54 questions", 2000, || {
        let mut rng = Seed(7).rng();
        for question in &bank.questions {
            black_box(CardView::new(&Shown::shuffle(question, &mut rng), Lang::Fr));
        }
    });
}
