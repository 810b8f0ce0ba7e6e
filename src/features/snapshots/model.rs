//! Pure rules of the snapshot actions: name suggestions, when restore is allowed, what is
//! still in flight, and what changed between two refreshes.

use super::MAX_SNAPSHOT_NAME_LEN;
use crate::api::models::{ServerStatus, Snapshot, SnapshotStatus};
use crate::components::status_label;
use crate::format::parse_timestamp;
use crate::i18n::{t, tf, tn, Key};
use vps_calendar::civil_from_days;

use super::SNAPSHOT_LIMIT;

/// "web-server-01-20261127-0615": the server's name made valid, and the UTC time to the minute.
pub fn suggest_name(server_name: &str, unix_seconds: i64) -> String {
    let stamp = compact_stamp(unix_seconds);
    let mut base: String = server_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let room = MAX_SNAPSHOT_NAME_LEN - stamp.len() - 1;
    base.truncate(room);
    let base = base.trim_matches('-');
    if base.is_empty() {
        format!("snapshot-{stamp}")
    } else {
        format!("{base}-{stamp}")
    }
}

/// `20261127-0615` in UTC.
/// `20261127-1412`: a UTC time to the minute, as snapshot names carry it.
pub(crate) fn compact_stamp(unix_seconds: i64) -> String {
    let (year, month, day) = civil_from_days(unix_seconds.div_euclid(86_400));
    let rest = unix_seconds.rem_euclid(86_400);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}",
        rest / 3600,
        rest % 3600 / 60
    )
}

/// Why a new snapshot cannot be made, if it cannot.
pub fn create_block(used: usize) -> Option<String> {
    (used >= SNAPSHOT_LIMIT).then(|| tn(Key::SNAPSHOTS_LIMIT_REACHED, SNAPSHOT_LIMIT as u64, &[]))
}

/// Why this snapshot cannot be restored now, if it cannot.
pub fn restore_block(snapshot: &SnapshotStatus, server: &ServerStatus) -> Option<&'static str> {
    if *server == ServerStatus::Restoring {
        Some(t(Key::SNAPSHOTS_RESTORE_BLOCK_RESTORING))
    } else if *snapshot != SnapshotStatus::Completed {
        Some(t(Key::SNAPSHOTS_RESTORE_BLOCK_NOT_COMPLETED))
    } else {
        None
    }
}

/// The restore gate: the server's name typed exactly (no trimming, case matters).
pub fn confirms(typed: &str, server_name: &str) -> bool {
    !server_name.is_empty() && typed == server_name
}

/// Whether anything on screen is still changing, so the page should keep refreshing.
pub fn in_flight(snapshots: &[Snapshot], server: Option<&ServerStatus>) -> bool {
    server == Some(&ServerStatus::Restoring)
        || snapshots
            .iter()
            .any(|s| s.status == SnapshotStatus::InProgress)
}

/// Sentences for the live region about what changed between two refreshes.
pub fn changes(
    before: &[Snapshot],
    after: &[Snapshot],
    server_name: &str,
    server_before: Option<&ServerStatus>,
    server_after: Option<&ServerStatus>,
) -> Vec<String> {
    let mut said = Vec::new();
    for now in after {
        if let Some(was) = before.iter().find(|s| s.id == now.id) {
            if was.status != now.status {
                let status = status_label(now.status.as_str());
                said.push(tf(
                    Key::SNAPSHOTS_CHANGE_SNAPSHOT,
                    &[("name", &now.name), ("status", &status)],
                ));
            }
        }
    }
    if server_before != server_after {
        let said_of = |key, now: &ServerStatus| {
            let status = status_label(now.as_str());
            tf(key, &[("server", server_name), ("status", &status)])
        };
        if let (Some(ServerStatus::Restoring), Some(now)) = (server_before, server_after) {
            said.push(said_of(Key::SNAPSHOTS_CHANGE_RESTORED, now));
        } else if let Some(now) = server_after {
            said.push(said_of(Key::SNAPSHOTS_CHANGE_SERVER, now));
        }
    }
    said
}

/// Newest first, as the API lists them; unparsable dates last.
pub fn newest_first(snapshots: &mut [Snapshot]) {
    snapshots.sort_unstable_by(|a, b| {
        let at = |s: &Snapshot| parse_timestamp(&s.created_at).unwrap_or(i64::MIN);
        at(b).cmp(&at(a)).then(b.id.cmp(&a.id))
    });
}

/// The snapshots that could be deleted to make room, oldest first (unparsable dates first too:
/// nothing says they are recent), never the one `keep` names (the snapshot about to be restored).
pub fn oldest_first_except(snapshots: &[Snapshot], keep: Option<u64>) -> Vec<Snapshot> {
    let mut list: Vec<Snapshot> = snapshots
        .iter()
        .filter(|s| Some(s.id) != keep)
        .cloned()
        .collect();
    newest_first(&mut list);
    list.reverse();
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::ServerRef;
    use crate::features::snapshots::snapshot_name_problem;

    fn snapshot(id: u64, status: SnapshotStatus, created_at: &str) -> Snapshot {
        Snapshot {
            id,
            server: ServerRef {
                id: 1,
                name: Some("web".into()),
            },
            name: format!("s{id}"),
            status,
            size_mb: None,
            created_at: created_at.into(),
            description: None,
        }
    }

    #[test]
    fn suggestions_are_valid_names_with_the_time() {
        assert_eq!(
            suggest_name("web-server-01", 1_736_965_800),
            "web-server-01-20250115-1830"
        );
        assert_eq!(
            suggest_name("db primary.eu", 0),
            "db-primary-eu-19700101-0000"
        );
        assert_eq!(suggest_name("ñ", 0), "snapshot-19700101-0000");
        let long = suggest_name(&"x".repeat(200), 0);
        assert!(long.len() <= MAX_SNAPSHOT_NAME_LEN);
        for name in [
            long,
            suggest_name("a b/c", 1_736_965_800),
            suggest_name("", 5),
        ] {
            assert_eq!(snapshot_name_problem(&name), None, "{name}");
        }
    }

    #[test]
    fn create_is_blocked_at_the_limit_with_the_reason() {
        assert_eq!(create_block(4), None);
        let reason = create_block(5).unwrap_or_default();
        assert!(reason.contains("delete one to create another"), "{reason}");
    }

    #[test]
    fn restore_needs_a_completed_snapshot_and_a_server_not_restoring() {
        use ServerStatus::*;
        assert_eq!(restore_block(&SnapshotStatus::Completed, &Active), None);
        assert_eq!(
            restore_block(&SnapshotStatus::Completed, &Other("maintenance".into())),
            None
        );
        assert!(restore_block(&SnapshotStatus::InProgress, &Active).is_some());
        assert!(restore_block(&SnapshotStatus::Other("failed".into()), &Stopped).is_some());
        assert!(restore_block(&SnapshotStatus::Completed, &Restoring).is_some());
    }

    #[test]
    fn the_typed_name_must_match_exactly() {
        assert!(confirms("web-server-01", "web-server-01"));
        assert!(!confirms("web-server-0", "web-server-01"));
        assert!(!confirms("Web-server-01", "web-server-01"));
        assert!(!confirms(" web-server-01", "web-server-01"));
        assert!(!confirms("", ""));
    }

    #[test]
    fn work_is_in_flight_while_a_snapshot_runs_or_the_server_restores() {
        let done = [snapshot(
            1,
            SnapshotStatus::Completed,
            "2025-01-01T00:00:00Z",
        )];
        let running = [snapshot(
            2,
            SnapshotStatus::InProgress,
            "2025-01-01T00:00:00Z",
        )];
        assert!(!in_flight(&done, Some(&ServerStatus::Active)));
        assert!(in_flight(&running, Some(&ServerStatus::Active)));
        assert!(in_flight(&done, Some(&ServerStatus::Restoring)));
    }

    #[test]
    fn changes_name_finished_snapshots_and_restores() {
        let before = [snapshot(2, SnapshotStatus::InProgress, "x")];
        let after = [snapshot(2, SnapshotStatus::Completed, "x")];
        let said = changes(
            &before,
            &after,
            "web",
            Some(&ServerStatus::Restoring),
            Some(&ServerStatus::Active),
        );
        assert_eq!(
            said,
            vec![
                "Snapshot s2 is now completed.",
                "web finished restoring and is active."
            ]
        );
        assert!(changes(&after, &after, "web", None, None).is_empty());
    }

    #[test]
    fn room_is_made_from_the_oldest_never_from_the_snapshot_being_restored() {
        let list = vec![
            snapshot(5, SnapshotStatus::Completed, "2025-03-01T00:00:00Z"),
            snapshot(4, SnapshotStatus::Completed, "2025-01-01T00:00:00Z"),
            snapshot(3, SnapshotStatus::Completed, "garbage"),
            snapshot(2, SnapshotStatus::Completed, "2025-02-01T00:00:00Z"),
        ];
        let ids = |l: Vec<Snapshot>| l.iter().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(ids(oldest_first_except(&list, None)), vec![3, 4, 2, 5]);
        assert_eq!(ids(oldest_first_except(&list, Some(4))), vec![3, 2, 5]);
        assert!(oldest_first_except(&[], None).is_empty());
    }

    #[test]
    fn newest_snapshots_come_first() {
        let mut list = vec![
            snapshot(1, SnapshotStatus::Completed, "2025-01-01T00:00:00Z"),
            snapshot(2, SnapshotStatus::Completed, "2025-02-01T00:00:00Z"),
            snapshot(3, SnapshotStatus::Completed, "garbage"),
        ];
        newest_first(&mut list);
        assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), vec![2, 1, 3]);
    }
}
