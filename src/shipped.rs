//! The shipped Lere bank, compiled into the binary so every command works from
//! any folder after `cargo install`.

/// Name under which findings about the shipped bank are reported.
pub const LABEL: &str = "questions/lere/lere.yaml";

/// The bank's YAML text.
pub const BANK: &str = include_str!("../questions/lere/lere.yaml");

/// A bank compiled into the binary, chosen with `--bank ID`.
#[derive(Debug, Clone, Copy)]
pub struct Shipped {
    /// The bank's `id:`, what `--bank` takes.
    pub id: &'static str,
    /// Name under which findings about it are reported.
    pub label: &'static str,
    /// Its YAML text.
    pub text: &'static str,
}

/// Every shipped bank, the default first.
pub const BANKS: &[Shipped] = &[
    Shipped {
        id: "lere",
        label: LABEL,
        text: BANK,
    },
    Shipped {
        id: "lere-en",
        label: "questions/lere-en/lere-en.yaml",
        text: include_str!("../questions/lere-en/lere-en.yaml"),
    },
];

/// The shipped bank called `id`, if there is one.
pub fn by_id(id: &str) -> Option<&'static Shipped> {
    BANKS.iter().find(|b| b.id == id)
}

/// Files the shipped banks may name as `source.file`.
const FILES: &[(&str, &str)] = &[
    (
        "lere-article.fr.txt",
        include_str!("../questions/lere/lere-article.fr.txt"),
    ),
    (
        "lere-article.en.txt",
        include_str!("../questions/lere-en/lere-article.en.txt"),
    ),
];

/// The text of a file next to the shipped bank.
pub fn file(name: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}
