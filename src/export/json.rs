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
