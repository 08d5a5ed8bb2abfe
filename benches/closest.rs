//! `cargo bench --bench closest`: the closest-passage search for a misquote
//! is bounded. Times the worst cases against a 4 MB article (the cap): a
//! short typo, a 600-character one (the longest searched) and a
//! 10 000-character quote (not searched).

use std::hint::black_box;
use std::time::Instant;

use mediaquiz::article::Article;

fn main() {
    let paragraph = include_str!("../questions/lere/lere-article.fr.txt");
    let mut text = String::new();
    while text.len() < 4 * 1024 * 1024 - paragraph.len() {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    let started = Instant::now();
    let article = Article::new(&text);
    println!(
        "{:<52} {:>9.3} ms",
        format!("split + fold a {} KB article", text.len() / 1024),
        started.elapsed().as_secs_f64() * 1000.0
    );
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let typo = |chars: usize| {
        let mut quote = String::new();
        for word in words.iter().cycle().skip(3) {
            if quote.chars().count() >= chars {
                break;
            }
            quote.push_str(word);
            quote.push(' ');
        }
        // A slip in the middle, so no exact match.
        quote.insert_str(quote.len() / 2, "zq");
        quote.trim().to_owned()
    };
    for (name, quote) in [
        ("40-character typo", typo(40)),
        ("300-character typo", typo(300)),
        ("600-character typo (longest searched)", typo(600)),
        ("10 000-character quote (not searched)", typo(10_000)),
    ] {
        let started = Instant::now();
        let missing = black_box(article.find(&quote)).expect_err("a typo is not found");
        println!(
            "{:<52} {:>9.3} ms  (closest found: {})",
            name,
            started.elapsed().as_secs_f64() * 1000.0,
            missing.closest.is_some()
        );
    }
}
