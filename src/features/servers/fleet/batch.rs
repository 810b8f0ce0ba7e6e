//! A fleet batch as it runs: what it does on each server and how far each has come, the
//! queue's rules (take the next, cancel, retry the failed), and what a reload leaves to look
//! for. Kept in `sessionStorage`, so its shape is serde's.

use crate::api::models::{Snapshot, SnapshotStatus};
use crate::settle::made_after_all;
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::servers::fleet::test_support::snapshot;

    /// Three servers: "a" and "d" to snapshot, "b.c" skipped for its name.
    fn planned_batch() -> Batch {
        let item = |server_id: u64, name: &str, state: State| Item {
            server_id,
            server: name.into(),
            work: Work::Create {
                name: name.into(),
                description: None,
                room: None,
                known: Vec::new(),
            },
            state,
            unsettled: false,
        };
        Batch {
            id: 1.0,
            kind: Kind::Snapshot,
            items: vec![
                item(1, "a", State::Queued),
                item(2, "b.c", State::Skipped("bad name".into())),
                item(3, "d", State::Queued),
            ],
            cancelled: false,
        }
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
