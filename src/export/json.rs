//! The JSON export: the comparison schema (`parallax.comparison/1`), with the user's notes in
//! each group's `annotation` (filled by [`crate::annotations::apply`]).

use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::Formatter;

use crate::comparison::Comparison;

/// The comparison as pretty-printed JSON with a final newline: the same bytes
/// `parallax analyze DIR --format json` prints.
pub fn render(comparison: &Comparison) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(comparison)?;
    json.push('\n');
    Ok(json)
}

/// How many list items one thread writes at a time.
const CHUNK: usize = 512;
/// How many chunks are made (in parallel) before they are written: what the writer holds
/// as text at once, a few megabytes, never the whole output.
const BATCH: usize = 16;

/// Writes the same bytes as [`render`] to `out` as they are made: a large comparison is never
/// held a second time as text. The long lists (documents, statements, groups, timeline) are
/// written a batch of chunks at a time, the chunks made on all cores.
pub fn write(comparison: &Comparison, out: &mut dyn Write) -> Result<(), serde_json::Error> {
    // the fields in the order of the struct, as serde writes them; a test holds this to
    // `render` (serde_json's own pretty printer) on every fixture
    let Comparison {
        schema,
        generator,
        root,
        sides,
        documents,
        statements,
        groups,
        timeline,
        warnings,
    } = comparison;
    let io = serde_json::Error::io;
    out.write_all(b"{").map_err(io)?;
    field(out, "schema", schema, true)?;
    field(out, "generator", generator, false)?;
    field(out, "root", root, false)?;
    field(out, "sides", sides, false)?;
    list(out, "documents", documents)?;
    list(out, "statements", statements)?;
    list(out, "groups", groups)?;
    list(out, "timeline", timeline)?;
    field(out, "warnings", warnings, false)?;
    out.write_all(b"\n}\n").map_err(io)
}

/// Writes `"name": value` as a field of the top-level object (after a comma unless `first`).
fn field<T: Serialize + ?Sized>(
    out: &mut dyn Write,
    name: &str,
    value: &T,
    first: bool,
) -> Result<(), serde_json::Error> {
    let sep: &[u8] = if first { b"\n  " } else { b",\n  " };
    out.write_all(sep).map_err(serde_json::Error::io)?;
    serde_json::to_writer(&mut *out, name)?;
    out.write_all(b": ").map_err(serde_json::Error::io)?;
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut *out,
        Pretty::at(1),
    ))
}

/// Writes `"name": [ … ]` as a field of the top-level object (never the first), the items
/// serialized in parallel chunks and written in order.
fn list<T: Serialize + Sync>(
    out: &mut dyn Write,
    name: &str,
    items: &[T],
) -> Result<(), serde_json::Error> {
    if items.len() <= CHUNK {
        return field(out, name, items, false);
    }
    let io = serde_json::Error::io;
    out.write_all(b",\n  ").map_err(io)?;
    serde_json::to_writer(&mut *out, name)?;
    out.write_all(b": [").map_err(io)?;
    let chunks: Vec<&[T]> = items.chunks(CHUNK).collect();
    for (b, batch) in chunks.chunks(BATCH).enumerate() {
        let texts: Vec<Result<Vec<u8>, serde_json::Error>> = batch
            .par_iter()
            .enumerate()
            .map(|(c, chunk)| {
                let mut text = Vec::with_capacity(chunk.len() * 256);
                for (i, item) in chunk.iter().enumerate() {
                    let first = b == 0 && c == 0 && i == 0;
                    text.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    item.serialize(&mut serde_json::Serializer::with_formatter(
                        &mut text,
                        Pretty::at(2),
                    ))?;
                }
                Ok(text)
            })
            .collect();
        for text in texts {
            out.write_all(&text?).map_err(io)?;
        }
    }
    out.write_all(b"\n  ]").map_err(io)
}

/// serde_json's pretty printer (two spaces an indent) starting `level` indents deep: the
/// same bytes as a value printed inside an object or list that deep.
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    fn at(level: usize) -> Pretty {
        Pretty {
            level,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + Write>(&self, writer: &mut W) -> std::io::Result<()> {
        for _ in 0..self.level {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streamed writer makes serde_json's own bytes, lists longer than a chunk included.
    #[test]
    fn write_makes_the_bytes_of_render() {
        let mut comparison = crate::analyze(
            &crate::corpus::bundled_sample(),
            &crate::Settings::default(),
        );
        // lists of several batches, of one item past a chunk, and empty
        let statements = comparison.statements.clone();
        while comparison.statements.len() < CHUNK * BATCH * 2 + 3 {
            comparison.statements.extend(statements.iter().cloned());
        }
        comparison.documents = (comparison.documents.iter().cycle())
            .take(CHUNK + 1)
            .cloned()
            .collect();
        comparison.timeline.clear();
        comparison.warnings = vec!["a \"quoted\"\nwarning".to_string()];
        let mut written = Vec::new();
        write(&comparison, &mut written).expect("written");
        let expected = render(&comparison).expect("rendered");
        assert!(written == expected.as_bytes(), "the streamed JSON differs");
        assert!(comparison.groups.len() > 1 && comparison.sides.len() > 1);
    }
}
