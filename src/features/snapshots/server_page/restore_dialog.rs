use super::super::model::confirms;
use super::super::restore_flow::Step;
use super::actions::{Actions, Next};
use super::make_room_dialog::MakeRoomButton;
use super::safe_restore::Request;
use super::store::PageStore;
use crate::api::models::{Server, Snapshot};
use crate::components::{use_notifier, Dialog};
use crate::format::{exact_time, parse_timestamp};
use crate::session::use_session;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Restore overwrites the server: the dialog says so plainly and asks for the server's name.
/// With "Take a snapshot of the current state first" (checked when the server has room) it
/// saves the current state, waits for it, then restores, showing each step.
#[component]
pub fn RestoreDialog(
    server: Server,
    snapshot: Snapshot,
    actions: Actions,
    store: PageStore,
    /// Whether the server has room for one more snapshot (fewer than 5).
    room: bool,
) -> impl IntoView {
    let session = use_session();
    let notifier = use_notifier();
    let typed = RwSignal::new(String::new());
    let save_first = RwSignal::new(room);
    let restore = actions.restore;
    let safe = actions.safe;
    let pending = restore.pending();
    let server_name = server.name.clone();
    let confirmed = {
        let server_name = server_name.clone();
        Memo::new(move |_| typed.with(|t| confirms(t, &server_name)))
    };
    let when = parse_timestamp(&snapshot.created_at)
        .map(exact_time)
        .unwrap_or_else(|| snapshot.created_at.clone());
    let request = Request {
        server_id: server.id,
        server_name: server.name.clone(),
        snapshot_id: snapshot.id,
        snapshot_name: snapshot.name.clone(),
    };
    let submit = move || {
        if pending.get_untracked() || safe.is_running() || !confirmed.get_untracked() {
            return;
        }
        if save_first.get_untracked() {
            safe.start(request.clone(), session, notifier, store);
        } else {
            restore.dispatch((request.snapshot_id, request.snapshot_name.clone()));
        }
    };
    let error = move || restore.value().get().and_then(Result::err);
    let flow = move || safe.step.get();
    let restoring_from = snapshot.name.clone();
    let snapshot_id = snapshot.id;

    view! {
        <Dialog title=format!("Restore {} from a snapshot?", server.name) on_close=Callback::new(move |()| actions.close())>
            {move || match flow() {
                Some(step) => view! { <SafeRestoreSteps step restoring_from=restoring_from.clone() snapshot_id actions store/> }.into_any(),
                None => {
                    let submit = submit.clone();
                    view! {
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <p>
                    "Server "<strong>{server.name.clone()}</strong>" will be restored from snapshot "
                    <strong class="mono">{snapshot.name.clone()}</strong>" taken "{when.clone()}"."
                </p>
                <ul class="warning-list">
                    <li><strong>"All current data on "{server.name.clone()}" will be overwritten."</strong></li>
                    <li>"This cannot be undone."</li>
                    <li>"The server will be stopped first, and is unavailable while it restores (usually 5–15 minutes)."</li>
                </ul>
                <div class="field field--check">
                    <input
                        id="restore-save-first"
                        type="checkbox"
                        disabled=!room
                        aria-describedby="restore-save-first-help"
                        prop:checked=move || save_first.get()
                        on:change=move |ev| save_first.set(event_target_checked(&ev))
                    />
                    <label for="restore-save-first">"Take a snapshot of the current state first"</label>
                    <p id="restore-save-first-help" class="field__help">
                        {if room {
                            "A way back: the panel saves the server as it is now, waits until that snapshot is completed, then restores."
                        } else {
                            "This server already has 5 of 5 snapshots: delete one to make room for a safety snapshot."
                        }}
                    </p>
                    {(!room).then(|| view! { <MakeRoomButton next=Next::Restore(snapshot_id) actions small=true/> })}
                </div>
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
                    }.into_any()
                }
            }}
        </Dialog>
    }
}

/// The steps of a restore with a safety snapshot, as they happen.
#[component]
fn SafeRestoreSteps(
    step: Step,
    restoring_from: String,
    snapshot_id: u64,
    actions: Actions,
    store: PageStore,
) -> impl IntoView {
    let (first, second) = match &step {
        Step::Saving => ("in progress", "waiting"),
        Step::Waiting { .. } => ("in progress", "waiting"),
        Step::Restoring { .. } => ("done", "in progress"),
        Step::Started { .. } => ("done", "done"),
        Step::Failed { safety, .. } | Step::Cancelled { safety } if safety.is_some() => {
            ("done", "not sent")
        }
        Step::Failed { .. } | Step::Cancelled { .. } => ("not done", "not sent"),
    };
    let saving = match &step {
        Step::Saving => "1. Saving the current state…".to_owned(),
        Step::Waiting { safety, .. } => format!("1. Saving the current state as {safety}…"),
        Step::Restoring {
            safety: Some(safety),
        }
        | Step::Started {
            safety: Some(safety),
        }
        | Step::Failed {
            safety: Some(safety),
            ..
        }
        | Step::Cancelled {
            safety: Some(safety),
        } => {
            format!("1. The current state is saved as {safety}")
        }
        _ => "1. The current state was not saved".to_owned(),
    };
    let outcome = match &step {
        Step::Failed { reason, .. } => Some(reason.clone()),
        Step::Cancelled {
            safety: Some(safety),
        } => Some(format!(
            "Restore cancelled. The safety snapshot {safety} was kept."
        )),
        Step::Cancelled { safety: None } => {
            Some("Restore cancelled before anything was sent.".to_owned())
        }
        Step::Started { .. } => Some("The restore has started.".to_owned()),
        _ => None,
    };
    let can_cancel = step.can_cancel();
    let is_over = step.is_over();
    // The safety snapshot failed and the server is (now known to be) at the limit.
    let failed = matches!(step, Step::Failed { safety: None, .. });
    let at_limit = move || {
        failed
            && store
                .count()
                .is_some_and(|used| used >= crate::api::SNAPSHOTS_PER_SERVER)
    };
    // The form this replaces held the focus: give it to this step's first button, so the
    // keyboard stays in the dialog.
    let buttons = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(first) = buttons
            .get()
            .and_then(|div| div.query_selector("button").ok().flatten())
        {
            if let Ok(first) = first.dyn_into::<web_sys::HtmlElement>() {
                let _ = first.focus();
            }
        }
    });
    view! {
        <ol class="steps" aria-live="polite">
            <li class="steps__item" data-state=first>{saving}<span class="steps__state">{format!(" ({first})")}</span></li>
            <li class="steps__item" data-state=second>
                {format!("2. Restoring from {restoring_from}…")}<span class="steps__state">{format!(" ({second})")}</span>
            </li>
        </ol>
        {outcome.map(|text| view! { <p class="notice" role="status">{text}</p> })}
        {can_cancel.then(|| view! {
            <p class="field__help">"Until the restore is sent you can cancel: the safety snapshot stays and nothing else happens. Closing this tab before then cancels the restore too."</p>
        })}
        <div class="form__buttons" node_ref=buttons>
            {can_cancel.then(|| view! {
                <button
                    type="button"
                    class="button"
                    disabled=move || actions.safe.cancel_requested.get()
                    on:click=move |_| actions.safe.cancel_requested.set(true)
                >
                    {move || if actions.safe.cancel_requested.get() { "Cancelling…" } else { "Cancel restore" }}
                </button>
            })}
            {(is_over || !can_cancel).then(|| view! {
                <button type="button" class="button" on:click=move |_| actions.close()>"Close"</button>
            })}
            {move || at_limit().then(|| view! { <MakeRoomButton next=Next::Restore(snapshot_id) actions/> })}
        </div>
    }
}
