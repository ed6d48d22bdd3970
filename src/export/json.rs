//! The JSON export: the comparison schema (`parallax.comparison/1`), with the user's notes in
//! each group's `annotation` (filled by [`crate::annotations::apply`]).

use crate::comparison::Comparison;

/// The comparison as pretty-printed JSON with a final newline: the same bytes
/// `parallax analyze DIR --format json` prints.
pub fn render(comparison: &Comparison) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(comparison)?;
    json.push('\n');
    Ok(json)
}

/// Writes the same bytes as [`render`] to `out` as they are made: a large comparison is never
/// held a second time as text.
pub fn write(
    comparison: &Comparison,
    out: &mut dyn std::io::Write,
) -> Result<(), serde_json::Error> {
    serde_json::to_writer_pretty(&mut *out, comparison)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}
