//! Criterion benchmarks of the pipeline on generated press material: load + reading +
//! comparing, at 1,000, 10,000 and 50,000 documents, to show how the time grows with the
//! folder (close to linearly: the ratios are in the README's "Performance").
//!
//! `cargo bench --bench pipeline`; `PARALLAX_BENCH_MAX=10000 cargo bench --bench pipeline`
//! leaves out the sizes above 10,000 (50,000 documents take about a minute a run, and
//! criterion runs each size ten times).

/// The program's allocator (see src/main.rs), so that the benchmark times what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use parallax::corpus::{self, LoadOptions};
use parallax::{Settings, analyze};

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_read_compare");
    let max: usize = std::env::var("PARALLAX_BENCH_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    for count in [1_000usize, 10_000, 50_000]
        .into_iter()
        .filter(|&c| c <= max)
    {
        let dir = tempfile::tempdir().expect("temp dir");
        parallax::generate::write(dir.path(), count, 42).expect("writes the corpus");
        if count >= 50_000 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(600));
        } else if count >= 10_000 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(60));
        } else {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(10));
        }
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, _| {
            b.iter(|| {
                let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
                black_box(analyze(&corpus, &Settings::default()))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
