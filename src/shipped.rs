//! The shipped Lere bank, compiled into the binary so every command works from
//! any folder after `cargo install`.

/// Name under which findings about the shipped bank are reported.
pub const LABEL: &str = "questions/lere/lere.yaml";

/// The bank's YAML text.
pub const BANK: &str = include_str!("../questions/lere/lere.yaml");

/// Files the shipped bank may name as `source.file`.
const FILES: &[(&str, &str)] = &[(
    "lere-article.fr.txt",
    include_str!("../questions/lere/lere-article.fr.txt"),
)];

/// The text of a file next to the shipped bank.
pub fn file(name: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}
