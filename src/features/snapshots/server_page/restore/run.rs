//! Runs a restore with a safety snapshot first (the steps in `steps`): create, wait until it is
//! completed, then restore exactly once. The task holds only app-level handles (session,
//! notifier) and writes page signals with `try_`, so it carries on when the user goes to another
//! page of the panel; closing the tab before the restore is sent stops it with nothing sent.

use super::steps::{safety_description, safety_name, Event, Step};
use crate::activity::{Action, Outcome as Logged};
use crate::api::models::{CreateSnapshot, ServerStatus};
use crate::components::Notifier;
use crate::features::snapshots::now_seconds;
use crate::features::snapshots::server_page::actions::logged;
use crate::features::snapshots::server_page::store::PageStore;
use crate::i18n::{t, tf, Key};
use crate::live::POLL_MS;
use crate::session::{Session, Write};
use crate::settle::{create_once, restore_once, Outcome, Unsettled};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// How often a waiting flow looks for a cancel between two checks of the safety snapshot.
const CANCEL_CHECK_MS: u32 = 250;

/// The restore the user asked for.
#[derive(Clone, Debug)]
pub struct Request {
    pub server_id: u64,
    pub server_name: String,
    pub snapshot_id: u64,
    pub snapshot_name: String,
}

/// Writes a write's outcome into the tab's activity log; held by the running flow itself, so
/// it logs after the user has left the page too.
type Log = Arc<dyn Fn(Action, &str, Logged) + Send + Sync>;

/// Where the page shows the flow, and how it asks to cancel.
#[derive(Clone, Copy)]
pub struct SafeRestore {
    pub step: RwSignal<Option<Step>>,
    pub cancel_requested: RwSignal<bool>,
    /// Writes each write's outcome into the tab's activity log.
    log: StoredValue<Log>,
}

impl SafeRestore {
    pub fn new(log: impl Fn(Action, &str, Logged) + Send + Sync + 'static) -> Self {
        Self {
            step: RwSignal::new(None),
            cancel_requested: RwSignal::new(false),
            log: StoredValue::new(Arc::new(log)),
        }
    }

    pub fn is_running(&self) -> bool {
        self.step.with(|s| s.as_ref().is_some_and(|s| !s.is_over()))
    }

    pub fn start(&self, request: Request, session: Session, notifier: Notifier, store: PageStore) {
        if self.is_running() {
            return;
        }
        let this = *self;
        this.cancel_requested.set(false);
        this.step.set(Some(Step::Saving));
        let log = this.log.get_value();
        spawn_local(async move {
            let end = run(request.clone(), this, log, session, store).await;
            this.step.try_set(Some(end.clone()));
            store.refresh();
            match end {
                Step::Started { safety } => notifier.success(tf(
                    Key::RESTORE_STARTED_NOTICE,
                    &[
                        ("server", &request.server_name),
                        ("snapshot", &request.snapshot_name),
                        ("safety", &safety.unwrap_or_default()),
                    ],
                )),
                Step::Failed { reason, .. } => notifier.failure(reason),
                Step::Cancelled { safety } => notifier.info(cancelled_text(safety.as_deref())),
                _ => {}
            }
        });
    }
}

/// What a cancelled safe restore left behind.
pub fn cancelled_text(safety: Option<&str>) -> String {
    match safety {
        Some(safety) => tf(Key::RESTORE_CANCELLED_KEPT, &[("safety", safety)]),
        None => t(Key::RESTORE_CANCELLED_NOTHING).to_owned(),
    }
}

async fn run(
    request: Request,
    shown: SafeRestore,
    log: Log,
    session: Session,
    store: PageStore,
) -> Step {
    // Off the page (signal gone) no one can press Cancel: the flow goes on.
    let cancelled = move || shown.cancel_requested.try_get_untracked().unwrap_or(false);
    let show = move |step: &Step| {
        shown.step.try_set(Some(step.clone()));
    };
    let ask = CreateSnapshot {
        server_id: request.server_id,
        name: safety_name(now_seconds()),
        description: Some(safety_description(&request.snapshot_name)),
    };
    // The flow's own writes are each sent once; a lost answer is settled by looking.
    let unsettled: Unsettled = StoredValue::new(None);
    let server_id = request.server_id;
    let safety_name = ask.name.clone();
    let created = create_once(session, unsettled, ask, store.snapshot_ids_untracked()).await;
    log(
        Action::Create,
        &safety_name,
        logged(Action::Create, &created),
    );
    let created = match created {
        Ok(Outcome::Answered(created)) => Ok(created.snapshot),
        Ok(Outcome::AfterAll(snapshot)) => Ok(snapshot),
        Err(error) => Err(error),
    };
    let mut step = match created {
        Ok(snapshot) => {
            store.insert(snapshot.clone());
            Step::Saving.next(Event::SafetyCreated {
                name: snapshot.name,
                id: snapshot.id,
            })
        }
        Err(error) => {
            session.note_refusal(Write::Create, &error);
            Step::Saving.next(Event::SafetyRefused(error.to_string()))
        }
    };
    show(&step);
    while let Step::Waiting { safety_id, .. } = step {
        // Wait for the next check in short slices, so a cancel takes effect at once.
        for _ in 0..POLL_MS / CANCEL_CHECK_MS {
            gloo_timers::future::TimeoutFuture::new(CANCEL_CHECK_MS).await;
            if cancelled() {
                return step.next(Event::Cancel);
            }
        }
        let listing = session
            .call(move |api| api.snapshots(Some(server_id), |_, _| ()))
            .await;
        let status = match listing {
            Ok(listing) => listing
                .results
                .into_iter()
                .find(|s| s.id == safety_id)
                .map(|s| s.status),
            Err(error) if error.is_unauthorized() => {
                return step.next(Event::Interrupted(t(Key::RESTORE_SESSION_ENDED).to_owned()))
            }
            // A failed check is tried again at the next tick: the snapshot is still being made.
            Err(_) => continue,
        };
        if !step.ready_to_restore(status.as_ref()) {
            step = step.next(Event::SafetyStatus(status));
            show(&step);
            continue;
        }
        if cancelled() {
            return step.next(Event::Cancel);
        }
        step = step.next(Event::RestoreSent);
        show(&step);
        let snapshot_id = request.snapshot_id;
        let restored = restore_once(session, unsettled, server_id, snapshot_id).await;
        log(
            Action::Restore,
            &request.snapshot_name,
            logged(Action::Restore, &restored),
        );
        return match restored {
            Ok(Outcome::Answered(started)) => {
                store.set_server_status(started.server.status);
                step.next(Event::RestoreAccepted)
            }
            Ok(Outcome::AfterAll(())) => {
                store.set_server_status(ServerStatus::Restoring);
                step.next(Event::RestoreAccepted)
            }
            Err(error) => {
                session.note_refusal(Write::Restore, &error);
                step.next(Event::RestoreRefused(error.to_string()))
            }
        };
    }
    step
}
