//! The servers page: the filters, the list in whichever state it is in, the result count and
//! the table's pager. The state lives in `store`; these views only read it and call it.

use super::filter_bar::FilterBar;
use super::fleet::SelectionBar;
use super::model::ServersView;
use super::store::{ListState, ServersStore, ROWS_PER_PAGE};
use super::table::ServersTable;
use crate::components::{cut_short, use_page_title, ErrorPanel, ListCapNotice, Loading};
use crate::format::count;
use crate::i18n::{t, text, tf, tn, tr, Key};
use leptos::prelude::*;

#[component]
pub fn ServersPage() -> impl IntoView {
    use_page_title(|| t(Key::SERVERS_TITLE).to_owned());
    let store = ServersStore::new();
    let (servers, snapshots) = (store.servers, store.snapshots);
    view! {
        <div class="page-head">
            <h1>{tr(Key::SERVERS_TITLE)}</h1>
        </div>
        <FilterBar store/>
        {move || {
            servers
                .with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).and_then(cut_short))
                .map(|(shown, total)| view! { <ListCapNotice what=Key::SERVERS_WHAT shown total/> })
        }}
        {move || match snapshots.get() {
            Some(Err(error)) if !error.is_unauthorized() => view! {
                <ErrorPanel
                    title=Key::SERVERS_COUNTS_FAILED
                    error
                    on_retry=Callback::new(move |()| snapshots.refetch())
                />
            }
            .into_any(),
            _ => ().into_any(),
        }}
        {move || list_view(store, store.list_state.get())}
    }
}

/// The list as its state calls for: loading, an error, empty, no match, or the rows.
fn list_view(store: ServersStore, state: ListState) -> AnyView {
    let progress = store.progress;
    match state {
        ListState::Loading => view! { <Loading what=Key::SERVERS_WHAT progress/> }.into_any(),
        ListState::Failed(error) => view! {
            <ErrorPanel
                title=Key::SERVERS_LOAD_FAILED
                error
                on_retry=Callback::new(move |()| store.servers.refetch())
            />
        }
        .into_any(),
        ListState::NoServers => view! {
            <div class="empty-state">
                <p class="empty-state__title">{tr(Key::SERVERS_NONE_TITLE)}</p>
                <p>{tr(Key::SERVERS_NONE_TEXT)}</p>
            </div>
        }
        .into_any(),
        ListState::NoMatch => view! {
            <div class="empty-state">
                <p class="empty-state__title">{tr(Key::SERVERS_NO_MATCH)}</p>
                <button type="button" class="button" on:click=move |_| store.set_view(ServersView::default())>
                    {tr(Key::SERVERS_CLEAR_FILTERS)}
                </button>
            </div>
        }
        .into_any(),
        ListState::Rows => view! {
            <SelectionBar matching=store.rows/>
            <p class="result-count" aria-live="polite">{move || result_count(store)}</p>
            <ServersTable
                rows=store.shown
                servers=store.by_id
                view_state=store.view_state
                on_sort=Callback::new(move |key| store.sort_by(key))
                counts=store.counts
            />
            {move || (store.page_count() > 1).then(|| view! { <Pager store/> })}
        }
        .into_any(),
    }
}

/// "Showing 1–50 of 1,006 matching servers (1,006 in all)".
fn result_count(store: ServersStore) -> String {
    let total = store.loaded.with(|l| l.ready().map_or(0, Vec::len));
    let matching = store.rows.with(Vec::len);
    if matching <= ROWS_PER_PAGE {
        tn(
            Key::SERVERS_SHOWN,
            total as u64,
            &[("shown", &count(matching as u64))],
        )
    } else {
        let first = store.current_page.get() * ROWS_PER_PAGE + 1;
        let last = (first + ROWS_PER_PAGE - 1).min(matching);
        let (first, last) = (count(first as u64), count(last as u64));
        let (matching, total) = (count(matching as u64), count(total as u64));
        tf(
            Key::SERVERS_SHOWN_RANGE,
            &[
                ("first", &first),
                ("last", &last),
                ("matching", &matching),
                ("total", &total),
            ],
        )
    }
}

/// Previous / "Page 2 of 21" / Next under the table.
#[component]
fn Pager(
    /// The page's state: which table page is shown and how many there are.
    store: ServersStore,
) -> impl IntoView {
    let current_page = store.current_page;
    view! {
        <nav class="pager" aria-label=text(Key::SERVERS_PAGES_LABEL)>
            <button
                type="button"
                class="button"
                disabled=move || current_page.get() == 0
                on:click=move |_| store.go_to_page(current_page.get_untracked().saturating_sub(1))
            >{tr(Key::SERVERS_PREVIOUS_PAGE)}</button>
            <span class="pager__where">{move || {
                let page = count(current_page.get() as u64 + 1);
                let pages = count(store.page_count() as u64);
                tf(Key::SERVERS_PAGE_OF, &[("page", &page), ("pages", &pages)])
            }}</span>
            <button
                type="button"
                class="button"
                disabled=move || { current_page.get() + 1 >= store.page_count() }
                on:click=move |_| store.go_to_page(current_page.get_untracked() + 1)
            >{tr(Key::SERVERS_NEXT_PAGE)}</button>
        </nav>
    }
}
