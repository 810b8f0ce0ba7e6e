//! One server: its summary and its snapshots, with create, restore and delete. The API has no
//! per-server GET, so the server comes from the servers list.

mod actions;
mod create_dialog;
mod delete_dialog;
mod dialogs;
mod make_room_dialog;
mod refused;
mod restore;
mod rows;
mod store;

use super::SNAPSHOT_LIMIT;
use crate::api::models::Server;
use crate::base_path::href;
use crate::components::{use_page_title, ErrorPanel, Loading, StatusBadge};
use crate::format::{count, plan_resources};
use crate::i18n::{t, text, tf, tr, Key};
use crate::load::Loaded;
use crate::session::{use_session, Write};
use actions::{Actions, Next, OpenDialog};
use leptos::prelude::*;
use make_room_dialog::MakeRoomButton;
use store::PageStore;

/// The page of server `id` (`None`: the address does not name one).
#[component]
pub fn ServerPage(id: Option<u64>) -> impl IntoView {
    match id {
        Some(id) => view! { <ServerPageFor id/> }.into_any(),
        None => view! { <ServerNotFound id=None/> }.into_any(),
    }
}

#[component]
fn ServerPageFor(id: u64) -> impl IntoView {
    let session = use_session();
    let store = PageStore::new(session, id);
    store.load_server();
    store.load_snapshots();
    // Refresh while a snapshot is in progress or the server restores.
    crate::live::refresh_while(move || store.in_flight(), move || store.refresh());
    let actions = Actions::new(store);

    use_page_title(move || match store.server.get() {
        Loaded::Ready(Some(server)) => server.name,
        Loaded::Ready(None) => t(Key::SERVER_NOT_FOUND).to_owned(),
        _ => t(Key::SERVER_TITLE).to_owned(),
    });

    let server = Memo::new(move |_| store.server.get());
    view! {
        {move || match server.get() {
            Loaded::Loading => view! { <Loading what=Key::SERVER_WHAT/> }.into_any(),
            Loaded::Failed(error) => view! {
                <nav class="breadcrumb" aria-label=text(Key::SERVER_BREADCRUMB)><a href=href("/servers")>{tr(Key::SERVERS_TITLE)}</a></nav>
                <ErrorPanel title=Key::SERVER_LOAD_FAILED error on_retry=Callback::new(move |()| store.load_server())/>
            }
            .into_any(),
            Loaded::Ready(None) => view! { <ServerNotFound id=Some(id)/> }.into_any(),
            Loaded::Ready(Some(server)) => view! { <ServerSummary server/> }.into_any(),
        }}
        <Show when=move || matches!(server.get(), Loaded::Ready(Some(_)))>
            <ServerSnapshots store actions/>
        </Show>
        <p class="visually-hidden" role="status">{move || store.announcement.get()}</p>
        {move || actions.dialog.get().map(|open| dialogs::render_dialog(open, store, actions))}
    }
}

#[component]
fn ServerNotFound(id: Option<u64>) -> impl IntoView {
    let detail = move || match id {
        Some(id) => tf(Key::SERVER_NOT_FOUND_ID, &[("id", &id.to_string())]),
        None => t(Key::SERVER_NOT_FOUND_ADDRESS).to_owned(),
    };
    view! {
        <div class="empty-state">
            <h1>{tr(Key::SERVER_NOT_FOUND)}</h1>
            <p>{detail}</p>
            <a href=href("/servers") class="button">{tr(Key::SERVER_BACK)}</a>
        </div>
    }
}

#[component]
fn ServerSummary(server: Server) -> impl IntoView {
    let fact = |label: Key, value: String| {
        view! {
            <div class="facts__item">
                <dt>{tr(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let plan = server.plan.clone();
    let plan = move || match &plan {
        Some(p) => tf(
            Key::SERVER_PLAN,
            &[("name", &p.name), ("resources", &plan_resources(p))],
        ),
        None => "—".into(),
    };
    view! {
        <nav class="breadcrumb" aria-label=text(Key::SERVER_BREADCRUMB)><a href=href("/servers")>{tr(Key::SERVERS_TITLE)}</a></nav>
        <div class="page-head">
            <h1>{server.name.clone()}</h1>
            <StatusBadge status=server.status.to_string()/>
        </div>
        <dl class="facts">
            <div class="facts__item">
                <dt>{tr(Key::SERVERS_COLUMN_STATUS)}</dt>
                <dd><StatusBadge status=server.status.to_string()/></dd>
            </div>
            {fact(Key::SERVERS_COLUMN_LOCATION, server.location.clone().unwrap_or_else(|| "—".into()))}
            {fact(Key::SERVERS_COLUMN_IP, server.ip_address.clone().unwrap_or_else(|| "—".into()))}
            {fact(Key::SERVER_HOSTNAME, server.hostname.clone().unwrap_or_else(|| "—".into()))}
            <div class="facts__item">
                <dt>{tr(Key::SERVERS_COLUMN_PLAN)}</dt>
                <dd>{plan}</dd>
            </div>
            {fact(Key::SERVERS_COLUMN_OS, server.os.as_ref().map(|o| o.name.clone()).unwrap_or_else(|| "—".into()))}
        </dl>
    }
}

#[component]
fn ServerSnapshots(store: PageStore, actions: Actions) -> impl IntoView {
    let session = use_session();
    let count = Memo::new(move |_| store.count());
    // Beside the button, short: the notice below gives the API's words.
    let refused = Memo::new(move |_| {
        refused::is_refused(session, Write::Create).then(|| t(Key::REFUSED_SHORT).to_owned())
    });
    let full = Memo::new(move |_| count.get().and_then(super::model::create_block));
    let blocked = Memo::new(move |_| refused.get().or_else(|| full.get()));
    // Only a change of state rebuilds the table; a refresh updates its rows in place.
    let list_state = Memo::new(move |_| {
        store.snapshots.with(|s| match s {
            Loaded::Loading => ListState::Loading,
            Loaded::Failed(error) => ListState::Failed(error.clone()),
            Loaded::Ready(list) if list.is_empty() => ListState::Empty,
            Loaded::Ready(_) => ListState::Rows,
        })
    });
    view! {
        <section class="section" aria-labelledby="snapshots-heading">
            <div class="section__head">
                <h2 id="snapshots-heading">{tr(Key::SERVER_SNAPSHOTS_HEADING)}</h2>
                {move || count.get().map(|used| view! { <Quota used/> })}
                <div class="section__actions">
                    <button
                        type="button"
                        class="button button--primary"
                        disabled=move || count.get().is_none() || blocked.get().is_some()
                        aria-describedby="create-blocked"
                        on:click=move |_| actions.open(OpenDialog::Create)
                    >
                        {tr(Key::SERVER_SNAPSHOTS_CREATE)}
                    </button>
                    <span id="create-blocked" class="section__reason">{move || blocked.get()}</span>
                    {move || (refused.get().is_none() && full.get().is_some()).then(|| view! { <MakeRoomButton next=Next::Create actions/> })}
                </div>
            </div>
            <refused::RefusedWrites/>
            {move || match list_state.get() {
                ListState::Loading => view! { <Loading what=Key::SNAPSHOTS_WHAT/> }.into_any(),
                ListState::Failed(error) => view! {
                    <ErrorPanel title=Key::SERVER_SNAPSHOTS_LOAD_FAILED error on_retry=Callback::new(move |()| store.load_snapshots())/>
                }
                .into_any(),
                ListState::Empty => view! {
                    <div class="empty-state">
                        <p class="empty-state__title">{tr(Key::SERVER_SNAPSHOTS_NONE)}</p>
                        <p>{tr(Key::SERVER_SNAPSHOTS_NONE_HELP)}</p>
                    </div>
                }
                .into_any(),
                ListState::Rows => view! { <rows::ManagedSnapshots store actions/> }.into_any(),
            }}
        </section>
    }
}

#[derive(Clone, Debug, PartialEq)]
enum ListState {
    Loading,
    Failed(crate::api::ApiError),
    Empty,
    Rows,
}

/// "N of 5 snapshots used", with a bar that is decoration only.
#[component]
fn Quota(used: usize) -> impl IntoView {
    // One class per step, not a `style` attribute: a strict CSP (style-src 'self') blocks those.
    let fill_class = format!("quota__fill quota__fill--{}", used.min(SNAPSHOT_LIMIT));
    let full = used >= SNAPSHOT_LIMIT;
    view! {
        <div class="quota" class:quota--full=full>
            <span class="quota__text">{move || {
                let (used, limit) = (count(used as u64), count(SNAPSHOT_LIMIT as u64));
                tf(Key::SERVER_SNAPSHOTS_QUOTA, &[("used", &used), ("limit", &limit)])
            }}</span>
            <span class="quota__bar" aria-hidden="true">
                <span class=fill_class></span>
            </span>
        </div>
    }
}
