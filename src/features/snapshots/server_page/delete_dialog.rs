use super::actions::{Actions, Next};
use super::refused::is_refused;
use crate::api::models::Snapshot;
use crate::components::{Dialog, Emphasised};
use crate::i18n::{t, tr, Key};
use crate::session::{use_session, Write};
use leptos::prelude::*;

/// Delete is permanent: the dialog names the snapshot and starts on Cancel.
#[component]
pub fn DeleteDialog(snapshot: Snapshot, actions: Actions) -> impl IntoView {
    let session = use_session();
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
        Next::Create => Key::DELETE_THEN_CREATE,
        Next::Restore(_) => Key::DELETE_THEN_RESTORE,
    });
    view! {
        <Dialog title=Signal::derive(|| t(Key::DELETE_TITLE).to_owned()) on_close=Callback::new(move |()| actions.cancel_delete())>
            <p>
                <Emphasised key=Key::DELETE_TEXT strong=vec![("name", snapshot.name.clone(), "mono")]/>
            </p>
            {then.map(|then| view! { <p>{tr(then)}</p> })}
            {move || error().map(|error| view! { <p class="form__error" role="alert">{move || error.to_string()}</p> })}
            <div class="form__buttons">
                <button type="button" class="button" data-autofocus on:click=move |_| actions.cancel_delete()>{tr(Key::COMMON_CANCEL)}</button>
                <button type="button" class="button button--danger" disabled=move || pending.get() || is_refused(session, Write::Delete) on:click=submit>
                    {move || t(if pending.get() { Key::DELETE_DELETING } else { Key::DELETE_CONFIRM })}
                </button>
            </div>
        </Dialog>
    }
}
