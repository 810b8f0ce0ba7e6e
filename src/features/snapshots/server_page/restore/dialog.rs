//! The restore dialog: typed confirmation, the safety snapshot choice, and the steps as they run.

use super::run::{cancelled_text, Request};
use super::steps::Step;
use crate::api::models::{Server, Snapshot};
use crate::components::{use_notifier, Dialog, Emphasised};
use crate::features::snapshots::model::confirms;
use crate::features::snapshots::server_page::actions::{Actions, Next};
use crate::features::snapshots::server_page::make_room_dialog::MakeRoomButton;
use crate::features::snapshots::server_page::refused::refused_text;
use crate::features::snapshots::server_page::store::PageStore;
use crate::format::{count, exact_time, parse_timestamp};
use crate::i18n::{t, tf, tr, Key};
use crate::session::{use_session, Write};
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
    let created_at = snapshot.created_at.clone();
    let when = Signal::derive(move || {
        parse_timestamp(&created_at)
            .map(exact_time)
            .unwrap_or_else(|| created_at.clone())
    });
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
    // Not offered when the API refused this token the restore, or the safety snapshot it
    // would take first.
    let refused_reason = move || {
        refused_text(session, Write::Restore).or_else(|| {
            save_first
                .get()
                .then(|| refused_text(session, Write::Create))
                .flatten()
        })
    };
    let refused = move || refused_reason().is_some();
    let error = move || restore.value().get().and_then(Result::err);
    let flow = move || safe.step.get();
    let restoring_from = snapshot.name.clone();
    let snapshot_id = snapshot.id;
    let title_name = server.name.clone();
    let overwrite_name = server.name.clone();

    view! {
        <Dialog title=Signal::derive(move || tf(Key::RESTORE_TITLE, &[("server", &title_name)])) on_close=Callback::new(move |()| actions.close())>
            {move || match flow() {
                Some(step) => view! { <SafeRestoreSteps step restoring_from=restoring_from.clone() snapshot_id actions store/> }.into_any(),
                None => {
                    let submit = submit.clone();
                    view! {
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <p>
                    <Emphasised
                        key=Key::RESTORE_SUMMARY
                        strong=vec![("server", server.name.clone(), ""), ("snapshot", snapshot.name.clone(), "mono")]
                        plain=vec![("when", when)]
                    />
                </p>
                <ul class="warning-list">
                    <li><strong>{let name = overwrite_name.clone(); move || tf(Key::RESTORE_OVERWRITE, &[("server", &name)])}</strong></li>
                    <li>{tr(Key::RESTORE_UNDO)}</li>
                    <li>{tr(Key::RESTORE_DOWNTIME)}</li>
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
                    <label for="restore-save-first">{tr(Key::RESTORE_SAVE_FIRST)}</label>
                    <p id="restore-save-first-help" class="field__help">
                        {move || if room {
                            t(Key::RESTORE_SAVE_FIRST_HELP).to_owned()
                        } else {
                            let limit = count(crate::api::SNAPSHOTS_PER_SERVER as u64);
                            tf(Key::RESTORE_SAVE_FIRST_FULL, &[("limit", &limit)])
                        }}
                    </p>
                    {(!room).then(|| view! { <MakeRoomButton next=Next::Restore(snapshot_id) actions small=true/> })}
                </div>
                <div class="field">
                    <label class="field__label" for="restore-confirm">
                        <Emphasised key=Key::RESTORE_CONFIRM_LABEL strong=vec![("server", server_name.clone(), "mono confirm-name")]/>
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
                {move || error().map(|error| view! { <p class="form__error" role="alert">{move || error.to_string()}</p> })}
                {move || refused_reason().map(|reason| view! { <p class="form__error-help">{reason}</p> })}
                <div class="form__buttons">
                    <button type="button" class="button" on:click=move |_| actions.close()>{tr(Key::COMMON_CANCEL)}</button>
                    <button type="submit" class="button button--danger" disabled=move || pending.get() || !confirmed.get() || refused()>
                        {move || t(if pending.get() { Key::RESTORE_RESTORING } else { Key::SERVER_SNAPSHOTS_RESTORE })}
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
        Step::Saving => (StepState::InProgress, StepState::Waiting),
        Step::Waiting { .. } => (StepState::InProgress, StepState::Waiting),
        Step::Restoring { .. } => (StepState::Done, StepState::InProgress),
        Step::Started { .. } => (StepState::Done, StepState::Done),
        Step::Failed { safety, .. } | Step::Cancelled { safety } if safety.is_some() => {
            (StepState::Done, StepState::NotSent)
        }
        Step::Failed { .. } | Step::Cancelled { .. } => (StepState::NotDone, StepState::NotSent),
    };
    let shown_step = step.clone();
    let saving = move || match &shown_step {
        Step::Saving => t(Key::RESTORE_STEP_SAVING).to_owned(),
        Step::Waiting { safety, .. } => tf(Key::RESTORE_STEP_SAVING_AS, &[("safety", safety)]),
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
        } => tf(Key::RESTORE_STEP_SAVED_AS, &[("safety", safety)]),
        _ => t(Key::RESTORE_STEP_NOT_SAVED).to_owned(),
    };
    let outcome = match &step {
        Step::Failed { reason, .. } => Some(reason.clone()),
        Step::Cancelled { safety } => Some(cancelled_text(safety.as_deref())),
        Step::Started { .. } => Some(t(Key::RESTORE_STARTED).to_owned()),
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
            <li class="steps__item" data-state=first.tag()>{saving}<span class="steps__state">{move || first.label()}</span></li>
            <li class="steps__item" data-state=second.tag()>
                {move || tf(Key::RESTORE_STEP_RESTORING_FROM, &[("snapshot", &restoring_from)])}
                <span class="steps__state">{move || second.label()}</span>
            </li>
        </ol>
        {outcome.map(|text| view! { <p class="notice" role="status">{text}</p> })}
        {can_cancel.then(|| view! {
            <p class="field__help">{tr(Key::RESTORE_CANCEL_HELP)}</p>
        })}
        <div class="form__buttons" node_ref=buttons>
            {can_cancel.then(|| view! {
                <button
                    type="button"
                    class="button"
                    disabled=move || actions.safe.cancel_requested.get()
                    on:click=move |_| actions.safe.cancel_requested.set(true)
                >
                    {move || t(if actions.safe.cancel_requested.get() { Key::RESTORE_CANCELLING } else { Key::RESTORE_CANCEL })}
                </button>
            })}
            {(is_over || !can_cancel).then(|| view! {
                <button type="button" class="button" on:click=move |_| actions.close()>{tr(Key::RESTORE_CLOSE)}</button>
            })}
            {move || at_limit().then(|| view! { <MakeRoomButton next=Next::Restore(snapshot_id) actions/> })}
        </div>
    }
}

/// Where one step of a safe restore stands: `data-state` for the stylesheet, and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StepState {
    InProgress,
    Waiting,
    Done,
    NotSent,
    NotDone,
}

impl StepState {
    fn tag(self) -> &'static str {
        match self {
            StepState::InProgress => "in progress",
            StepState::Waiting => "waiting",
            StepState::Done => "done",
            StepState::NotSent => "not sent",
            StepState::NotDone => "not done",
        }
    }

    /// " (done)", after the step's text.
    fn label(self) -> String {
        let state = t(match self {
            StepState::InProgress => Key::RESTORE_STEP_IN_PROGRESS,
            StepState::Waiting => Key::RESTORE_STEP_WAITING,
            StepState::Done => Key::RESTORE_STEP_DONE,
            StepState::NotSent => Key::RESTORE_STEP_NOT_SENT,
            StepState::NotDone => Key::RESTORE_STEP_NOT_DONE,
        });
        tf(Key::RESTORE_STEP_STATE, &[("state", state)])
    }
}
