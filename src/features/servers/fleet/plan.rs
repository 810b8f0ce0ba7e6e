//! Pure rules of planning fleet work: snapshot names from a template, what a batch will do on
//! each server (create, make room first, skip and why), which snapshots a prune removes, and
//! the batch each plan becomes.

use super::batch::{Batch, Item, Kind, State, Work};
use crate::api::models::{Server, ServerStatus, Snapshot, SnapshotStatus};
use crate::api::SNAPSHOTS_PER_SERVER;
use crate::format::parse_timestamp;
use crate::name_rule::{snapshot_name_problem, MAX_SNAPSHOT_NAME_LEN};
use vps_calendar::civil_from_days;

/// The name template a batch starts with.
pub const DEFAULT_TEMPLATE: &str = "{server}-{date}";

/// The largest "keep newest N" a prune offers: below the limit, so a pruned server has room.
pub const MAX_KEEP: usize = SNAPSHOTS_PER_SERVER - 1;

/// `template` with `{server}`, `{date}` (`2026-12-05`) and `{time}` (`0615`, UTC) filled in.
/// Anything else in braces stays as typed, and the name rule then says what is wrong with it.
pub fn expand(template: &str, server: &str, unix_seconds: i64) -> String {
    let (year, month, day) = civil_from_days(unix_seconds.div_euclid(86_400));
    let rest = unix_seconds.rem_euclid(86_400);
    template
        .replace("{server}", server)
        .replace("{date}", &format!("{year:04}-{month:02}-{day:02}"))
        .replace(
            "{time}",
            &format!("{:02}{:02}", rest / 3600, rest % 3600 / 60),
        )
}

/// `name` with every character a snapshot name may not have turned into `-`, cut to the
/// longest name allowed.
pub fn replace_bad_characters(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(MAX_SNAPSHOT_NAME_LEN)
        .collect()
}

/// The choices of the "Snapshot selected" dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotChoices {
    pub template: String,
    pub description: String,
    /// Turn characters a name may not have into `-` instead of skipping the server.
    pub replace_bad: bool,
    /// At the limit, delete the server's oldest completed snapshot first instead of skipping.
    pub make_room: bool,
}

/// Why a server is left out of a batch.
#[derive(Clone, Debug, PartialEq)]
pub enum Skip {
    /// The name the template gives is not a valid snapshot name: the name rule's words.
    BadName(String),
    /// At the snapshot limit, and making room was not chosen.
    AtLimit,
    /// At the limit with no completed snapshot to delete (all in progress).
    NoRoom,
    Restoring,
    /// A snapshot of this server is still being made.
    SnapshotInProgress,
}

/// What a batch will do on one server.
#[derive(Clone, Debug, PartialEq)]
pub enum Plan {
    Create,
    /// Delete this snapshot (the oldest completed one) first, then create.
    MakeRoomThenCreate(Snapshot),
    Skip(Skip),
}

/// The selected servers and every snapshot, as the API has them now.
#[derive(Clone, Debug, PartialEq)]
pub struct Fresh {
    pub servers: Vec<Server>,
    pub snapshots: Vec<Snapshot>,
}

/// One row of the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedServer {
    pub server_id: u64,
    pub server: String,
    /// The name the template gives for this server (after replacement, when chosen).
    pub name: String,
    /// The server's snapshots now: the quota's "3 of 5".
    pub used: usize,
    pub plan: Plan,
    /// The server's snapshot ids now: a lost create's answer is looked for among the others.
    pub known: Vec<u64>,
}

/// What the batch will do on each server, in the order given.
pub fn plan_snapshots(
    servers: &[&Server],
    snapshots: &[Snapshot],
    choices: &SnapshotChoices,
    unix_seconds: i64,
) -> Vec<PlannedServer> {
    servers
        .iter()
        .map(|server| {
            let own: Vec<&Snapshot> = snapshots
                .iter()
                .filter(|s| s.server.id == server.id)
                .collect();
            let mut name = expand(&choices.template, &server.name, unix_seconds);
            if choices.replace_bad {
                name = replace_bad_characters(&name);
            }
            let plan = plan_one(server, &own, &name, choices.make_room);
            PlannedServer {
                server_id: server.id,
                server: server.name.clone(),
                name,
                used: own.len(),
                plan,
                known: own.iter().map(|s| s.id).collect(),
            }
        })
        .collect()
}

fn plan_one(server: &Server, own: &[&Snapshot], name: &str, make_room: bool) -> Plan {
    if let Some(problem) = snapshot_name_problem(name) {
        return Plan::Skip(Skip::BadName(problem));
    }
    if server.status == ServerStatus::Restoring {
        return Plan::Skip(Skip::Restoring);
    }
    if own.iter().any(|s| s.status == SnapshotStatus::InProgress) {
        return Plan::Skip(Skip::SnapshotInProgress);
    }
    if own.len() < SNAPSHOTS_PER_SERVER {
        return Plan::Create;
    }
    if !make_room {
        return Plan::Skip(Skip::AtLimit);
    }
    match oldest_first(own.iter().copied().filter(is_completed)).first() {
        Some(oldest) => Plan::MakeRoomThenCreate((*oldest).clone()),
        None => Plan::Skip(Skip::NoRoom),
    }
}

fn is_completed(snapshot: &&Snapshot) -> bool {
    snapshot.status == SnapshotStatus::Completed
}

/// Oldest first; a date that cannot be read counts as oldest (nothing says it is recent), and
/// the id breaks ties.
fn oldest_first<'a>(snapshots: impl Iterator<Item = &'a Snapshot>) -> Vec<&'a Snapshot> {
    let mut list: Vec<&Snapshot> = snapshots.collect();
    list.sort_by_key(|s| (parse_timestamp(&s.created_at).unwrap_or(i64::MIN), s.id));
    list
}

/// One server's prune: every snapshot that goes, oldest first.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedPrune {
    pub server_id: u64,
    pub server: String,
    pub goes: Vec<Snapshot>,
}

/// "Keep newest `keep`": the completed snapshots older than the newest `keep`, oldest first.
/// Snapshots in progress are never deleted, and with `keep` at least 1 a server's newest
/// completed snapshot always stays. Servers with nothing to delete are left out.
pub fn plan_prune(servers: &[&Server], snapshots: &[Snapshot], keep: usize) -> Vec<PlannedPrune> {
    let keep = keep.clamp(1, MAX_KEEP);
    servers
        .iter()
        .filter_map(|server| {
            let completed = oldest_first(
                snapshots
                    .iter()
                    .filter(|s| s.server.id == server.id)
                    .filter(is_completed),
            );
            let goes = completed.len().saturating_sub(keep);
            (goes > 0).then(|| PlannedPrune {
                server_id: server.id,
                server: server.name.clone(),
                goes: completed[..goes].iter().map(|s| (*s).clone()).collect(),
            })
        })
        .collect()
}

/// The batch for a snapshot preview: every planned server, skipped ones with their reason
/// (`reason` gives the words, in the reader's language).
pub fn snapshot_batch(
    planned: &[PlannedServer],
    description: &str,
    reason: impl Fn(&Skip) -> String,
) -> Batch {
    let description = Some(description.trim().to_owned()).filter(|d| !d.is_empty());
    let items = planned
        .iter()
        .map(|p| {
            let room = match &p.plan {
                Plan::MakeRoomThenCreate(oldest) => Some((oldest.id, oldest.name.clone())),
                _ => None,
            };
            let state = match &p.plan {
                Plan::Skip(skip) => State::Skipped(reason(skip)),
                _ => State::Queued,
            };
            Item {
                server_id: p.server_id,
                server: p.server.clone(),
                work: Work::Create {
                    name: p.name.clone(),
                    description: description.clone(),
                    room,
                    known: p.known.clone(),
                },
                state,
                unsettled: false,
            }
        })
        .collect();
    Batch {
        id: 0.0,
        kind: Kind::Snapshot,
        items,
        cancelled: false,
    }
}

/// The batch for a prune preview: one delete per snapshot that goes.
pub fn prune_batch(planned: &[PlannedPrune]) -> Batch {
    let items = planned
        .iter()
        .flat_map(|p| {
            p.goes.iter().map(|snapshot| Item {
                server_id: p.server_id,
                server: p.server.clone(),
                work: Work::Delete {
                    snapshot_id: snapshot.id,
                    snapshot: snapshot.name.clone(),
                },
                state: State::Queued,
                unsettled: false,
            })
        })
        .collect();
    Batch {
        id: 0.0,
        kind: Kind::Prune,
        items,
        cancelled: false,
    }
}

/// How many snapshots a snapshot batch deletes to make room.
pub fn deletions(planned: &[PlannedServer]) -> usize {
    planned
        .iter()
        .filter(|p| matches!(p.plan, Plan::MakeRoomThenCreate(_)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::servers::fleet::test_support::{server, snapshot, NOW};

    fn choices(template: &str) -> SnapshotChoices {
        SnapshotChoices {
            template: template.into(),
            description: String::new(),
            replace_bad: false,
            make_room: false,
        }
    }

    #[test]
    fn the_template_fills_in_server_date_and_time_in_utc() {
        assert_eq!(
            expand("{server}-{date}-{time}", "web-01", NOW),
            "web-01-2026-12-05-0615"
        );
        assert_eq!(expand("nightly", "web-01", NOW), "nightly");
        assert_eq!(expand("{host}", "web-01", NOW), "{host}");
    }

    #[test]
    fn bad_characters_are_replaced_and_the_name_cut_to_the_limit() {
        assert_eq!(replace_bad_characters("db.prod 1"), "db-prod-1");
        assert_eq!(
            replace_bad_characters(&"x".repeat(80)).len(),
            MAX_SNAPSHOT_NAME_LEN
        );
    }

    #[test]
    fn each_server_is_planned_create_make_room_or_skip_with_its_reason() {
        use SnapshotStatus::{Completed, InProgress};
        let servers = [
            server(1, "web-01", ServerStatus::Active),
            server(2, "db.prod", ServerStatus::Active),
            server(3, "full", ServerStatus::Active),
            server(4, "busy", ServerStatus::Restoring),
            server(5, "making", ServerStatus::Active),
        ];
        let mut snapshots: Vec<Snapshot> = (0..5)
            .map(|i| snapshot(30 + i, 3, Completed, 10 - i as u32))
            .collect();
        snapshots.push(snapshot(50, 5, InProgress, 1));
        snapshots.push(snapshot(10, 1, Completed, 1));
        let refs: Vec<&Server> = servers.iter().collect();

        let plan = plan_snapshots(&refs, &snapshots, &choices("{server}-{date}"), NOW);
        let plans: Vec<&Plan> = plan.iter().map(|p| &p.plan).collect();
        assert_eq!(plans[0], &Plan::Create);
        assert_eq!(plan[0].name, "web-01-2026-12-05");
        assert_eq!((plan[0].used, plan[0].known.clone()), (1, vec![10]));
        assert!(matches!(plans[1], Plan::Skip(Skip::BadName(why)) if why.contains('.')));
        assert_eq!(plans[2], &Plan::Skip(Skip::AtLimit));
        assert_eq!(plans[3], &Plan::Skip(Skip::Restoring));
        assert_eq!(plans[4], &Plan::Skip(Skip::SnapshotInProgress));

        let mut chosen = choices("{server}-{date}");
        chosen.replace_bad = true;
        chosen.make_room = true;
        let plan = plan_snapshots(&refs, &snapshots, &chosen, NOW);
        assert_eq!(plan[1].name, "db-prod-2026-12-05");
        assert_eq!(plan[1].plan, Plan::Create);
        // The oldest completed one: id 34, made on the 6th.
        assert!(matches!(&plan[2].plan, Plan::MakeRoomThenCreate(s) if s.id == 34));
        assert_eq!(deletions(&plan), 1);
    }

    #[test]
    fn at_the_limit_with_nothing_completed_there_is_no_room_to_make() {
        let servers = [server(1, "web", ServerStatus::Active)];
        let snapshots: Vec<Snapshot> = (0..5)
            .map(|i| snapshot(i, 1, SnapshotStatus::InProgress, 1))
            .collect();
        let mut chosen = choices("{server}");
        chosen.make_room = true;
        // In progress comes first: the server is busy.
        let plan = plan_snapshots(&[&servers[0]], &snapshots, &chosen, NOW);
        assert_eq!(plan[0].plan, Plan::Skip(Skip::SnapshotInProgress));
    }

    #[test]
    fn a_prune_keeps_the_newest_completed_and_never_touches_those_in_progress() {
        use SnapshotStatus::{Completed, InProgress};
        let servers = [
            server(1, "web", ServerStatus::Active),
            server(2, "one", ServerStatus::Active),
            server(3, "busy", ServerStatus::Active),
        ];
        let snapshots = vec![
            snapshot(11, 1, Completed, 3),
            snapshot(12, 1, Completed, 1),
            snapshot(13, 1, Completed, 5),
            snapshot(14, 1, InProgress, 2),
            snapshot(21, 2, Completed, 1),
            snapshot(31, 3, InProgress, 1),
            snapshot(32, 3, InProgress, 2),
        ];
        let refs: Vec<&Server> = servers.iter().collect();
        let plan = plan_prune(&refs, &snapshots, 1);
        assert_eq!(
            plan.len(),
            1,
            "the server with one completed and the busy one keep all"
        );
        let goes: Vec<u64> = plan[0].goes.iter().map(|s| s.id).collect();
        assert_eq!(
            goes,
            vec![12, 11],
            "oldest first, the newest completed kept"
        );
        assert!(plan_prune(&refs, &snapshots, 3).is_empty());
        // N is 1 to 4: 0 keeps one all the same.
        assert_eq!(plan_prune(&refs, &snapshots, 0), plan);

        let batch = prune_batch(&plan);
        assert_eq!(batch.items.len(), 2);
        assert_eq!(batch.items[0].work.snapshot(), "s12");
    }

    #[test]
    fn a_plan_becomes_a_batch_with_skipped_servers_and_their_reason() {
        let servers = [
            server(1, "a", ServerStatus::Active),
            server(2, "b.c", ServerStatus::Active),
        ];
        let refs: Vec<&Server> = servers.iter().collect();
        let plan = plan_snapshots(&refs, &[], &choices("{server}"), NOW);
        let batch = snapshot_batch(&plan, "  ", |_| "bad name".into());
        assert_eq!(batch.items[0].state, State::Queued);
        assert_eq!(batch.items[1].state, State::Skipped("bad name".into()));
        assert!(matches!(
            &batch.items[0].work,
            Work::Create {
                description: None,
                ..
            }
        ));
    }
}
