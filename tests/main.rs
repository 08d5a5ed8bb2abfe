//! Integration tests: the binary as a user runs it. One test binary, one
//! module per command; fixtures under `tests/fixtures/`.
#![allow(clippy::unwrap_used)]

mod allow;
mod check;
mod draft;
mod drafts;
mod export;
mod flashcards;
mod help;
mod hostile;
mod keys;
mod kill;
mod layers;
mod messages;
mod model;
mod open;
mod print;
mod quickstart;
mod quiz;
mod remake;
mod review;
mod schema;
mod selfcheck;
mod stats;
mod util;
mod worksheet;
