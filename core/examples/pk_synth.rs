//! Prints a seeded synthetic document as a v1 file, for the browser benchmarks:
//! `cargo run --release --example pk_synth -- NODES SEED > file.json`.

use pohon_core::codec::export;
use pohon_core::synth;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<u64>());
    match (args.next(), args.next().unwrap_or(Ok(42))) {
        (Some(Ok(nodes)), Ok(seed)) => println!("{}", export(&synth::document(nodes as usize, seed))),
        _ => {
            eprintln!("usage: pk_synth NODES [SEED]");
            std::process::exit(2);
        }
    }
}
