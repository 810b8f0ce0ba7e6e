use super::super::model::restore_block;
use super::super::now_seconds;
use super::super::table::{created_cell, description_text, size_cell};
use super::actions::{Actions, OpenDialog};
use super::refused::{is_refused, REFUSED_NOTICE_ID};
use super::store::PageStore;
use crate::api::models::ServerStatus;
use crate::components::{keyed_list, StatusBadge};
use crate::i18n::{t, text, tr, Key};
use crate::session::{use_session, Write};
use leptos::prelude::*;

/// The server's snapshots with their actions. Rows are keyed by id and read their snapshot
/// from the store, so a refresh updates cells in place and keeps focus and scroll.
#[component]
pub fn ManagedSnapshots(store: PageStore, actions: Actions) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{tr(Key::SERVER_SNAPSHOTS_CAPTION)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_NAME)}</th>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_STATUS)}</th>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_SIZE)}</th>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_CREATED)}</th>
                        <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_DESCRIPTION)}</th>
                        <th scope="col"><span class="visually-hidden">{tr(Key::SERVER_SNAPSHOTS_ACTIONS)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {keyed_list(
                        Signal::derive(move || store.snapshot_ids()),
                        Callback::new(move |id| view! { <ManagedRow id store actions/> }.into_any()),
                    )}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ManagedRow(id: u64, store: PageStore, actions: Actions) -> impl IntoView {
    let session = use_session();
    let snapshot = Memo::new(move |_| store.snapshot(id));
    let server_status = Memo::new(move |_| {
        store
            .server
            .with(|s| s.ready().cloned().flatten().map(|s| s.status))
            .unwrap_or(ServerStatus::Other(String::new()))
    });
    let restore_refused = Memo::new(move |_| is_refused(session, Write::Restore));
    let delete_refused = Memo::new(move |_| is_refused(session, Write::Delete));
    let blocked = Memo::new(move |_| {
        if restore_refused.get() {
            return Some(t(Key::REFUSED_SHORT));
        }
        snapshot
            .get()
            .and_then(|s| restore_block(&s.status, &server_status.get()))
    });
    // The row says why only for restore; a refused delete is explained by the page's notice.
    let delete_reason = move || delete_refused.get().then_some(REFUSED_NOTICE_ID);
    let name = move || snapshot.get().map(|s| s.name).unwrap_or_default();
    let reason_id = format!("restore-reason-{id}");
    let cell = move |render: fn(&crate::api::models::Snapshot) -> AnyView| {
        move || snapshot.get().map(|s| render(&s))
    };
    view! {
        <tr data-snapshot-id=id.to_string()>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_NAME) class="cell-main mono-name">{name}</td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_STATUS)>
                {move || snapshot.get().map(|s| view! { <StatusBadge status=s.status.to_string()/> })}
            </td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_SIZE)>{cell(size_cell)}</td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_CREATED)>{move || snapshot.get().map(|s| created_cell(&s, now_seconds()))}</td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_DESCRIPTION) class="cell-description">{move || snapshot.get().map(|s| description_text(&s))}</td>
            <td data-label=text(Key::SERVER_SNAPSHOTS_ACTIONS) class="row-actions">
                <div class="row-actions__buttons">
                <button
                    type="button"
                    class="button button--small"
                    disabled=move || blocked.get().is_some()
                    aria-describedby=reason_id.clone()
                    on:click=move |_| actions.open(OpenDialog::Restore(id))
                >
                    {tr(Key::SERVER_SNAPSHOTS_RESTORE)}<span class="visually-hidden">" "{name}</span>
                </button>
                <button
                    type="button"
                    class="button button--small button--danger-ghost"
                    disabled=move || delete_refused.get()
                    aria-describedby=delete_reason
                    on:click=move |_| actions.open(OpenDialog::Delete(id))
                >
                    {tr(Key::SERVER_SNAPSHOTS_DELETE)}<span class="visually-hidden">" "{name}</span>
                </button>
                </div>
                <span id=reason_id class="row-actions__reason">{move || blocked.get()}</span>
            </td>
        </tr>
    }
}
