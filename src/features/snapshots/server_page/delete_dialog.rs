use super::actions::Actions;
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
    view! {
        <Dialog title="Delete this snapshot?" on_close=Callback::new(move |()| actions.close())>
            <p>
                "Snapshot "<strong class="mono">{snapshot.name.clone()}</strong>
                " will be deleted permanently. It cannot be recovered, and the server can no longer be restored from it."
            </p>
            {move || error().map(|error| view! { <p class="form__error" role="alert">{error.to_string()}</p> })}
            <div class="form__buttons">
                <button type="button" class="button" data-autofocus on:click=move |_| actions.close()>"Cancel"</button>
                <button type="button" class="button button--danger" disabled=move || pending.get() on:click=submit>
                    {move || if pending.get() { "Deleting…" } else { "Delete snapshot" }}
                </button>
            </div>
        </Dialog>
    }
}
