//! The rule for snapshot names, as the docs give it (letters, digits, hyphens, underscores).

use crate::format::count;
use crate::i18n::{t, tf, Key};

/// Longest name the panel accepts. The docs set no limit; 64 keeps names readable in tables
/// and stays well inside the usual 100-character limit of this API style's name fields.
pub const MAX_SNAPSHOT_NAME_LEN: usize = 64;

/// Why a snapshot name is not acceptable, in plain language; `None` when it is fine.
pub fn snapshot_name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some(t(Key::NAME_EMPTY).to_owned());
    }
    if let Some(bad) = name.chars().find(|c| !is_allowed(*c)) {
        let shown = if bad == ' ' {
            t(Key::NAME_SPACES).to_owned()
        } else if bad.is_control() {
            t(Key::NAME_CONTROL).to_owned()
        } else {
            format!("\u{201c}{bad}\u{201d}")
        };
        return Some(tf(Key::NAME_BAD_CHARACTER, &[("bad", &shown)]));
    }
    let length = name.chars().count();
    if length > MAX_SNAPSHOT_NAME_LEN {
        let (max, length) = (count(MAX_SNAPSHOT_NAME_LEN as u64), count(length as u64));
        return Some(tf(
            Key::NAME_TOO_LONG,
            &[("max", &max), ("length", &length)],
        ));
    }
    None
}

fn is_allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn documented_example_names_are_accepted() {
        for name in [
            "pre-migration-snapshot",
            "weekly-snapshot-2025-01-08",
            "before_update",
        ] {
            assert_eq!(snapshot_name_problem(name), None, "{name}");
        }
    }

    #[test]
    fn an_empty_name_asks_for_one() {
        assert_eq!(
            snapshot_name_problem("").as_deref(),
            Some("Enter a name for the snapshot.")
        );
    }

    #[test]
    fn a_space_is_named_in_the_reason() {
        let reason = snapshot_name_problem("before update").unwrap_or_default();
        assert!(reason.contains("spaces cannot be used"), "{reason}");
    }

    #[test]
    fn the_length_limit_is_inclusive() {
        assert_eq!(
            snapshot_name_problem(&"a".repeat(MAX_SNAPSHOT_NAME_LEN)),
            None
        );
        assert!(snapshot_name_problem(&"a".repeat(MAX_SNAPSHOT_NAME_LEN + 1)).is_some());
    }

    #[test]
    fn non_ascii_letters_are_rejected() {
        assert!(snapshot_name_problem("snapshot-é").is_some());
    }

    /// The obvious reading of the docs' rule, to check the real one against.
    fn reference_is_valid(name: &str) -> bool {
        !name.is_empty()
            && name.len() <= MAX_SNAPSHOT_NAME_LEN
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }

    proptest! {
        #[test]
        fn agrees_with_the_reference_on_any_text(name in any::<String>()) {
            prop_assert_eq!(snapshot_name_problem(&name).is_none(), reference_is_valid(&name));
        }

        #[test]
        fn agrees_with_the_reference_on_name_like_text(name in "[a-zA-Z0-9_ .é-]{0,70}") {
            let problem = snapshot_name_problem(&name);
            prop_assert_eq!(problem.is_none(), reference_is_valid(&name));
            if let Some(reason) = problem {
                prop_assert!(!reason.is_empty());
            }
        }
    }
}
