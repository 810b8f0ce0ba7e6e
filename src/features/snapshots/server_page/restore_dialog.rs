use super::super::model::confirms;
use super::actions::Actions;
use crate::api::models::{Server, Snapshot};
use crate::components::Dialog;
use crate::format::{exact_time, parse_timestamp};
use leptos::prelude::*;

/// Restore overwrites the server: the dialog says so plainly and asks for the server's name.
#[component]
pub fn RestoreDialog(server: Server, snapshot: Snapshot, actions: Actions) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let restore = actions.restore;
    let pending = restore.pending();
    let server_name = server.name.clone();
    let confirmed = {
        let server_name = server_name.clone();
        Memo::new(move |_| typed.with(|t| confirms(t, &server_name)))
    };
    let when = parse_timestamp(&snapshot.created_at)
        .map(exact_time)
        .unwrap_or_else(|| snapshot.created_at.clone());
    let request = (snapshot.id, snapshot.name.clone());
    let submit = move || {
        if pending.get_untracked() || !confirmed.get_untracked() {
            return;
        }
        restore.dispatch(request.clone());
    };
    let error = move || restore.value().get().and_then(Result::err);

    view! {
        <Dialog title=format!("Restore {} from a snapshot?", server.name) on_close=Callback::new(move |()| actions.close())>
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <p>
                    "Server "<strong>{server.name.clone()}</strong>" will be restored from snapshot "
                    <strong class="mono">{snapshot.name.clone()}</strong>" taken "{when}"."
                </p>
                <ul class="warning-list">
                    <li><strong>"All current data on "{server.name.clone()}" will be overwritten."</strong></li>
                    <li>"This cannot be undone."</li>
                    <li>"The server will be stopped first, and is unavailable while it restores (usually 5–15 minutes)."</li>
                </ul>
                <div class="field">
                    <label class="field__label" for="restore-confirm">
                        "Type the server's name, "<span class="mono">{server_name.clone()}</span>", to confirm"
                    </label>
                    <input
                        id="restore-confirm"
                        class="input mono"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        data-autofocus
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                </div>
                {move || error().map(|error| view! { <p class="form__error" role="alert">{error.to_string()}</p> })}
                <div class="form__buttons">
                    <button type="button" class="button" on:click=move |_| actions.close()>"Cancel"</button>
                    <button type="submit" class="button button--danger" disabled=move || pending.get() || !confirmed.get()>
                        {move || if pending.get() { "Restoring…" } else { "Restore" }}
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
