//! Stage timings of the pipeline on generated press material.
//!
//! `cargo run --release --example perf -- 1000 [10000 ...]`
//!
//! `cargo run --release --example perf -- --pdf 1000` does the same on a folder of that
//! many PDFs of four pages each (the generated texts laid out by
//! `parallax::corpus::formats::make`), timing the writing, the loading (the PDF reading) and
//! the analysis.
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
    if args.iter().any(|a| a == "--pdf") {
        for count in counts {
            pdf_folder(count)?;
        }
        return Ok(());
    }
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

/// Writes `count` four-page PDFs of generated texts into a temporary folder, then loads
/// and analyses it, printing the time each step takes.
fn pdf_folder(count: usize) -> Result<(), Box<dyn std::error::Error>> {
    use parallax::corpus::formats::make::{PdfLayout, Release};
    let dir = tempfile::tempdir()?;
    let t = Instant::now();
    let (mut pages, mut bytes) = (0usize, 0usize);
    for (i, f) in parallax::generate::corpus(count, 42)
        .into_iter()
        .enumerate()
    {
        // the text without its metadata block: paragraphs after the first blank line
        let mut paras = f.text.split("\n\n").skip(1).map(str::to_string);
        let title = paras.next().unwrap_or_else(|| format!("Story {i}"));
        let paragraphs: Vec<String> = paras.filter(|p| !p.trim().is_empty()).collect();
        let chars: usize = paragraphs.iter().map(|p| p.len() + 60).sum();
        let release = Release {
            title: title.lines().next().unwrap_or_default().to_string(),
            paragraphs,
            organisation: "Generated Press Office".into(),
            author: "Perf".into(),
            email: "press@generated.example".into(),
            issued: chrono::NaiveDate::from_ymd_opt(2021, 3, 1)
                .and_then(|d| d.and_hms_opt(9, 0, 0))
                .ok_or("a date")?,
        };
        // some 60 characters a line: four pages
        let layout = PdfLayout {
            chars_per_line: 60,
            lines_per_page: (chars / 60 / 4).max(3),
        };
        let pdf = release.pdf(layout);
        pages += lopdf::Document::load_mem(&pdf)?.get_pages().len();
        bytes += pdf.len();
        std::fs::write(dir.path().join(format!("doc{i:05}.pdf")), pdf)?;
    }
    let write = t.elapsed();
    let t = Instant::now();
    let corpus = corpus::load(dir.path(), &LoadOptions::default())?;
    let load = t.elapsed();
    let t = Instant::now();
    let whole = parallax::analyze(&corpus, &parallax::Settings::default());
    let analyze = t.elapsed();
    println!(
        "{count} PDFs ({pages} pages, {bytes} bytes): write {write:.2?}, load {load:.2?} ({} documents, {} warnings), analyze {analyze:.2?} ({} statements, {} groups)",
        corpus.documents.len(),
        corpus.warnings.len(),
        whole.statements.len(),
        whole.groups.len(),
    );
    Ok(())
}
