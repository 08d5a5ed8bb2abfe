//! mediaquiz: turn a news article into media-literacy practice.
//!
//! The pipeline is load → check → select/shuffle → render | export | session.
//! `ARCHITECTURE.md` maps the modules; `main.rs` only parses the command line
//! and calls [`cmd::run`].

pub mod allow;
pub mod answer;
pub mod article;
pub mod bank;
pub mod card;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod console;
pub mod diagnostic;
pub mod draft;
pub mod error;
pub mod export;
pub mod fsutil;
pub mod grade;
pub mod i18n;
pub mod lang;
pub mod letters;
pub mod output;
pub mod pdf;
pub mod present;
pub mod quiz;
pub mod render;
pub mod review;
pub mod schema;
pub mod select;
pub mod selfcheck;
pub mod shipped;
pub mod state;
pub mod stats;
pub mod text;

pub use error::{Error, Result};
