//! Writes a synthetic, valid bank for benchmarks: `cargo run --release
//! --example genbank -- N DIR` writes `DIR/bench-N.yaml` (N questions, every
//! type in turn, about 280 bytes each) and `DIR/bench-N.txt`, an article long
//! enough that the evidence quotes are spread through it; every quote is in
//! the article. Deterministic: the same N gives the same files. The
//! generator itself is `benches/support/synthetic.rs`, shared with the benches.

use std::path::PathBuf;

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args
        .next()
        .ok_or("usage: genbank N DIR")?
        .parse()
        .map_err(|e| format!("N must be a whole number: {e}"))?;
    let dir = PathBuf::from(args.next().unwrap_or_else(|| ".".to_owned()));
    let (path, bank, article) = synthetic::write(count, &dir)?;
    eprintln!(
        "wrote {} ({bank} bytes, {} a question) and its article ({article} bytes)",
        path.display(),
        bank / count.max(1)
    );
    Ok(())
}
