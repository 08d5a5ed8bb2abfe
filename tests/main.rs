//! Integration tests: the binary as a user runs it. One test binary, one
//! module per command; fixtures under `tests/fixtures/`.
#![allow(clippy::unwrap_used)]

mod check;
mod draft;
mod flashcards;
mod print;
mod quiz;
mod review;
mod selfcheck;
mod stats;
mod util;
mod worksheet;
