//! Which dialog of the server page is open, drawn from `Actions::dialog`. Apart from `actions`
//! so that the dialogs may use `Actions` without `actions` importing them back.

use super::actions::{Actions, OpenDialog};
use super::create_dialog::CreateDialog;
use super::delete_dialog::DeleteDialog;
use super::make_room_dialog::MakeRoomDialog;
use super::restore::RestoreDialog;
use super::store::PageStore;
use leptos::prelude::*;

pub fn render_dialog(open: OpenDialog, store: PageStore, actions: Actions) -> AnyView {
    let server = store
        .server
        .with_untracked(|s| s.ready().cloned().flatten());
    let Some(server) = server else {
        return ().into_any();
    };
    match open {
        OpenDialog::Create => view! { <CreateDialog server actions store/> }.into_any(),
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
        OpenDialog::MakeRoom(next) => {
            view! { <MakeRoomDialog server next store actions/> }.into_any()
        }
    }
}
