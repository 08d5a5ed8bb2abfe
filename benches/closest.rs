//! `cargo bench --bench closest`: the closest-passage search for a misquote
//! is bounded. Times, with divan, the worst cases against a 4 MB article (the
//! cap): splitting and folding it, a short typo, a 600-character one (the
//! longest searched) and a 10 000-character quote (not searched).

use std::hint::black_box;
use std::sync::LazyLock;

use divan::Bencher;
use mediaquiz::article::Article;

const PARAGRAPH: &str = include_str!("../questions/lere/lere-article.fr.txt");

/// The shipped article repeated up to the 4 MB cap.
static TEXT: LazyLock<String> = LazyLock::new(|| {
    let mut text = String::new();
    while text.len() < 4 * 1024 * 1024 - PARAGRAPH.len() {
        text.push_str(PARAGRAPH);
        text.push_str("\n\n");
    }
    text
});

static ARTICLE: LazyLock<Article> = LazyLock::new(|| Article::new(&TEXT));

/// A quote of about `chars` characters of the article, with a slip in the
/// middle so that it is not found as written.
fn typo(chars: usize) -> String {
    let mut quote = String::new();
    for word in PARAGRAPH.split_whitespace().cycle().skip(3) {
        if quote.chars().count() >= chars {
            break;
        }
        quote.push_str(word);
        quote.push(' ');
    }
    quote.insert_str(quote.len() / 2, "zq");
    quote.trim().to_owned()
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn split_and_fold_4mb(bencher: Bencher) {
    let text: &str = &TEXT;
    bencher.bench(|| Article::new(black_box(text)));
}

/// 40 and 300 characters, 600 (the longest searched), 10 000 (not searched).
#[divan::bench(args = [40, 300, 600, 10_000], sample_count = 10)]
fn misquote(bencher: Bencher, chars: usize) {
    let article: &Article = &ARTICLE;
    let quote = typo(chars);
    bencher.bench(|| black_box(article.find(black_box(&quote))).expect_err("a typo is not found"));
}
