//! Criterion benchmarks of the pipeline: load a folder of generated press material and
//! analyse it, at 100 and 1,000 documents.
//!
//! `cargo bench --bench pipeline`

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use parallax::corpus::{self, LoadOptions};
use parallax::{Settings, analyze};

const BODIES: &[&str] = &[
    "Riverton Council has agreed to fund the ferry for {n} more months at a cost of £{m}m.\n\nCouncillor Ann Hale said: \"This keeps the crossing open while we plan for {y}.\"\n\nThe operator says it is losing money on the route, a claim the council disputes.",
    "Valley Bus Company has withdrawn route {n} after {m} years.\n\nPassengers said fares rose by {n} per cent in {y}.\n\n\"We cannot run services at a loss,\" a spokesperson said.",
    "Northfield Health Board opened a clinic costing £{m}m on {n} March {y}.\n\nThe board said waiting lists fell by {n}%.\n\nUnions rejected the suggestion that staff numbers were adequate.",
];

/// Writes `count` documents in the three metadata forms the store reads.
fn generate(dir: &Path, count: usize) {
    for i in 0..count {
        let body = BODIES[i % BODIES.len()]
            .replace("{n}", &(i % 40 + 2).to_string())
            .replace("{m}", &(i % 90 + 1).to_string())
            .replace("{y}", &(2000 + i % 25).to_string());
        let text = match i % 3 {
            0 => format!(
                "```yaml\narea: Area {a}\ntitle: Story {i} | Area {a}\npublish:\n  date: 09:{mm:02} 0{d}/03/2021\nurl: https://area{a}.example/news/{i}?a=1&amp;b=2\n```\n\n{body}\n",
                a = i % 7,
                mm = i % 60,
                d = i % 9 + 1
            ),
            1 => format!(
                "---\ntitle: Story {i}\ndate: 2021-04-{:02}\n---\n{body}\n",
                i % 28 + 1
            ),
            _ => format!(" date 2021-05-{:02} {body}", i % 28 + 1),
        };
        let sub = dir.join(format!("batch{}", i / 250));
        std::fs::create_dir_all(&sub).expect("create dir");
        std::fs::write(sub.join(format!("story{i:05}.txt")), text).expect("write");
    }
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_and_analyze");
    group.sample_size(10);
    for count in [100usize, 1_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        generate(dir.path(), count);
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
