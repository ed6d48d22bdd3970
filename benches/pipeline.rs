//! Criterion benchmarks of the pipeline on generated press material: load + reading +
//! comparing, at 100, 1,000 and 10,000 documents.
//!
//! `cargo bench --bench pipeline`

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use parallax::corpus::{self, LoadOptions};
use parallax::{Settings, analyze};

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_read_compare");
    for count in [100usize, 1_000, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        parallax::generate::write(dir.path(), count, 42).expect("writes the corpus");
        if count >= 10_000 {
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
