//! Integration tests: the binary as a user runs it. One test binary, one
//! module per command; fixtures under `tests/fixtures/`.
#![allow(clippy::unwrap_used)]

mod check;
mod draft;
mod drafts;
mod export;
mod flashcards;
mod hostile;
mod keys;
mod kill;
mod layers;
mod messages;
mod model;
mod open;
mod print;
mod quiz;
mod remake;
mod review;
mod schema;
mod selfcheck;
mod stats;
mod util;
mod worksheet;
