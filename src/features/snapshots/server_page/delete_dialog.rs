use super::actions::{Actions, Next};
use crate::api::models::Snapshot;
use crate::components::Dialog;
use leptos::prelude::*;

/// Delete is permanent: the dialog names the snapshot and starts on Cancel.
#[component]
pub fn DeleteDialog(snapshot: Snapshot, actions: Actions) -> impl IntoView {
    let delete = actions.delete;
    let pending = delete.pending();
    let request = (snapshot.id, snapshot.name.clone());
    let submit = move |_| {
        if !pending.get_untracked() {
            delete.dispatch(request.clone());
        }
    };
    let error = move || delete.value().get().and_then(Result::err);
    // Deleting to make room: say what happens once it is gone.
    let then = actions.resume.get_untracked().map(|next| match next {
        Next::Create => "Once it is deleted, the panel goes on to create your snapshot.",
        Next::Restore(_) => "Once it is deleted, the panel goes back to the restore, with room for a safety snapshot.",
    });
    view! {
        <Dialog title="Delete this snapshot?" on_close=Callback::new(move |()| actions.cancel_delete())>
            <p>
                "Snapshot "<strong class="mono">{snapshot.name.clone()}</strong>
                " will be deleted permanently. It cannot be recovered, and the server can no longer be restored from it."
            </p>
            {then.map(|text| view! { <p>{text}</p> })}
            {move || error().map(|error| view! { <p class="form__error" role="alert">{error.to_string()}</p> })}
            <div class="form__buttons">
                <button type="button" class="button" data-autofocus on:click=move |_| actions.cancel_delete()>"Cancel"</button>
                <button type="button" class="button button--danger" disabled=move || pending.get() on:click=submit>
                    {move || if pending.get() { "Deleting…" } else { "Delete snapshot" }}
                </button>
            </div>
        </Dialog>
    }
}
