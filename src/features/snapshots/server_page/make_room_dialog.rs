use super::super::model::oldest_first_except;
use super::super::now_seconds;
use super::super::table::{created_cell, size_cell};
use super::actions::{Actions, Next, OpenDialog};
use super::refused::is_refused;
use super::store::PageStore;
use crate::api::models::{Server, Snapshot, SnapshotStatus};
use crate::api::SNAPSHOTS_PER_SERVER as SNAPSHOT_LIMIT;
use crate::components::{keyed_list, Dialog, Emphasised, StatusBadge};
use crate::format::count;
use crate::i18n::{t, text, tf, tr, Key};
use crate::session::{use_session, Write};
use leptos::prelude::*;

/// At the snapshot limit: the server's snapshots oldest first, with date and size, each with
/// Delete (through the usual confirmation). Once one is gone, what the user was doing carries on.
#[component]
pub fn MakeRoomDialog(
    server: Server,
    next: Next,
    store: PageStore,
    actions: Actions,
) -> impl IntoView {
    // The snapshot about to be restored from is not offered for deletion.
    let keep = match next {
        Next::Restore(id) => Some(id),
        Next::Create => None,
    };
    let restoring_from = match next {
        Next::Restore(id) => store.snapshot_untracked(id).map(|s| s.name),
        Next::Create => None,
    };
    let purpose = Signal::derive(move || match (next, &restoring_from) {
        (Next::Create, _) => t(Key::MAKE_ROOM_FOR_CREATE).to_owned(),
        (Next::Restore(_), Some(name)) => {
            tf(Key::MAKE_ROOM_FOR_RESTORE_FROM, &[("snapshot", name)])
        }
        (Next::Restore(_), None) => t(Key::MAKE_ROOM_FOR_RESTORE).to_owned(),
    });
    let limit = Signal::derive(|| count(SNAPSHOT_LIMIT as u64));
    let candidates = Memo::new(move |_| {
        store
            .snapshots
            .with(|s| s.ready().map(|list| oldest_first_except(list, keep)))
            .unwrap_or_default()
    });
    let has_room = Memo::new(move |_| store.count().is_some_and(|used| used < SNAPSHOT_LIMIT));
    let carry_on_label = match next {
        Next::Create => Key::MAKE_ROOM_CONTINUE_CREATE,
        Next::Restore(_) => Key::MAKE_ROOM_CONTINUE_RESTORE,
    };
    view! {
        <Dialog title=Signal::derive(|| t(Key::MAKE_ROOM_TITLE).to_owned()) on_close=Callback::new(move |()| actions.close())>
            <p>
                <Emphasised
                    key=Key::MAKE_ROOM_TEXT
                    strong=vec![("server", server.name.clone(), "")]
                    plain=vec![("limit", limit), ("purpose", purpose)]
                />
            </p>
            {move || has_room.get().then(|| view! {
                <p class="notice" role="status">{tr(Key::MAKE_ROOM_ROOM_NOW)}</p>
            })}
            <div class="table-wrap room-list">
                <table class="data-table">
                    <caption class="visually-hidden">{tr(Key::MAKE_ROOM_CAPTION)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_NAME)}</th>
                            <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_CREATED)}</th>
                            <th scope="col">{tr(Key::SNAPSHOTS_COLUMN_SIZE)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(Key::SERVER_SNAPSHOTS_ACTIONS)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {keyed_list(
                            Signal::derive(move || candidates.with(|list| list.iter().map(|s| s.id).collect())),
                            Callback::new(move |id| {
                                let snapshot = candidates.with(|list| list.iter().find(|s| s.id == id).cloned());
                                snapshot.map(|snapshot| view! { <Candidate snapshot next actions/> }).into_any()
                            }),
                        )}
                    </tbody>
                </table>
            </div>
            <div class="form__buttons">
                <button type="button" class="button" data-autofocus on:click=move |_| actions.close()>{tr(Key::COMMON_CANCEL)}</button>
                {move || has_room.get().then(|| view! {
                    <button
                        type="button"
                        class="button button--primary"
                        on:click=move |_| actions.open(next.dialog())
                    >{tr(carry_on_label)}</button>
                })}
            </div>
        </Dialog>
    }
}

/// "Make room…": opens the list above for what the limit stopped (`next`).
#[component]
pub fn MakeRoomButton(
    next: Next,
    actions: Actions,
    /// The small size, inside a form or next to its explanation.
    #[prop(optional)]
    small: bool,
) -> impl IntoView {
    let session = use_session();
    let class = if small {
        "button button--small"
    } else {
        "button"
    };
    view! {
        <button
            type="button"
            class=class
            disabled=move || is_refused(session, Write::Delete)
            on:click=move |_| actions.open(OpenDialog::MakeRoom(next))
        >
            {tr(Key::MAKE_ROOM_BUTTON)}
        </button>
    }
}

#[component]
fn Candidate(snapshot: Snapshot, next: Next, actions: Actions) -> impl IntoView {
    let id = snapshot.id;
    let unfinished = snapshot.status != SnapshotStatus::Completed;
    view! {
        <tr data-snapshot-id=id.to_string()>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_NAME) class="cell-main mono-name">
                {snapshot.name.clone()}
                {unfinished.then(|| view! { " "<StatusBadge status=snapshot.status.to_string()/> })}
            </td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_CREATED)>{let at = snapshot.clone(); move || created_cell(&at, now_seconds())}</td>
            <td data-label=text(Key::SNAPSHOTS_COLUMN_SIZE) class="room-list__size">{let at = snapshot.clone(); move || size_cell(&at)}</td>
            <td data-label=text(Key::SERVER_SNAPSHOTS_ACTIONS) class="row-actions">
                <button
                    type="button"
                    class="button button--small button--danger-ghost"
                    on:click=move |_| actions.delete_to_make_room(id, next)
                >
                    {tr(Key::SERVER_SNAPSHOTS_DELETE)}<span class="visually-hidden">" "{snapshot.name.clone()}</span>
                </button>
            </td>
        </tr>
    }
}
