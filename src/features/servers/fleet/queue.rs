//! The queue that runs a batch at the API's pace: at most [`IN_FLIGHT`] writes out at once, the
//! whole queue paused for the wait a 429 gives, one server's failure leaving the others to go
//! on. Every write goes through `settle` (one intent, one write): a create or delete whose
//! answer was lost is looked for before anything is sent again, in this page or after a reload.
//!
//! The tasks hold only session-long handles (the fleet state, the session, the activity log),
//! so a batch keeps running while the user moves around the panel.

use super::batch::{Batch, Item, State, Work};
use super::state::{Fleet, FleetDialog};
use crate::activity::{Action, Activity, Entry, Outcome as Logged};
use crate::api::models::{CreateSnapshot, Snapshot, SnapshotStatus};
use crate::api::ApiError;
use crate::live::POLL_MS;
use crate::session::{Session, Write};
use crate::settle::{create_once, delete_once, Intent, Outcome, Unsettled};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Writes out at once: enough to finish a fleet in reasonable time, gentle on the API.
pub const IN_FLIGHT: usize = 2;

/// Starts a new batch: stored, shown in the batch dialog, and its queue running.
pub fn start(fleet: Fleet, session: Session, activity: Option<Activity>, mut batch: Batch) {
    batch.id = js_sys::Date::now();
    fleet.batch.set(Some(batch));
    fleet.save();
    fleet.dialog.set(Some(FleetDialog::Batch));
    run(fleet, session, activity);
}

/// Starts (or resumes) the batch's queue in this page, and the watch that marks created
/// snapshots completed. Nothing happens when the queue already runs.
pub fn run(fleet: Fleet, session: Session, activity: Option<Activity>) {
    if fleet.running.get_untracked() {
        return;
    }
    let Some(id) = fleet.batch.with_untracked(|b| b.as_ref().map(|b| b.id)) else {
        return;
    };
    fleet.guard_leaving();
    fleet.interrupted.set(false);
    fleet.running.set(true);
    let left = StoredValue::new(IN_FLIGHT);
    for _ in 0..IN_FLIGHT {
        spawn_local(async move {
            worker(fleet, id, session, activity).await;
            let last = left.try_update_value(|n| {
                *n -= 1;
                *n == 0
            });
            if last.unwrap_or(true) {
                fleet.running.try_set(false);
                fleet.paused_until.try_set(None);
                fleet.ended.try_update(|n| *n += 1);
                fleet.save();
            }
        });
    }
    spawn_local(watch_in_progress(fleet, session));
}

/// Takes queued items one at a time until none is left, the batch is cancelled or replaced.
async fn worker(fleet: Fleet, id: f64, session: Session, activity: Option<Activity>) {
    loop {
        wait_while_paused(fleet).await;
        let mut taken = None;
        fleet.update_batch(false, |batch| {
            if batch.id == id {
                taken = batch.take_next().map(|i| (i, batch.items[i].clone()));
            }
        });
        let Some((index, item)) = taken else {
            return;
        };
        fleet.note_sent(index);
        let change = |now: bool, change: &dyn Fn(&mut Item)| {
            fleet.update_batch(now, |batch| {
                if batch.id == id {
                    if let Some(item) = batch.items.get_mut(index) {
                        change(item);
                    }
                }
            });
        };
        let log = |action: Action, snapshot: &str, outcome: Logged| {
            if let Some(activity) = activity {
                let server = (item.server_id, item.server.clone());
                activity
                    .record(Entry::now(action, server, snapshot.to_owned(), outcome).in_batch());
            }
        };
        let ended = run_item(session, &item, change, log).await;
        if let Ended::Throttled = ended {
            // Not carried out: back in the queue, and everyone waits.
            change(false, &|item| item.state = State::Queued);
            fleet.paused_until.try_set(Some(
                session.throttled_until().max(js_sys::Date::now() + 1000.0),
            ));
        }
    }
}

enum Ended {
    Done,
    Throttled,
}

/// One item's writes: make room (a delete) if planned, then create; or a prune's delete.
async fn run_item(
    session: Session,
    item: &Item,
    change: impl Fn(bool, &dyn Fn(&mut Item)),
    log: impl Fn(Action, &str, Logged),
) -> Ended {
    let server_id = item.server_id;
    let unsettled: Unsettled = StoredValue::new(None);
    let failed = |error: &ApiError, write: Write| {
        session.note_refusal(write, error);
        let lost = unsettled.try_get_value().flatten().is_some();
        let words = error.to_string();
        change(false, &move |item| {
            item.state = State::Failed(words.clone());
            item.unsettled = lost;
        });
    };
    match &item.work {
        Work::Delete {
            snapshot_id,
            snapshot,
        } => {
            let sent = (item.unsettled, *snapshot_id, snapshot.as_str());
            match delete_one(session, unsettled, server_id, sent, &log).await {
                Err(None) => return Ended::Throttled,
                Err(Some(error)) => failed(&error, Write::Delete),
                Ok(()) => change(false, &|item| {
                    item.state = State::Deleted;
                    item.unsettled = false;
                }),
            }
            Ended::Done
        }
        Work::Create {
            name,
            description,
            room,
            known,
        } => {
            if let Some((room_id, room_name)) = room {
                let sent = (item.unsettled, *room_id, room_name.as_str());
                match delete_one(session, unsettled, server_id, sent, &log).await {
                    Err(None) => return Ended::Throttled,
                    Err(Some(error)) => {
                        failed(&error, Write::Delete);
                        return Ended::Done;
                    }
                    // Room made: a retry or a reload does not delete again.
                    Ok(()) => change(false, &|item| {
                        item.state = State::Creating;
                        item.unsettled = false;
                        if let Work::Create { room, .. } = &mut item.work {
                            *room = None;
                        }
                    }),
                }
            } else if item.unsettled {
                unsettled.set_value(Some(Intent::Create {
                    server_id,
                    name: name.clone(),
                    known: known.clone(),
                }));
            }
            let request = CreateSnapshot {
                server_id,
                name: name.clone(),
                description: description.clone(),
            };
            match create_once(session, unsettled, request, known.clone()).await {
                Err(ApiError::Throttled { .. }) => return Ended::Throttled,
                Err(error) => {
                    log(Action::Create, name, Logged::failed(&error));
                    failed(&error, Write::Create);
                }
                Ok(made) => {
                    let (snapshot, outcome) = match made {
                        Outcome::Answered(created) => (created.snapshot, Logged::Done),
                        Outcome::AfterAll(snapshot) => (snapshot, Logged::DoneAfterAll),
                    };
                    log(Action::Create, name, outcome);
                    let state = created_state(&snapshot);
                    change(false, &move |item| {
                        item.state = state.clone();
                        item.unsettled = false;
                    });
                }
            }
            Ended::Done
        }
    }
}

/// A delete of snapshot `(looks_first, id, name)`, sent once and logged: `Ok` once the
/// snapshot is gone (a 404 counts: it is what was asked for), `Err(None)` when the API asked
/// to wait (nothing was carried out), else the error. `looks_first`: an earlier attempt's
/// answer was lost, so a look comes before anything is sent.
async fn delete_one(
    session: Session,
    unsettled: Unsettled,
    server_id: u64,
    (looks_first, snapshot_id, name): (bool, u64, &str),
    log: &impl Fn(Action, &str, Logged),
) -> Result<(), Option<ApiError>> {
    if looks_first {
        unsettled.set_value(Some(Intent::Delete {
            server_id,
            snapshot_id,
        }));
    }
    let outcome = match delete_once(session, unsettled, server_id, snapshot_id).await {
        Ok(Outcome::Answered(())) => Logged::Done,
        Ok(Outcome::AfterAll(())) => Logged::DoneAfterAll,
        Err(ApiError::NotFound { .. }) => Logged::AlreadyGone,
        Err(ApiError::Throttled { .. }) => return Err(None),
        Err(error) => {
            log(Action::Delete, name, Logged::failed(&error));
            return Err(Some(error));
        }
    };
    log(Action::Delete, name, outcome);
    Ok(())
}

fn created_state(snapshot: &Snapshot) -> State {
    if snapshot.status == SnapshotStatus::Completed {
        State::Completed
    } else {
        State::InProgress(snapshot.id)
    }
}

/// While the API has asked the queue to wait: sleeps until the wait is over.
async fn wait_while_paused(fleet: Fleet) {
    loop {
        let Some(until) = fleet.paused_until.try_get_untracked().flatten() else {
            return;
        };
        let left = until - js_sys::Date::now();
        if left <= 0.0 {
            fleet.paused_until.try_set(None);
            return;
        }
        TimeoutFuture::new(left.min(1000.0) as u32).await;
    }
}

/// Created snapshots the API is still making: one look at the account's snapshots every
/// [`POLL_MS`] once the writes are done (so reads do not compete with them for the rate
/// limit), until every one is completed or the batch is put away. One such task at a time; it
/// follows whichever batch is current.
async fn watch_in_progress(fleet: Fleet, session: Session) {
    if fleet.watching.try_get_value().unwrap_or(true) {
        return;
    }
    fleet.watching.set_value(true);
    follow_in_progress(fleet, session).await;
    fleet.watching.try_set_value(false);
}

async fn follow_in_progress(fleet: Fleet, session: Session) {
    loop {
        TimeoutFuture::new(POLL_MS).await;
        let Some(waiting) = fleet
            .batch
            .try_with_untracked(|b| b.as_ref().map(|b| b.counts().in_progress > 0))
        else {
            return;
        };
        let running = fleet.running.try_get_untracked().unwrap_or(false);
        match waiting {
            None => return,
            Some(false) if !running => return,
            Some(false) => continue,
            Some(true) if running || session.is_throttled() => continue,
            Some(true) => {}
        }
        if let Ok(listing) = session.call(|api| api.snapshots(None, |_, _| ())).await {
            fleet.update_batch(false, |batch: &mut Batch| {
                batch.note_completed(&listing.results);
            });
        }
    }
}

/// After a reload: one look at the account's snapshots settles every write that was out when
/// the page went away (made or not, gone or not) and brings created snapshots up to date, so
/// that Resume offers exactly what was not done.
pub async fn check_after_reload(fleet: Fleet, session: Session) -> Result<(), ApiError> {
    let listing = session.call(|api| api.snapshots(None, |_, _| ())).await?;
    fleet.update_batch(true, |batch| {
        batch.settle_after_reload(&listing.results);
        batch.note_completed(&listing.results);
    });
    // Snapshots still being made are followed to the end, resumed or not.
    spawn_local(watch_in_progress(fleet, session));
    Ok(())
}
