//! Stage timings of the pipeline on generated press material.
//!
//! `cargo run --release --example perf -- 1000 [10000 ...]`
//!
//! `cargo run --release --example perf -- --write DIR 1000 [10000 ...]` only writes the
//! generated corpora into `DIR/<count>/` (for comparing with other tools on the same text,
//! e.g. `scripts/sklearn_baseline.py`).

use std::time::Instant;

use parallax::corpus::{self, LoadOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let counts: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let counts = if counts.is_empty() {
        vec![1_000]
    } else {
        counts
    };
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--write") {
        let out = std::path::PathBuf::from(args.get(i + 1).ok_or("--write needs a folder")?);
        for count in counts {
            let dir = out.join(count.to_string());
            std::fs::create_dir_all(&dir)?;
            parallax::generate::write(&dir, count, 42)?;
            println!("wrote {count} documents to {}", dir.display());
        }
        return Ok(());
    }
    for count in counts {
        let dir = tempfile::tempdir()?;
        let t = Instant::now();
        parallax::generate::write(dir.path(), count, 42)?;
        let generate = t.elapsed();
        let t = Instant::now();
        let corpus = corpus::load(dir.path(), &LoadOptions::default())?;
        let load = t.elapsed();
        let t = Instant::now();
        let lexicon = corpus.lexicon();
        let reading = parallax::reading::read_corpus(&corpus, &lexicon);
        let read = t.elapsed();
        let t = Instant::now();
        let compared = parallax::compare::compare(&reading.statements, &reading.sides, &lexicon);
        let compare = t.elapsed();
        let t = Instant::now();
        let whole = parallax::analyze(&corpus, &parallax::Settings::default());
        let analyze = t.elapsed();
        println!(
            "{count} docs: generate {generate:.2?}, load {load:.2?}, read {read:.2?} ({} statements, {} sides), compare {compare:.2?} ({} groups), analyze {analyze:.2?} ({} groups)",
            reading.statements.len(),
            reading.sides.len(),
            compared.groups.len(),
            whole.groups.len(),
        );
    }
    Ok(())
}
