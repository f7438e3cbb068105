//! Names under which news reports one organization ("Islamic State" /
//! "ISIL" / "Daesh"), from the general list `data/organization_aliases.tsv`
//! (built by `scripts/build_organization_aliases.py`). The merge never
//! guesses such equivalences; this list or the user's curation file says
//! them.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::names::spelling_key;

static ALIASES_TSV: &str = include_str!("../data/organization_aliases.tsv");

/// Spelling key of each listed name → the organization's id in the list.
static ALIAS_GROUPS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut groups = HashMap::new();
    for line in ALIASES_TSV.lines().filter(|l| !l.starts_with('#')) {
        let Some((id, names)) = line.split_once('\t') else {
            continue;
        };
        for name in names.split('|') {
            groups.insert(spelling_key(name), id);
        }
    }
    groups
});

/// The list's id of the organization `name` is a listed name of.
pub(crate) fn organization_alias_group(name: &str) -> Option<&'static str> {
    ALIAS_GROUPS.get(&spelling_key(name)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_names_share_their_group() {
        let group = organization_alias_group("ISIL");
        assert!(group.is_some());
        assert_eq!(organization_alias_group("the Islamic State"), group);
        assert_eq!(organization_alias_group("Daesh"), group);
        assert_ne!(organization_alias_group("Hezbollah"), group);
        assert_eq!(organization_alias_group("Veloria Relief Fund"), None);
    }
}
