//! The three writes and the dialog that is open. Actions live at page level so an answer that
//! arrives after its dialog closed still updates the page.

use super::create_dialog::CreateDialog;
use super::delete_dialog::DeleteDialog;
use super::restore_dialog::RestoreDialog;
use super::safe_restore::SafeRestore;
use super::store::PageStore;
use crate::api::models::{CreateSnapshot, CreatedSnapshot, RestoreStarted};
use crate::api::ApiError;
use crate::components::{use_notifier, Notifier};
use crate::session::use_session;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenDialog {
    Create,
    Restore(u64),
    Delete(u64),
}

/// What a delete ended as: gone now, or already gone (404).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deleted {
    Now,
    Already,
}

#[derive(Clone, Copy)]
pub struct Actions {
    pub dialog: RwSignal<Option<OpenDialog>>,
    pub create: Action<CreateSnapshot, Result<CreatedSnapshot, ApiError>>,
    pub restore: Action<(u64, String), Result<RestoreStarted, ApiError>>,
    pub delete: Action<(u64, String), Result<Deleted, ApiError>>,
    /// A restore with a safety snapshot first, while it runs and once it has ended.
    pub safe: SafeRestore,
}

impl Actions {
    pub fn new(store: PageStore) -> Self {
        let session = use_session();
        let notifier = use_notifier();
        let dialog = RwSignal::new(None);
        let close = move || dialog.try_set(None);

        let create = Action::new_local(move |request: &CreateSnapshot| {
            let pending = session.call({
                let request = request.clone();
                move |api| api.create_snapshot(&request)
            });
            let name = request.name.clone();
            async move {
                let result = pending.await;
                match &result {
                    Ok(created) => {
                        store.insert(created.snapshot.clone());
                        close();
                        notifier.success(
                            created
                                .message
                                .clone()
                                .unwrap_or_else(|| format!("Snapshot {name} is being created.")),
                        );
                    }
                    Err(error) => report(
                        notifier,
                        &format!("Could not create snapshot {name}"),
                        error,
                    ),
                }
                result
            }
        });

        let restore = Action::new_local(move |(snapshot_id, name): &(u64, String)| {
            let id = *snapshot_id;
            let pending = session.call(move |api| api.restore_snapshot(id));
            let name = name.clone();
            async move {
                let result = pending.await;
                match &result {
                    Ok(started) => {
                        store.set_server_status(started.server.status.clone());
                        close();
                        notifier.success(
                            started
                                .message
                                .clone()
                                .unwrap_or_else(|| format!("Restoring from snapshot {name}.")),
                        );
                    }
                    Err(error) => {
                        report(notifier, &format!("Could not restore from {name}"), error)
                    }
                }
                result
            }
        });

        let delete = Action::new_local(move |(snapshot_id, name): &(u64, String)| {
            let id = *snapshot_id;
            let pending = session.call(move |api| api.delete_snapshot(id));
            let name = name.clone();
            async move {
                let result = match pending.await {
                    Ok(()) => Ok(Deleted::Now),
                    Err(ApiError::NotFound { .. }) => Ok(Deleted::Already),
                    Err(error) => Err(error),
                };
                match &result {
                    Ok(Deleted::Now) => {
                        store.remove(id);
                        close();
                        notifier.success(format!("Snapshot {name} was deleted."));
                    }
                    Ok(Deleted::Already) => {
                        store.remove(id);
                        close();
                        notifier.info(format!("Snapshot {name} had already been deleted."));
                    }
                    Err(error) => report(
                        notifier,
                        &format!("Could not delete snapshot {name}"),
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
            safe: SafeRestore::new(),
        }
    }

    /// Opens a dialog with no answer left over from an earlier one.
    pub fn open(&self, which: OpenDialog) {
        match which {
            OpenDialog::Create => self.create.value().set(None),
            OpenDialog::Restore(_) => {
                self.restore.value().set(None);
                // A finished safe restore is not shown again; a running one is.
                if !self.safe.is_running() {
                    self.safe.step.set(None);
                }
            }
            OpenDialog::Delete(_) => self.delete.value().set(None),
        }
        self.dialog.set(Some(which));
    }

    pub fn close(&self) {
        self.dialog.set(None);
    }
}

/// A failed write: a notification that stays until dismissed. (A 401 ends the session instead.)
fn report(notifier: Notifier, what: &str, error: &ApiError) {
    if !error.is_unauthorized() {
        notifier.failure(format!("{what}: {error}"));
    }
}

pub fn render_dialog(open: OpenDialog, store: PageStore, actions: Actions) -> AnyView {
    let server = store
        .server
        .with_untracked(|s| s.ready().cloned().flatten());
    let Some(server) = server else {
        return ().into_any();
    };
    match open {
        OpenDialog::Create => view! { <CreateDialog server actions/> }.into_any(),
        OpenDialog::Restore(id) => match store.snapshot_untracked(id) {
            Some(snapshot) => {
                // Read once: the safety snapshot changes the count while the dialog is open.
                let room = untrack(|| store.count())
                    .is_some_and(|used| used < crate::api::SNAPSHOTS_PER_SERVER);
                view! { <RestoreDialog server snapshot actions store room/> }.into_any()
            }
            None => ().into_any(),
        },
        OpenDialog::Delete(id) => match store.snapshot_untracked(id) {
            Some(snapshot) => view! { <DeleteDialog snapshot actions/> }.into_any(),
            None => ().into_any(),
        },
    }
}
