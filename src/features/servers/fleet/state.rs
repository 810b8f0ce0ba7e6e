//! The fleet's state for the whole session: the selection, the batch and whether its queue runs
//! in this page. Provided by the panel (not the servers page), so a batch keeps running while
//! the user moves around; kept in `sessionStorage`, so a reload shows the batch's last known
//! state; forgotten when the session ends. The queue itself (`queue.rs`) comes with the chunk.

use super::batch::{Batch, Counts};
use crate::tab_storage;
use leptos::prelude::*;
use std::collections::HashSet;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// `sessionStorage` keys: the batch, the items whose writes went out since it was last stored
/// (written before each write, a few bytes; the batch itself is stored at most every
/// [`SAVE_AFTER_MS`]), and the selected servers' ids.
pub const BATCH_KEY: &str = "vps-panel.batch";
pub const SENT_KEY: &str = "vps-panel.batch-sent";
pub const SELECTION_KEY: &str = "vps-panel.selection";

/// How long a change of the batch that sends nothing waits before it is stored.
const SAVE_AFTER_MS: u32 = 500;

/// The fleet dialog that is open on the servers page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FleetDialog {
    Snapshot,
    Prune,
    Batch,
}

/// Where a batch stands, as announced (one announcement per change, not per row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Running,
    /// The API answered 429: the whole queue waits.
    Paused,
    /// The page was reloaded with writes left: checked and resumed on request.
    Interrupted,
    Cancelled,
    Finished,
}

#[derive(Clone, Copy)]
pub struct Fleet {
    pub selection: RwSignal<HashSet<u64>>,
    pub batch: RwSignal<Option<Batch>>,
    /// The queue's workers are running in this page.
    pub running: RwSignal<bool>,
    /// Until when (ms since the epoch) the queue waits after a 429.
    pub paused_until: RwSignal<Option<f64>>,
    pub dialog: RwSignal<Option<FleetDialog>>,
    /// A stored batch had writes out or queued when the page went away.
    pub interrupted: RwSignal<bool>,
    /// This tab stored a batch before a reload, not yet read back (the chunk reads it).
    pub stored: RwSignal<bool>,
    /// Counts the batches whose writes have ended, for pages that show what they changed.
    pub ended: RwSignal<u32>,
    save_due: StoredValue<bool>,
    /// Leaving the page asks first while writes are queued (installed with the first batch).
    leave_guard: StoredValue<bool>,
    /// A task follows the batch's snapshots in progress (one at a time).
    pub watching: StoredValue<bool>,
    /// Items whose writes went out since the batch was last stored.
    sent: StoredValue<Vec<usize>>,
}

impl Fleet {
    /// Starts from what this tab stored before a reload: the selection now, the batch when the
    /// fleet's chunk arrives (`restore_stored`), so a first visit carries no code to read one.
    pub fn new() -> Self {
        let selection = tab_storage::read_list(SELECTION_KEY).into_iter().collect();
        Self {
            selection: RwSignal::new(selection),
            batch: RwSignal::new(None),
            running: RwSignal::new(false),
            paused_until: RwSignal::new(None),
            dialog: RwSignal::new(None),
            interrupted: RwSignal::new(false),
            stored: RwSignal::new(tab_storage::read_raw(BATCH_KEY).is_some()),
            ended: RwSignal::new(0),
            save_due: StoredValue::new(false),
            leave_guard: StoredValue::new(false),
            watching: StoredValue::new(false),
            sent: StoredValue::new(Vec::new()),
        }
    }

    /// From the first batch on, leaving or reloading the page while writes are queued or out
    /// asks first (the browser's own words).
    pub fn guard_leaving(&self) {
        if !self.leave_guard.get_value() {
            self.leave_guard.set_value(true);
            ask_before_leaving(*self);
        }
    }

    /// The batch this tab stored before a reload, as it was last known; writes that were out
    /// are marked unsettled, and a batch with writes left waits for a check and Resume.
    pub fn restore_stored(&self) {
        if !self.stored.get_untracked() {
            return;
        }
        self.stored.set(false);
        let Some(mut batch) = tab_storage::read::<Batch>(BATCH_KEY) else {
            return;
        };
        batch.mark_sent(&tab_storage::read_list(SENT_KEY));
        let interrupted = batch.has_writes_left();
        if interrupted {
            batch.after_reload();
        }
        self.batch.set(Some(batch));
        self.interrupted.set(interrupted);
    }

    /// Every selected server's id.
    pub fn is_selected(&self, id: u64) -> bool {
        self.selection.with(|s| s.contains(&id))
    }

    pub fn toggle(&self, id: u64, on: bool) {
        self.change_selection(|s| {
            if on {
                s.insert(id);
            } else {
                s.remove(&id);
            }
        });
    }

    /// Changes the selection and keeps it with the tab.
    pub fn change_selection(&self, change: impl FnOnce(&mut HashSet<u64>)) {
        self.selection.update(change);
        self.selection
            .with_untracked(|s| tab_storage::write_list(SELECTION_KEY, s.iter()));
    }

    /// Changes the batch; `now`: store it at once (what the user just did: cancel, retry, a
    /// check), else with the next store, at most every [`SAVE_AFTER_MS`].
    pub fn update_batch(&self, now: bool, change: impl FnOnce(&mut Batch)) {
        self.batch.try_update(|batch| {
            if let Some(batch) = batch {
                change(batch);
            }
        });
        if now {
            self.save();
        } else {
            self.save_soon();
        }
    }

    /// Stores the batch as it is now.
    pub fn save(&self) {
        match self.batch.try_with_untracked(|b| b.clone()).flatten() {
            Some(batch) => tab_storage::write(BATCH_KEY, &batch),
            None => tab_storage::remove(BATCH_KEY),
        }
        // The stored batch now says where those writes stand.
        self.sent.try_update_value(Vec::clear);
        tab_storage::remove(SENT_KEY);
    }

    /// Notes, before its write goes out, that item `index` is being sent: a reload before the
    /// batch is next stored then looks for what it did instead of sending it again.
    pub fn note_sent(&self, index: usize) {
        self.sent.try_update_value(|sent| {
            sent.push(index);
            tab_storage::write_list(SENT_KEY, sent.iter());
        });
    }

    fn save_soon(&self) {
        let this = *self;
        tab_storage::write_soon(self.save_due, SAVE_AFTER_MS, move || this.save());
    }

    /// Whether the batch still has writes queued or out (tracked): a new batch waits.
    pub fn has_writes_left(&self) -> bool {
        self.batch
            .with(|b| b.as_ref().is_some_and(Batch::has_writes_left))
    }

    pub fn counts(&self) -> Option<Counts> {
        self.batch.with(|b| b.as_ref().map(Batch::counts))
    }

    /// Where the batch stands (tracked).
    pub fn phase(&self) -> Option<Phase> {
        let counts = self.counts()?;
        Some(if self.interrupted.get() {
            Phase::Interrupted
        } else if counts.queued + counts.in_flight == 0 {
            // Ended with items never sent: a retry of the failed ones does not change that.
            if counts.cancelled > 0 {
                Phase::Cancelled
            } else {
                Phase::Finished
            }
        } else if self.paused_until.get().is_some() {
            Phase::Paused
        } else {
            Phase::Running
        })
    }

    /// Puts a finished batch away (the Activity page keeps what it did).
    pub fn dismiss(&self) {
        self.batch.set(None);
        self.interrupted.set(false);
        self.dialog.set(None);
        tab_storage::remove(BATCH_KEY);
        tab_storage::remove(SENT_KEY);
    }

    /// The session ended: nothing of it stays in the tab.
    pub fn forget(&self) {
        self.selection.try_set(HashSet::new());
        self.batch.try_set(None);
        self.interrupted.try_set(false);
        self.dialog.try_set(None);
        self.paused_until.try_set(None);
        self.stored.try_set(false);
        tab_storage::remove(BATCH_KEY);
        tab_storage::remove(SENT_KEY);
        tab_storage::remove(SELECTION_KEY);
    }
}

impl Default for Fleet {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_fleet() -> Fleet {
    expect_context::<Fleet>()
}

/// Leaving or reloading while writes are queued or out asks first (the browser's own words).
fn ask_before_leaving(fleet: Fleet) {
    let on_leave: Closure<dyn FnMut(web_sys::BeforeUnloadEvent)> =
        Closure::new(move |event: web_sys::BeforeUnloadEvent| {
            let writes_left = fleet.running.try_get_untracked().unwrap_or(false)
                && fleet
                    .batch
                    .try_with_untracked(|b| b.as_ref().is_some_and(Batch::has_writes_left))
                    .unwrap_or(false);
            if writes_left {
                event.prevent_default();
                // Older engines ask only when a return value is set.
                event.set_return_value("");
            }
        });
    let _ = window()
        .add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    // For the life of the page, as the fleet state is.
    on_leave.forget();
}
