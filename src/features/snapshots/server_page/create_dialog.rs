use super::super::model::suggest_name;
use super::super::now_seconds;
use super::actions::{Actions, Next};
use super::make_room_dialog::MakeRoomButton;
use super::refused::is_refused;
use super::store::PageStore;
use crate::api::models::{CreateSnapshot, Server, ServerStatus};
use crate::api::SNAPSHOTS_PER_SERVER as SNAPSHOT_LIMIT;
use crate::components::Dialog;
use crate::features::snapshots::snapshot_name_problem;
use crate::format::count;
use crate::i18n::{t, tf, tr, Key};
use crate::session::{use_session, Write};
use leptos::prelude::*;

/// "Create snapshot": a name checked as it is typed, an optional description, and the docs'
/// advice when the server is running. Nothing invalid is sent, and nothing is sent twice.
#[component]
pub fn CreateDialog(server: Server, actions: Actions, store: PageStore) -> impl IntoView {
    let session = use_session();
    let name = RwSignal::new(suggest_name(&server.name, now_seconds()));
    let description = RwSignal::new(String::new());
    let name_problem = Memo::new(move |_| name.with(|n| snapshot_name_problem(n)));
    let create = actions.create;
    let pending = create.pending();

    let answer = move || create.value().get().and_then(Result::err);
    let field_error = move |field: &str| {
        answer().and_then(|e| e.field_errors().get(field).map(|list| list.join(" ")))
    };
    // The name's message: what is wrong as typed, else what the server said about it.
    let name_message = move || name_problem.get().or_else(|| field_error("name"));
    // Shown above the buttons unless every field error already stands next to its field.
    let general_error = move || {
        answer().filter(|e| {
            let fields = e.field_errors();
            fields.is_empty() || fields.keys().any(|f| f != "name" && f != "description")
        })
    };

    let at_limit = move || store.count().is_some_and(|used| used >= SNAPSHOT_LIMIT);
    let server_id = server.id;
    let submit = move || {
        if pending.get_untracked() || name_problem.get_untracked().is_some() {
            return;
        }
        let text = description.get_untracked();
        create.dispatch(CreateSnapshot {
            server_id,
            name: name.get_untracked(),
            description: (!text.trim().is_empty()).then_some(text),
        });
    };
    let running = server.status == ServerStatus::Active;
    let title_name = server.name.clone();

    view! {
        <Dialog title=Signal::derive(move || tf(Key::CREATE_TITLE, &[("server", &title_name)])) on_close=Callback::new(move |()| actions.close())>
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                {running.then(|| view! {
                    <p class="advice" id="create-advice">
                        <strong>{tr(Key::CREATE_RUNNING)}</strong>
                        {tr(Key::CREATE_RUNNING_ADVICE)}
                    </p>
                })}
                <div class="field">
                    <label class="field__label" for="snapshot-name">{tr(Key::CREATE_NAME)}</label>
                    <input
                        id="snapshot-name"
                        class="input mono"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        required
                        data-autofocus
                        aria-invalid=move || name_message().is_some().to_string()
                        aria-describedby="snapshot-name-help snapshot-name-problem"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <span id="snapshot-name-help" class="field__help">{tr(Key::CREATE_NAME_HELP)}</span>
                    <span id="snapshot-name-problem" class="field__problem" aria-live="polite">{name_message}</span>
                </div>
                <div class="field">
                    <label class="field__label" for="snapshot-description">{tr(Key::CREATE_DESCRIPTION)}</label>
                    <textarea
                        id="snapshot-description"
                        class="input"
                        rows="2"
                        aria-describedby="snapshot-description-problem"
                        prop:value=move || description.get()
                        on:input=move |ev| description.set(event_target_value(&ev))
                    ></textarea>
                    <span id="snapshot-description-problem" class="field__problem">{move || field_error("description")}</span>
                </div>
                {move || general_error().map(|error| view! {
                    <p class="form__error" role="alert">{move || error.to_string()}</p>
                })}
                // Refused because the server is at the limit after all (a fresh count says so).
                {move || (general_error().is_some() && at_limit()).then(|| view! {
                    <p class="form__error-help">
                        {move || tf(Key::CREATE_NOW_FULL, &[("limit", &count(SNAPSHOT_LIMIT as u64))])}
                        <MakeRoomButton next=Next::Create actions small=true/>
                    </p>
                })}
                <div class="form__buttons">
                    <button type="button" class="button" on:click=move |_| actions.close()>{tr(Key::COMMON_CANCEL)}</button>
                    <button
                        type="submit"
                        class="button button--primary"
                        disabled=move || pending.get() || name_problem.get().is_some() || is_refused(session, Write::Create)
                    >
                        {move || t(if pending.get() { Key::CREATE_CREATING } else { Key::SERVER_SNAPSHOTS_CREATE })}
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
