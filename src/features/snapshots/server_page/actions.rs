//! The three writes and the dialog that is open. Actions live at page level so an answer that
//! arrives after its dialog closed still updates the page.

use super::restore::SafeRestore;
use super::store::PageStore;
use crate::activity::{use_activity, Action, Entry, Outcome as Logged};
use crate::api::models::{CreateSnapshot, ServerStatus, Snapshot};
use crate::api::ApiError;
use crate::components::{use_notifier, Notifier};
use crate::i18n::{tf, Key};
use crate::load::Command;
use crate::session::{use_session, Session, Write};
use crate::settle::{create_once, delete_once, restore_once, Outcome, Unsettled};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenDialog {
    Create,
    Restore(u64),
    Delete(u64),
    /// The snapshot limit stopped `Next`: pick one to delete, then carry on.
    MakeRoom(Next),
}

/// What the user was doing when the snapshot limit stopped them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    Create,
    /// Restoring from this snapshot, with a safety snapshot first.
    Restore(u64),
}

impl Next {
    pub fn dialog(self) -> OpenDialog {
        match self {
            Next::Create => OpenDialog::Create,
            Next::Restore(id) => OpenDialog::Restore(id),
        }
    }
}

/// What a delete ended as: gone now, already gone (404), or gone after all (its answer was
/// lost, and a look found it gone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deleted {
    Now,
    Already,
    AfterAll,
}

/// A create's result: the snapshot made (from the answer, or found after a lost answer).
type CreateCommand = Command<CreateSnapshot, Result<Snapshot, ApiError>>;
/// A restore's result: it started (said by the answer, or found after a lost answer).
type RestoreCommand = Command<(u64, String), Result<(), ApiError>>;

#[derive(Clone, Copy)]
pub struct Actions {
    pub dialog: RwSignal<Option<OpenDialog>>,
    pub create: CreateCommand,
    pub restore: RestoreCommand,
    pub delete: Command<(u64, String), Result<Deleted, ApiError>>,
    /// A restore with a safety snapshot first, while it runs and once it has ended.
    pub safe: SafeRestore,
    /// Set while a delete makes room: what opens once it has succeeded.
    pub resume: RwSignal<Option<Next>>,
}

impl Actions {
    pub fn new(store: PageStore) -> Self {
        let session = use_session();
        let notifier = use_notifier();
        let dialog = RwSignal::new(None);
        let close = move || dialog.try_set(None);
        let resume = RwSignal::new(None::<Next>);
        let safe = SafeRestore::new(logger(store));

        // A write whose answer was lost and not yet settled: its next attempt looks first.
        let unsettled: Unsettled = StoredValue::new(None);
        let log = logger(store);

        let create = Command::new(move |request: &CreateSnapshot| {
            let known = store.snapshot_ids_untracked();
            let request = request.clone();
            let name = request.name.clone();
            async move {
                let sent = create_once(session, unsettled, request, known).await;
                log(Action::Create, &name, logged(Action::Create, &sent));
                let result = match sent {
                    Ok(Outcome::Answered(created)) => {
                        notifier.success(
                            created
                                .message
                                .unwrap_or_else(|| tf(Key::ACTIONS_CREATING, &[("name", &name)])),
                        );
                        Ok(created.snapshot)
                    }
                    Ok(Outcome::AfterAll(snapshot)) => {
                        notifier.info(tf(Key::ACTIONS_CREATED_AFTER_ALL, &[("name", &name)]));
                        Ok(snapshot)
                    }
                    Err(error) => Err(error),
                };
                match &result {
                    Ok(snapshot) => {
                        store.insert(snapshot.clone());
                        close();
                    }
                    Err(error) => {
                        // A 400 may be the limit, reached from elsewhere: a fresh count lets
                        // the form offer to make room.
                        if matches!(error, ApiError::Http { status: 400, .. }) {
                            store.refresh();
                        }
                        failed(
                            session,
                            notifier,
                            Write::Create,
                            &tf(Key::ACTIONS_CREATE_FAILED, &[("name", &name)]),
                            error,
                        )
                    }
                }
                result
            }
        });

        let restore = Command::new(move |(snapshot_id, name): &(u64, String)| {
            let id = *snapshot_id;
            let name = name.clone();
            async move {
                let sent = restore_once(session, unsettled, store.server_id, id).await;
                log(Action::Restore, &name, logged(Action::Restore, &sent));
                let result = match sent {
                    Ok(Outcome::Answered(started)) => {
                        store.set_server_status(started.server.status);
                        notifier.success(
                            started
                                .message
                                .unwrap_or_else(|| tf(Key::ACTIONS_RESTORING, &[("name", &name)])),
                        );
                        Ok(())
                    }
                    Ok(Outcome::AfterAll(_)) => {
                        store.set_server_status(ServerStatus::Restoring);
                        notifier.info(tf(Key::ACTIONS_RESTORING_AFTER_ALL, &[("name", &name)]));
                        Ok(())
                    }
                    Err(error) => Err(error),
                };
                match &result {
                    Ok(()) => {
                        close();
                    }
                    Err(error) => failed(
                        session,
                        notifier,
                        Write::Restore,
                        &tf(Key::ACTIONS_RESTORE_FAILED, &[("name", &name)]),
                        error,
                    ),
                }
                result
            }
        });

        let delete = Command::new(move |(snapshot_id, name): &(u64, String)| {
            let id = *snapshot_id;
            let name = name.clone();
            async move {
                let sent = delete_once(session, unsettled, store.server_id, id).await;
                log(Action::Delete, &name, logged(Action::Delete, &sent));
                let result = match sent {
                    Ok(Outcome::Answered(())) => Ok(Deleted::Now),
                    Ok(Outcome::AfterAll(_)) => Ok(Deleted::AfterAll),
                    Err(ApiError::NotFound { .. }) => Ok(Deleted::Already),
                    Err(error) => Err(error),
                };
                // Room was made for something: carry on with it, else just close.
                let carry_on = move || match resume.try_get_untracked().flatten() {
                    Some(next) => {
                        resume.try_set(None);
                        clear_answers(create, restore, safe);
                        dialog.try_set(Some(next.dialog()));
                    }
                    None => {
                        close();
                    }
                };
                match &result {
                    Ok(deleted) => {
                        store.remove(id);
                        carry_on();
                        let said = |key| tf(key, &[("name", &name)]);
                        match deleted {
                            Deleted::Now => notifier.success(said(Key::ACTIONS_DELETED)),
                            Deleted::Already => notifier.info(said(Key::ACTIONS_ALREADY_DELETED)),
                            Deleted::AfterAll => {
                                notifier.info(said(Key::ACTIONS_DELETED_AFTER_ALL))
                            }
                        }
                    }
                    Err(error) => failed(
                        session,
                        notifier,
                        Write::Delete,
                        &tf(Key::ACTIONS_DELETE_FAILED, &[("name", &name)]),
                        error,
                    ),
                }
                result
            }
        });

        Self {
            dialog,
            create,
            restore,
            delete,
            safe,
            resume,
        }
    }

    /// Opens a dialog with no answer left over from an earlier one.
    pub fn open(&self, which: OpenDialog) {
        match which {
            OpenDialog::Delete(_) => self.delete.value().set(None),
            _ => {
                self.resume.set(None);
                clear_answers(self.create, self.restore, self.safe);
            }
        }
        self.dialog.set(Some(which));
    }

    /// Deletes a snapshot to make room for `next`, which opens once the delete succeeds.
    pub fn delete_to_make_room(&self, snapshot_id: u64, next: Next) {
        self.resume.set(Some(next));
        self.open(OpenDialog::Delete(snapshot_id));
    }

    /// The delete dialog's Cancel: back to the choice it came from, if any.
    pub fn cancel_delete(&self) {
        match self.resume.get_untracked() {
            Some(next) => self.open(OpenDialog::MakeRoom(next)),
            None => self.close(),
        }
    }

    pub fn close(&self) {
        self.resume.set(None);
        self.dialog.set(None);
    }
}

/// Writes a write's outcome into the tab's activity log (when the panel keeps one).
pub fn logger(store: PageStore) -> impl Fn(Action, &str, Logged) + Copy + 'static {
    let activity = use_activity();
    move |action, snapshot, outcome| {
        if let Some(activity) = activity {
            let server = store
                .server
                .try_with_untracked(|s| s.ready().and_then(|s| s.as_ref()).map(|s| s.name.clone()))
                .flatten()
                .unwrap_or_else(|| format!("#{}", store.server_id));
            activity.record(Entry::now(
                action,
                (store.server_id, server),
                snapshot.to_owned(),
                outcome,
            ));
        }
    }
}

/// How a write sent once ended, for the activity log (a 404 on a delete: already gone).
pub fn logged<T, E>(action: Action, sent: &Result<Outcome<T, E>, ApiError>) -> Logged {
    match sent {
        Ok(Outcome::Answered(_)) => Logged::Done,
        Ok(Outcome::AfterAll(_)) => Logged::DoneAfterAll,
        Err(ApiError::NotFound { .. }) if action == Action::Delete => Logged::AlreadyGone,
        Err(error) => Logged::failed(error),
    }
}

/// Answers of an earlier create or restore are not shown again; a running safe restore is.
fn clear_answers(create: CreateCommand, restore: RestoreCommand, safe: SafeRestore) {
    create.value().try_set(None);
    restore.value().try_set(None);
    if !safe.is_running() {
        safe.step.try_set(None);
    }
}

/// A failed write: a notification that stays until dismissed (a 401 ends the session instead),
/// and a 403 marks that kind of write as not allowed for this token.
fn failed(session: Session, notifier: Notifier, write: Write, what: &str, error: &ApiError) {
    session.note_refusal(write, error);
    if !error.is_unauthorized() {
        notifier.failure(tf(
            Key::ACTIONS_FAILURE,
            &[("what", what), ("error", &error.to_string())],
        ));
    }
}
