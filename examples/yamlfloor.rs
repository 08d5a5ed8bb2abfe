//! The floor for `scripts/bench.sh`: reads a YAML file and parses it into a
//! generic `serde_yaml::Value` with the same YAML crate mediaquiz uses, and
//! nothing else. `cargo run --release --example yamlfloor -- FILE`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: yamlfloor FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let value: serde_yaml::Value = serde_yaml::from_str(&text)?;
    // Counts the questions so the parse cannot be optimised away.
    let count = value
        .get("questions")
        .and_then(serde_yaml::Value::as_sequence)
        .map_or(0, Vec::len);
    println!("{count}");
    Ok(())
}
