use super::SnapshotTable;
use crate::api::models::SnapshotStatus;
use crate::api::{Progress, ServerFilter};
use crate::components::{cut_short, use_page_title, ErrorPanel, ListCapNotice, Loading};
use crate::i18n::{t, text, tf, tr, Key};
use crate::live::refresh_while;
use crate::load::Load;
use crate::load::Loaded;
use crate::router::{use_router, Navigation};
use crate::session::use_session;
use leptos::prelude::*;

/// Every snapshot across servers, filterable by server (`?server_id=` in the URL and request).
#[component]
pub fn SnapshotsPage() -> impl IntoView {
    use_page_title(|| t(Key::SNAPSHOTS_TITLE).to_owned());
    let session = use_session();
    let router = use_router();
    let server_id = Memo::new(move |_| {
        router
            .query("server_id")
            .and_then(|id| id.parse::<u64>().ok())
    });
    let progress = RwSignal::new(None::<Progress>);
    let snapshots = Load::new(move || {
        let id = server_id.get();
        session.call(move |api| api.snapshots(id, move |p, _| progress.set(Some(p))))
    });
    // The table is drawn once the list is complete (progress shows meanwhile), so a row never
    // moves under the pointer while later pages arrive.
    let rows = Memo::new(move |_| match snapshots.get() {
        Some(Ok(page)) => page.results,
        _ => Vec::new(),
    });
    // Ready(true): there are rows. Only a change of this rebuilds the table.
    let list_state = Memo::new(move |_| {
        Loaded::from_result(
            snapshots
                .get()
                .map(|r| r.map(|page| !page.results.is_empty())),
        )
    });
    // A snapshot in progress changes by itself: refresh until it is done.
    refresh_while(
        move || rows.with(|list| list.iter().any(|s| s.status == SnapshotStatus::InProgress)),
        move || snapshots.refetch(),
    );

    view! {
        <div class="page-head"><h1>{tr(Key::SNAPSHOTS_TITLE)}</h1></div>
        <ServerSelect server_id/>
        {move || {
            snapshots
                .with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).and_then(cut_short))
                .map(|(shown, total)| view! { <ListCapNotice what=Key::SNAPSHOTS_WHAT shown total/> })
        }}
        {move || match list_state.get() {
            Loaded::Loading => view! { <Loading what=Key::SNAPSHOTS_WHAT progress/> }.into_any(),
            Loaded::Failed(error) => view! {
                <ErrorPanel title=Key::SNAPSHOTS_LOAD_FAILED error on_retry=Callback::new(move |()| snapshots.refetch())/>
            }
            .into_any(),
            Loaded::Ready(false) => view! {
                <div class="empty-state">
                    <p class="empty-state__title">
                        {move || t(if server_id.get().is_some() { Key::SNAPSHOTS_NONE_FOR_SERVER } else { Key::SNAPSHOTS_NONE })}
                    </p>
                </div>
            }
            .into_any(),
            Loaded::Ready(true) => view! {
                <SnapshotTable rows caption=Key::SNAPSHOTS_ALL_CAPTION/>
            }
            .into_any(),
        }}
    }
}

/// The server filter: every server of the account by name, and the one in the URL even when the
/// list does not have it (a deleted server's snapshots stay reachable).
#[component]
fn ServerSelect(
    /// The server in the URL's `?server_id=`, if any.
    server_id: Memo<Option<u64>>,
) -> impl IntoView {
    let session = use_session();
    let router = use_router();
    let servers =
        Load::new(move || session.call(|api| api.servers(&ServerFilter::default(), |_, _| ())));
    let on_server = move |ev| {
        let value = event_target_value(&ev);
        let path = if value.is_empty() {
            "/snapshots".to_owned()
        } else {
            format!("/snapshots?server_id={value}")
        };
        router.navigate(&path, Navigation::Replace);
    };
    let selected = move || server_id.get().map(|id| id.to_string()).unwrap_or_default();
    view! {
        <div class="filter-bar" role="search" aria-label=text(Key::SNAPSHOTS_FILTER_LABEL)>
            <label class="field field--inline">
                <span class="field__label">{tr(Key::SNAPSHOTS_SERVER)}</span>
                <select class="select" prop:value=selected on:change=on_server>
                    <option value="" selected=move || selected().is_empty()>{tr(Key::SNAPSHOTS_ALL_SERVERS)}</option>
                    {move || {
                        let mut options: Vec<(String, String)> = servers
                            .get()
                            .and_then(Result::ok)
                            .map(|page| page.results.into_iter().map(|s| (s.id.to_string(), s.name)).collect())
                            .unwrap_or_default();
                        let current = selected();
                        if !current.is_empty() && !options.iter().any(|(id, _)| *id == current) {
                            options.push((current.clone(), tf(Key::SNAPSHOTS_SERVER_NUMBER, &[("id", &current)])));
                        }
                        options
                            .into_iter()
                            .map(|(id, name)| {
                                let is_selected = id == current;
                                view! { <option value=id selected=is_selected>{name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        </div>
    }
}
