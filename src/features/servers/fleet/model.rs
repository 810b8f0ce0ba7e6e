//! Pure rules of fleet work: snapshot names from a template, what a batch will do on each
//! server (create, make room first, skip and why), which snapshots a prune removes, and the
//! batch as it runs (kept in `sessionStorage`, so its shape is serde's).

use crate::api::models::{Server, ServerStatus, Snapshot, SnapshotStatus};
use crate::api::SNAPSHOTS_PER_SERVER;
use crate::format::parse_timestamp;
use crate::name_rule::{snapshot_name_problem, MAX_SNAPSHOT_NAME_LEN};
use crate::settle::made_after_all;
use serde::{Deserialize, Serialize};
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

/// A batch as it runs: what it does on each server and how far each has come.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    /// When it started (ms since the epoch): which batch a worker's answer belongs to.
    #[serde(default)]
    pub id: f64,
    pub kind: Kind,
    pub items: Vec<Item>,
    /// Cancel was pressed: nothing queued goes out any more.
    pub cancelled: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Snapshot,
    Prune,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub server_id: u64,
    pub server: String,
    pub work: Work,
    pub state: State,
    /// An earlier attempt's answer was lost and no look settled it: the next attempt looks
    /// before it sends.
    #[serde(default)]
    pub unsettled: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Work {
    Create {
        name: String,
        description: Option<String>,
        /// A snapshot to delete first (making room); `None` once it is gone.
        room: Option<(u64, String)>,
        /// The server's snapshot ids when the batch was planned.
        known: Vec<u64>,
    },
    Delete {
        snapshot_id: u64,
        snapshot: String,
    },
}

impl Work {
    /// The snapshot this work is about, by name.
    pub fn snapshot(&self) -> &str {
        match self {
            Work::Create { name, .. } => name,
            Work::Delete { snapshot, .. } => snapshot,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Queued,
    MakingRoom,
    Creating,
    Deleting,
    /// Created; the API is still making it.
    InProgress(u64),
    Completed,
    Deleted,
    /// With the API's words (or the panel's, when no answer came).
    Failed(String),
    /// With the reason.
    Skipped(String),
    /// Still queued when Cancel was pressed.
    Cancelled,
}

impl State {
    /// A write of this item is out (or was, when the page went away).
    pub fn in_flight(&self) -> bool {
        matches!(self, State::MakingRoom | State::Creating | State::Deleting)
    }

    /// Its writes are over, whatever the outcome.
    pub fn is_over(&self) -> bool {
        !self.in_flight() && *self != State::Queued
    }
}

/// How many items are in each kind of state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub queued: usize,
    pub in_flight: usize,
    /// Created and still being made by the API.
    pub in_progress: usize,
    /// Completed snapshots, or deleted ones.
    pub done: usize,
    pub failed: usize,
    pub skipped: usize,
    pub cancelled: usize,
}

impl Counts {
    /// Items whose writes are over (the progress bar's value).
    pub fn over(&self) -> usize {
        self.total - self.queued - self.in_flight
    }
}

impl Batch {
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            total: self.items.len(),
            ..Counts::default()
        };
        for item in &self.items {
            match item.state {
                State::Queued => counts.queued += 1,
                State::MakingRoom | State::Creating | State::Deleting => counts.in_flight += 1,
                State::InProgress(_) => counts.in_progress += 1,
                State::Completed | State::Deleted => counts.done += 1,
                State::Failed(_) => counts.failed += 1,
                State::Skipped(_) => counts.skipped += 1,
                State::Cancelled => counts.cancelled += 1,
            }
        }
        counts
    }

    /// Cancel: every queued item is cancelled; what is in flight finishes.
    pub fn cancel(&mut self) {
        self.cancelled = true;
        for item in &mut self.items {
            if item.state == State::Queued {
                item.state = State::Cancelled;
            }
        }
    }

    /// Retry failed: only the failed items go back in the queue (a lost answer's item keeps
    /// its mark, so it is looked for before it is sent again). Returns how many.
    pub fn requeue_failed(&mut self) -> usize {
        self.cancelled = false;
        let mut requeued = 0;
        for item in &mut self.items {
            if matches!(item.state, State::Failed(_)) {
                item.state = State::Queued;
                requeued += 1;
            }
        }
        requeued
    }

    /// After the page went away with writes out: those writes are unsettled (each is looked
    /// for before anything is sent again) and go back in the queue.
    pub fn after_reload(&mut self) {
        for item in &mut self.items {
            if item.state.in_flight() {
                item.unsettled = true;
                item.state = State::Queued;
            }
        }
    }

    /// Items whose writes went out after this copy of the batch was stored: whatever state the
    /// copy gives them, they are looked for before anything is sent again.
    pub fn mark_sent(&mut self, sent: &[usize]) {
        for &index in sent {
            if let Some(item) = self.items.get_mut(index) {
                if item.state == State::Queued || item.state.in_flight() {
                    item.unsettled = true;
                    item.state = State::Queued;
                }
            }
        }
    }

    /// What a look at the account's snapshots says of the writes that were out at a reload:
    /// a create whose snapshot is there was made (no second one is sent), a delete whose
    /// snapshot is gone was done, and anything else was not carried out and stays queued.
    pub fn settle_after_reload(&mut self, snapshots: &[Snapshot]) {
        let listed = |id: u64| snapshots.iter().any(|s| s.id == id);
        for item in self.items.iter_mut().filter(|i| i.unsettled) {
            item.unsettled = false;
            match &mut item.work {
                Work::Delete { snapshot_id, .. } => {
                    if !listed(*snapshot_id) {
                        item.state = State::Deleted;
                    }
                }
                Work::Create {
                    name, room, known, ..
                } => {
                    if room.as_ref().is_some_and(|(id, _)| !listed(*id)) {
                        *room = None;
                    }
                    let own: Vec<Snapshot> = snapshots
                        .iter()
                        .filter(|s| s.server.id == item.server_id)
                        .cloned()
                        .collect();
                    if let Some(made) = made_after_all(known, &own, name) {
                        item.state = if made.status == SnapshotStatus::Completed {
                            State::Completed
                        } else {
                            State::InProgress(made.id)
                        };
                    }
                }
            }
        }
    }

    /// The next queued item, marked as taken (its state is set by the worker that runs it).
    pub fn take_next(&mut self) -> Option<usize> {
        if self.cancelled {
            return None;
        }
        let index = self.items.iter().position(|i| i.state == State::Queued)?;
        self.items[index].state = match &self.items[index].work {
            Work::Create { room: Some(_), .. } => State::MakingRoom,
            Work::Create { .. } => State::Creating,
            Work::Delete { .. } => State::Deleting,
        };
        Some(index)
    }

    /// Whether writes are still to go out (leaving the page should ask first).
    pub fn has_writes_left(&self) -> bool {
        self.items
            .iter()
            .any(|i| i.state == State::Queued || i.state.in_flight())
    }

    /// A completed look at the API's snapshots: items created and still in progress become
    /// completed when their snapshot is.
    pub fn note_completed(&mut self, snapshots: &[Snapshot]) {
        for item in &mut self.items {
            if let State::InProgress(id) = item.state {
                let done = snapshots
                    .iter()
                    .any(|s| s.id == id && s.status == SnapshotStatus::Completed);
                // Gone from the list: deleted elsewhere; nothing more to wait for.
                let gone = !snapshots.iter().any(|s| s.id == id);
                if done || gone {
                    item.state = State::Completed;
                }
            }
        }
    }
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
    use crate::api::models::ServerRef;

    // 2026-12-05 06:15 UTC.
    const NOW: i64 = 1_796_451_300;

    fn server(id: u64, name: &str, status: ServerStatus) -> Server {
        Server {
            id,
            name: name.into(),
            hostname: None,
            status,
            ip_address: None,
            location: None,
            plan: None,
            os: None,
            created_at: None,
            updated_at: None,
        }
    }

    fn snapshot(id: u64, server: u64, status: SnapshotStatus, day: u32) -> Snapshot {
        Snapshot {
            id,
            server: ServerRef {
                id: server,
                name: None,
            },
            name: format!("s{id}"),
            status,
            size_mb: None,
            created_at: format!("2026-11-{day:02}T10:00:00Z"),
            description: None,
        }
    }

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

    fn planned_batch() -> Batch {
        let servers = [
            server(1, "a", ServerStatus::Active),
            server(2, "b.c", ServerStatus::Active),
            server(3, "d", ServerStatus::Active),
        ];
        let refs: Vec<&Server> = servers.iter().collect();
        let plan = plan_snapshots(&refs, &[], &choices("{server}"), NOW);
        snapshot_batch(&plan, "  ", |_| "bad name".into())
    }

    #[test]
    fn the_queue_takes_queued_items_in_order_and_cancel_keeps_what_is_in_flight() {
        let mut batch = planned_batch();
        assert_eq!(batch.items[1].state, State::Skipped("bad name".into()));
        assert!(matches!(
            &batch.items[0].work,
            Work::Create {
                description: None,
                ..
            }
        ));
        assert_eq!(batch.take_next(), Some(0));
        assert_eq!(batch.items[0].state, State::Creating);
        assert!(batch.has_writes_left());
        batch.cancel();
        assert_eq!(batch.take_next(), None);
        let counts = batch.counts();
        assert_eq!(
            (counts.in_flight, counts.cancelled, counts.skipped),
            (1, 1, 1)
        );
        assert_eq!(counts.over(), 2);
    }

    #[test]
    fn retry_failed_requeues_only_the_failed_and_a_reload_marks_writes_out_as_unsettled() {
        let mut batch = planned_batch();
        batch.items[0].state = State::Failed("500".into());
        batch.items[2].state = State::Creating;
        assert_eq!(batch.requeue_failed(), 1);
        assert_eq!(batch.items[0].state, State::Queued);
        assert!(!batch.items[0].unsettled);

        batch.after_reload();
        assert_eq!(batch.items[2].state, State::Queued);
        assert!(batch.items[2].unsettled);
        assert_eq!(batch.items[1].state, State::Skipped("bad name".into()));
    }

    #[test]
    fn a_look_after_a_reload_settles_the_writes_that_were_out() {
        let mut batch = planned_batch();
        // Server 1's create was out and made it; server 3's was out and did not.
        batch.items[0].state = State::Creating;
        batch.items[2].state = State::Creating;
        batch.after_reload();
        let mut made = snapshot(70, 1, SnapshotStatus::InProgress, 1);
        made.name = "a".into();
        batch.settle_after_reload(&[made]);
        assert_eq!(batch.items[0].state, State::InProgress(70));
        assert_eq!(batch.items[2].state, State::Queued);
        assert!(batch.items.iter().all(|i| !i.unsettled));
        assert_eq!(
            batch.take_next(),
            Some(2),
            "only what was not done is resumed"
        );
        assert_eq!(batch.take_next(), None);
    }

    #[test]
    fn writes_sent_after_the_batch_was_stored_are_looked_for_after_a_reload() {
        let mut stored = planned_batch();
        // Stored with server 1 still queued; its create went out before the next store.
        stored.mark_sent(&[0, 1, 99]);
        assert!(stored.items[0].unsettled);
        assert_eq!(stored.items[0].state, State::Queued);
        assert!(!stored.items[1].unsettled, "a skipped item stays as it was");
        stored.settle_after_reload(&[]);
        assert_eq!(stored.items[0].state, State::Queued, "not made: sent again");
        assert!(!stored.items[0].unsettled);
    }

    #[test]
    fn in_progress_items_complete_when_their_snapshot_does() {
        let mut batch = planned_batch();
        batch.items[0].state = State::InProgress(7);
        batch.items[2].state = State::InProgress(8);
        batch.note_completed(&[
            snapshot(7, 1, SnapshotStatus::Completed, 1),
            snapshot(8, 3, SnapshotStatus::InProgress, 1),
        ]);
        assert_eq!(batch.items[0].state, State::Completed);
        assert_eq!(batch.items[2].state, State::InProgress(8));
    }

    #[test]
    fn a_batch_survives_its_trip_through_storage() {
        let mut batch = planned_batch();
        batch.items[0].state = State::Failed("The API said: no".into());
        let json = serde_json::to_string(&batch).unwrap_or_default();
        let back: Batch = serde_json::from_str(&json).unwrap_or_else(|_| planned_batch());
        assert_eq!(back, batch);
    }
}
