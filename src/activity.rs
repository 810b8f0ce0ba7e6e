//! What this tab wrote: every create, restore and delete the panel sent, one at a time or in a
//! fleet batch, with how it ended. Kept in `sessionStorage` with the tab (a reload keeps it,
//! closing the tab drops it), cleared when the session ends, and never holds the token.

use crate::api::ApiError;
use crate::session::Session;
use crate::tab_storage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// `sessionStorage` key of the log.
pub const ACTIVITY_KEY: &str = "vps-panel.activity";

/// The newest entries kept; older ones drop off (a 1,000-server batch and its retries fit).
pub const MAX_ENTRIES: usize = 5_000;

/// How long the log waits before it is written to storage, so that a batch writes it once per
/// burst of answers rather than once per answer.
const FLUSH_AFTER_MS: u32 = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Restore,
    Delete,
}

/// How a write ended, as the operator should read it later.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The API accepted it (a create or restore has started, a delete is done).
    Done,
    /// Its answer was lost, and a look found it had taken effect.
    DoneAfterAll,
    /// A delete of a snapshot that was already gone.
    AlreadyGone,
    /// The API's words (or the panel's, when no answer came).
    Failed(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// When the outcome was known, in ms since the epoch.
    pub at_ms: f64,
    pub server_id: u64,
    pub server: String,
    pub action: Action,
    pub snapshot: String,
    pub outcome: Outcome,
    /// Part of a fleet batch, not a single write.
    pub batch: bool,
}

impl Entry {
    /// An entry for a write that ended now, with `error`'s words when it failed.
    pub fn now(
        action: Action,
        (server_id, server): (u64, String),
        snapshot: String,
        outcome: Outcome,
    ) -> Self {
        Self {
            at_ms: js_sys::Date::now(),
            server_id,
            server,
            action,
            snapshot,
            outcome,
            batch: false,
        }
    }

    pub fn in_batch(mut self) -> Self {
        self.batch = true;
        self
    }
}

impl Outcome {
    pub fn failed(error: &ApiError) -> Self {
        Outcome::Failed(error.to_string())
    }
}

/// The log, shared through context; `Copy` so tasks can hold it.
#[derive(Clone, Copy)]
pub struct Activity {
    /// Whose writes these are: nothing is logged once the session has ended (a write whose
    /// answer was a 401, or one still out at sign-out).
    session: Session,
    entries: RwSignal<Vec<Entry>>,
    /// What this tab logged before a reload has been read back. Read on first use, by the code
    /// that writes or shows the log, so a first visit carries no code to read it.
    read_back: StoredValue<bool>,
    flush_due: StoredValue<bool>,
}

impl Activity {
    pub fn new(session: Session) -> Self {
        Self {
            session,
            entries: RwSignal::new(Vec::new()),
            read_back: StoredValue::new(false),
            flush_due: StoredValue::new(false),
        }
    }

    /// Every entry, oldest first (tracked).
    pub fn entries(&self) -> ReadSignal<Vec<Entry>> {
        self.read_back();
        self.entries.read_only()
    }

    fn read_back(&self) {
        if self.read_back.try_get_value().unwrap_or(true) {
            return;
        }
        self.read_back.set_value(true);
        let mut stored = read_stored();
        self.entries.try_update(|entries| {
            stored.append(entries);
            *entries = stored;
        });
    }

    pub fn record(&self, entry: Entry) {
        if !untrack(|| self.session.is_signed_in()) {
            return;
        }
        self.read_back();
        self.entries.try_update(|entries| {
            entries.push(entry);
            let over = entries.len().saturating_sub(MAX_ENTRIES);
            entries.drain(..over);
        });
        self.flush_soon();
    }

    /// Forgets the log, stored copy included (the session ended).
    pub fn clear(&self) {
        self.read_back.try_set_value(true);
        self.entries.try_set(Vec::new());
        tab_storage::remove(ACTIVITY_KEY);
    }

    fn flush_soon(&self) {
        let entries = self.entries;
        tab_storage::write_soon(self.flush_due, FLUSH_AFTER_MS, move || {
            entries.try_with_untracked(|entries| {
                tab_storage::write(ACTIVITY_KEY, &Stored { entries });
            });
        });
    }
}

/// The log, when the panel provides one (tests may mount a page without it).
pub fn use_activity() -> Option<Activity> {
    use_context::<Activity>()
}

/// What the tab stored; an unreadable copy starts a new log.
fn read_stored() -> Vec<Entry> {
    tab_storage::read::<StoredOwned>(ACTIVITY_KEY)
        .map(|stored| stored.entries)
        .unwrap_or_default()
}

/// The stored shape: an object, as the JSON reader takes only objects at the top.
#[derive(Serialize)]
struct Stored<'a> {
    entries: &'a [Entry],
}

#[derive(Deserialize)]
struct StoredOwned {
    entries: Vec<Entry>,
}
