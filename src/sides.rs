//! Sides: the parties of a story, each a set of organisations, with stable ids and colours.

use std::collections::BTreeMap;

use crate::comparison::Side;

/// Distinct colours for sides, readable on light and dark backgrounds.
pub const PALETTE: &[&str] = &[
    "#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#117a65", "#a04000", "#2e4053",
    "#b03a2e", "#1f618d",
];

/// The stable id of a side with this name: a lower-case slug (`West Vale` → `west-vale`).
pub fn side_id(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    if name.is_ascii() {
        // the same rules byte by byte (called for every mention of a party)
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                slug.push(char::from(b.to_ascii_lowercase()));
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
    } else {
        for c in name.chars() {
            if c.is_alphanumeric() {
                slug.extend(c.to_lowercase());
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "side".to_string()
    } else {
        slug
    }
}

/// Adds an organisation to the side its party names, creating the side when new.
pub fn add_organisation(
    sides: &mut BTreeMap<String, Side>,
    party: &str,
    organisation: &str,
) -> String {
    let id = side_id(party);
    let side = sides.entry(id.clone()).or_insert_with(|| Side {
        id: id.clone(),
        name: party.to_string(),
        organisations: Vec::new(),
        colour: String::new(),
    });
    if !side.organisations.iter().any(|o| o == organisation) {
        side.organisations.push(organisation.to_string());
        side.organisations.sort();
    }
    id
}

/// Gives each side a colour by its place in id order, so colours are stable for a corpus.
pub fn finish(sides: BTreeMap<String, Side>) -> Vec<Side> {
    sides
        .into_values()
        .enumerate()
        .map(|(i, mut s)| {
            s.colour = PALETTE[i % PALETTE.len()].to_string();
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(side_id("West Vale"), "west-vale");
        assert_eq!(side_id("  A & B News!"), "a-b-news");
        assert_eq!(side_id("Ökobank"), "ökobank");
        assert_eq!(side_id("—"), "side");
    }

    #[test]
    fn organisations_merge_into_one_side_with_stable_colours() {
        let mut sides = BTreeMap::new();
        add_organisation(&mut sides, "Vale", "Vale Police");
        add_organisation(&mut sides, "Vale", "Police and Crime Commissioner for Vale");
        add_organisation(&mut sides, "Vale", "Vale Police");
        add_organisation(&mut sides, "Acme", "Acme Ltd");
        let sides = finish(sides);
        assert_eq!(sides.len(), 2);
        assert_eq!(sides[0].id, "acme");
        assert_eq!(sides[1].organisations.len(), 2);
        assert_eq!(sides[0].colour, PALETTE[0]);
        assert_eq!(sides[1].colour, PALETTE[1]);
    }
}
