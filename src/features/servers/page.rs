use super::model::{search_within, sorted_order, ServersView, SortKey, STATUS_FILTERS};
use crate::api::models::{Plan, Server, ServerStatus, Snapshot};
use crate::api::{
    ApiError, Listing, Progress, ServerFilter, SNAPSHOTS_PER_SERVER as SNAPSHOT_LIMIT,
};
use crate::base_path::href;
use crate::components::{
    cut_short, keyed_list, status_label, use_page_title, ErrorPanel, ListCapNotice, Loading,
    StatusBadge,
};
use crate::format::{count, plan_resources};
use crate::i18n::{t, text, tf, tn, tr, Key};
use crate::live::refresh_while;
use crate::load::Load;
use crate::load::Loaded;
use crate::router::{query_value, use_router, Navigation};
use crate::session::use_session;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// Rows per page of the servers table.
pub const ROWS_PER_PAGE: usize = 50;

/// How long typing must pause before the search is written to the URL.
const SEARCH_TO_URL_MS: u32 = 400;

#[component]
pub fn ServersPage() -> impl IntoView {
    use_page_title(|| t(Key::SERVERS_TITLE).to_owned());
    let session = use_session();
    let router = use_router();
    let view_state = Memo::new(move |_| {
        router
            .search()
            .with(|search| ServersView::from_query(|k| query_value(search, k)))
    });
    let filter = Memo::new(move |_| view_state.with(ServersView::api_filter));

    let progress = RwSignal::new(None::<Progress>);
    // The first page of a list that has more, shown while the rest arrives; kept with the
    // filter it was read for, so it never stands in for another filter's list.
    let first_page = RwSignal::new(None::<(ServerFilter, Vec<Server>)>);
    let servers = Load::new(move || {
        let filter = filter.get();
        let read_for = filter.clone();
        session.call(move |api| {
            api.servers(&filter, move |p, page| {
                progress.set(Some(p));
                let more_to_come = p.count.is_some_and(|total| total > p.loaded as u64);
                if p.loaded == page.len() && more_to_come {
                    first_page.set(Some((read_for.clone(), page.to_vec())));
                }
            })
        })
    });
    // The Location choices come from the unfiltered list: the main list itself when no filter
    // is set, and one more unfiltered read only while a filter is (a large account would
    // otherwise be read twice at every visit).
    let filtered = Memo::new(move |_| filter.with(|f| *f != ServerFilter::default()));
    let all_servers = Load::new(move || {
        let pending = filtered
            .get()
            .then(|| session.call(|api| api.servers(&ServerFilter::default(), |_, _| ())));
        async move {
            match pending {
                Some(pending) => Some(pending.await),
                None => None,
            }
        }
    });
    // The complete unfiltered snapshot list gives every server's "N of 5".
    let snapshots = Load::new(move || session.call(|api| api.snapshots(None, |_, _| ())));

    let table_page = RwSignal::new(0_usize);
    // The search box filters at once; the URL follows once typing pauses. Each history write
    // costs the browser more than the filtering itself (Chromium even fetches the favicon
    // again), so writing it on every keystroke would cost a frame.
    let search_text = RwSignal::new(view_state.with_untracked(|v| v.search.clone()));
    // Each keystroke's number: a write waits, then goes ahead only if no keystroke came since
    // and the page is still there.
    let keystrokes = StoredValue::new(0_u64);
    let write_pending = StoredValue::new(false);
    let url_search = Memo::new(move |_| view_state.with(|v| v.search.clone()));
    Effect::new(move |_| {
        // Back, forward or a link: the URL's search wins, unless a write of ours is pending.
        let from_url = url_search.get();
        if !write_pending.get_value() && search_text.with_untracked(|typed| *typed != from_url) {
            search_text.set(from_url);
        }
    });
    // The view as the user sees it: the URL's filters and sort, with the search as typed.
    let current_view = move || ServersView {
        search: search_text.get_untracked(),
        ..view_state.get_untracked()
    };
    let set_view = move |next: ServersView| {
        table_page.set(0);
        write_pending.set_value(false);
        search_text.set(next.search.clone());
        router.navigate(&format!("/servers{}", next.to_query()), Navigation::Replace);
    };

    let counts = Memo::new(move |_| snapshot_counts(snapshots.get()));
    let locations = Memo::new(move |previous: Option<&Vec<String>>| {
        let unfiltered = if filtered.get() {
            all_servers.with(|r| r.as_ref().and_then(|r| r.as_ref().map(locations_of)))
        } else {
            servers.with(|r| r.as_ref().map(locations_of))
        };
        // While the unfiltered list loads, keep the choices already shown.
        // (Inserted, not collected: see `locations_of`.)
        let mut found = BTreeSet::new();
        match unfiltered {
            Some(loaded) => found = loaded,
            None => found.extend(previous.into_iter().flatten().cloned()),
        }
        found.extend(view_state.with(|v| v.location.clone()));
        found.into_iter().collect::<Vec<_>>()
    });

    let loaded = Memo::new(move |_| match servers.get() {
        Some(result) => Loaded::from_result(Some(result.map(|listing| listing.results))),
        None => first_page.with(|first| match first {
            Some((read_for, page)) if filter.with(|current| current == read_for) => {
                Loaded::Ready(page.clone())
            }
            _ => Loaded::Loading,
        }),
    });
    // Rows are on screen but more pages are still coming: said plainly, never shown as complete.
    let partial = Memo::new(move |_| {
        servers.with(|result| result.is_none()) && loaded.with(|l| l.ready().is_some())
    });
    // Each server by id: a row reads its own server, so a refresh updates cells in place and
    // a keystroke leaves the rows that stay untouched.
    let by_id = Memo::new(move |_| {
        loaded.with(|l| {
            l.ready()
                .map(|list| list.iter().map(|s| (s.id, s.clone())).collect())
                .unwrap_or_default()
        })
    });
    // Sorting (the costly step) reruns only when the list, the sort or the counts change;
    // a keystroke in the search box only filters the sorted order.
    let sort = Memo::new(move |_| view_state.with(|v| (v.sort, v.descending)));
    let search = Memo::new(move |_| search_text.get());
    let sorted = Memo::new(move |_| {
        let counts = counts.get();
        let (key, descending) = sort.get();
        loaded.with(|l| {
            l.ready()
                .map(|list| {
                    sorted_order(list, key, descending, |id| {
                        counts.as_ref().map(|c| c.get(&id).copied().unwrap_or(0))
                    })
                })
                .unwrap_or_default()
        })
    });
    // Every matching server's id, in order.
    let rows = Memo::new(move |_| {
        let search = search.get();
        loaded.with(|l| {
            let list = l.ready().map(Vec::as_slice).unwrap_or_default();
            sorted.with(|order| {
                search_within(list, order, &search)
                    .into_iter()
                    .filter_map(|at| list.get(at).map(|s| s.id))
                    .collect::<Vec<u64>>()
            })
        })
    });
    // The table shows one page of rows at a time: a long list stays quick to search and sort.
    let page_count = move || rows.with(Vec::len).div_ceil(ROWS_PER_PAGE).max(1);
    let current_page = Memo::new(move |_| table_page.get().min(page_count() - 1));
    let shown = Memo::new(move |_| {
        let start = current_page.get() * ROWS_PER_PAGE;
        rows.with(|r| {
            r.iter()
                .skip(start)
                .take(ROWS_PER_PAGE)
                .copied()
                .collect::<Vec<u64>>()
        })
    });
    // Reads the list in place: this reruns at every keystroke, and a copy of 10,000 servers
    // each time was most of a keystroke's script (docs/performance.md).
    let list_state = Memo::new(move |_| {
        loaded.with(|loaded| match loaded {
            Loaded::Loading => ListState::Loading,
            Loaded::Failed(error) => ListState::Failed(error.clone()),
            Loaded::Ready(list)
                if list.is_empty() && !view_state.with(ServersView::has_filters) =>
            {
                ListState::NoServers
            }
            Loaded::Ready(_) if partial.get() && rows.with(Vec::is_empty) => ListState::Loading,
            Loaded::Ready(_) if rows.with(Vec::is_empty) => ListState::NoMatch,
            Loaded::Ready(_) => ListState::Rows,
        })
    });
    // A server that is restoring changes by itself: refresh until it is done.
    refresh_while(
        move || {
            // Not while the list is still arriving: a refresh would start it over.
            !partial.get()
                && loaded.with(|l| {
                    l.ready().is_some_and(|list| {
                        list.iter().any(|s| s.status == ServerStatus::Restoring)
                    })
                })
        },
        move || servers.refetch(),
    );

    let on_sort = Callback::new(move |key: SortKey| set_view(current_view().sorted_by(key)));
    let on_search = Callback::new(move |typed: String| {
        search_text.set(typed);
        table_page.set(0);
        let this = keystrokes.get_value() + 1;
        keystrokes.set_value(this);
        write_pending.set_value(true);
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(SEARCH_TO_URL_MS).await;
            let latest = keystrokes.try_get_value() == Some(this);
            if latest && write_pending.try_get_value() == Some(true) {
                set_view(current_view());
            }
        });
    });
    let current = Callback::new(move |()| current_view());

    view! {
        <div class="page-head">
            <h1>{tr(Key::SERVERS_TITLE)}</h1>
        </div>
        <FilterBar view_state current search_text on_search locations set_view/>
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
        {move || match list_state.get() {
            ListState::Loading => view! { <Loading what=Key::SERVERS_WHAT progress/> }.into_any(),
            ListState::Failed(error) => view! {
                <ErrorPanel
                    title=Key::SERVERS_LOAD_FAILED
                    error
                    on_retry=Callback::new(move |()| servers.refetch())
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
                    <button type="button" class="button" on:click=move |_| set_view(ServersView::default())>
                        {tr(Key::SERVERS_CLEAR_FILTERS)}
                    </button>
                </div>
            }
            .into_any(),
            ListState::Rows => view! {
                {move || partial.get().then(|| view! { <Loading what=Key::SERVERS_WHAT_REST progress/> })}
                <p class="result-count" aria-live="polite">{move || {
                    let total = loaded.with(|l| l.ready().map_or(0, Vec::len));
                    let matching = rows.with(Vec::len);
                    if partial.get() {
                        let shown = count(matching.min(ROWS_PER_PAGE) as u64);
                        let total = count(total as u64);
                        tf(Key::SERVERS_SHOWN_PARTIAL, &[("shown", &shown), ("total", &total)])
                    } else if matching <= ROWS_PER_PAGE {
                        tn(Key::SERVERS_SHOWN, total as u64, &[("shown", &count(matching as u64))])
                    } else {
                        let first = current_page.get() * ROWS_PER_PAGE + 1;
                        let last = (first + ROWS_PER_PAGE - 1).min(matching);
                        let (first, last) = (count(first as u64), count(last as u64));
                        let (matching, total) = (count(matching as u64), count(total as u64));
                        tf(
                            Key::SERVERS_SHOWN_RANGE,
                            &[("first", &first), ("last", &last), ("matching", &matching), ("total", &total)],
                        )
                    }
                }}</p>
                <ServersTable rows=shown servers=by_id view_state on_sort counts/>
                {move || (page_count() > 1).then(|| view! {
                    <nav class="pager" aria-label=text(Key::SERVERS_PAGES_LABEL)>
                        <button
                            type="button"
                            class="button"
                            disabled=move || current_page.get() == 0
                            on:click=move |_| table_page.set(current_page.get_untracked().saturating_sub(1))
                        >{tr(Key::SERVERS_PREVIOUS_PAGE)}</button>
                        <span class="pager__where">{move || {
                            let page = count(current_page.get() as u64 + 1);
                            let pages = count(page_count() as u64);
                            tf(Key::SERVERS_PAGE_OF, &[("page", &page), ("pages", &pages)])
                        }}</span>
                        <button
                            type="button"
                            class="button"
                            disabled=move || { current_page.get() + 1 >= page_count() }
                            on:click=move |_| table_page.set(current_page.get_untracked() + 1)
                        >{tr(Key::SERVERS_NEXT_PAGE)}</button>
                    </nav>
                })}
            }
            .into_any(),
        }}
    }
}

/// What the page shows; a refresh that changes only rows leaves it alone, so rows update in place.
#[derive(Clone, Debug, PartialEq)]
enum ListState {
    Loading,
    Failed(ApiError),
    NoServers,
    NoMatch,
    Rows,
}

fn locations_of(servers: &Result<Listing<Server>, ApiError>) -> BTreeSet<String> {
    // Inserted one by one: collecting into a B-tree sorts first, and that sort is code the
    // wasm would carry for this one place.
    let mut found = BTreeSet::new();
    for server in servers.iter().flat_map(|listing| &listing.results) {
        if let Some(location) = &server.location {
            if !found.contains(location) {
                found.insert(location.clone());
            }
        }
    }
    found
}

fn snapshot_counts(
    snapshots: Option<Result<Listing<Snapshot>, ApiError>>,
) -> Option<HashMap<u64, usize>> {
    let page = snapshots?.ok()?;
    // A list cut short at the page cap would undercount: show no count rather than a wrong one.
    if page.truncated {
        return None;
    }
    let mut counts = HashMap::new();
    for snapshot in page.results {
        *counts.entry(snapshot.server.id).or_insert(0) += 1;
    }
    Some(counts)
}

#[component]
fn FilterBar(
    /// The current view, read from the URL.
    view_state: Memo<ServersView>,
    /// The view as shown now (the URL's, with the search as typed).
    current: Callback<(), ServersView>,
    /// The search box's text.
    search_text: RwSignal<String>,
    /// Called with the search box's text at each keystroke.
    on_search: Callback<String>,
    /// Choices for the Location select.
    locations: Memo<Vec<String>>,
    /// Writes a new view to the URL.
    set_view: impl Fn(ServersView) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let on_status = {
        let set_view = set_view.clone();
        move |ev| {
            let value = event_target_value(&ev);
            set_view(ServersView {
                status: (!value.is_empty()).then_some(value),
                ..current.run(())
            })
        }
    };
    let on_location = {
        let set_view = set_view.clone();
        move |ev| {
            let value = event_target_value(&ev);
            set_view(ServersView {
                location: (!value.is_empty()).then_some(value),
                ..current.run(())
            })
        }
    };
    let status = move || view_state.with(|v| v.status.clone().unwrap_or_default());
    let location = move || view_state.with(|v| v.location.clone().unwrap_or_default());
    view! {
        <div class="filter-bar" role="search" aria-label=text(Key::SERVERS_FILTER_LABEL)>
            <label class="field field--inline">
                <span class="field__label">{tr(Key::SERVERS_STATUS)}</span>
                <select class="select" prop:value=status on:change=on_status>
                    <option value="" selected=move || status().is_empty()>{tr(Key::SERVERS_ALL)}</option>
                    {STATUS_FILTERS
                        .into_iter()
                        .map(|value| view! {
                            <option value=value selected=move || status() == value>{move || status_label(value)}</option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field field--inline">
                <span class="field__label">{tr(Key::SERVERS_LOCATION)}</span>
                <select class="select" prop:value=location on:change=on_location>
                    <option value="" selected=move || location().is_empty()>{tr(Key::SERVERS_ALL)}</option>
                    {move || locations
                        .get()
                        .into_iter()
                        .map(|value| {
                            let selected = location() == value;
                            view! { <option value=value.clone() selected=selected>{value.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field field--inline field--grow">
                <span class="field__label">{tr(Key::SERVERS_SEARCH)}</span>
                <input
                    class="input"
                    type="search"
                    placeholder=text(Key::SERVERS_SEARCH_PLACEHOLDER)
                    prop:value=search_text
                    on:input=move |ev| on_search.run(event_target_value(&ev))
                />
            </label>
        </div>
    }
}

#[component]
fn ServersTable(
    /// The ids of the rows to show, searched, sorted and cut to one page.
    rows: Memo<Vec<u64>>,
    /// Every server by id, for the rows to read.
    servers: Memo<HashMap<u64, Server>>,
    /// The current view (for the sort headers).
    view_state: Memo<ServersView>,
    /// Called with the column the user sorts by.
    on_sort: Callback<SortKey>,
    /// Snapshots per server id, when known.
    counts: Memo<Option<HashMap<u64, usize>>>,
) -> impl IntoView {
    let headers = SortKey::ALL
        .into_iter()
        .map(|key| {
            let direction = move || {
                view_state.with(|v| match (v.sort == key, v.descending) {
                    (false, _) => None,
                    (true, false) => Some("ascending"),
                    (true, true) => Some("descending"),
                })
            };
            let arrow = move || match direction() {
                Some("ascending") => "▲",
                Some(_) => "▼",
                None => "↕",
            };
            view! {
                <th scope="col" aria-sort=direction>
                    <button type="button" class="sort-button" on:click=move |_| on_sort.run(key)>
                        {tr(key.label())}
                        <span class="sort-button__arrow" aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    // Rows are slots, made once and never thrown away: a keystroke, a sort or a page turn
    // rewrites the text of the slots it needs (a few hundred text updates) instead of building
    // and dropping rows (their elements and reactive cells), which cost a frame and more.
    // Slots with no server in them are hidden.
    let slots =
        Memo::new(move |made: Option<&usize>| rows.with(Vec::len).max(made.copied().unwrap_or(0)));
    view! {
        <div class="table-wrap">
            <table class="data-table data-table--sortable">
                <caption class="visually-hidden">{tr(Key::SERVERS_TITLE)}</caption>
                <thead><tr>{headers}</tr></thead>
                <tbody>
                    {keyed_list(
                        Signal::derive(move || (0..slots.get() as u64).collect()),
                        Callback::new(move |position| {
                            view! { <ServerRow position=position as usize rows servers counts/> }.into_any()
                        }),
                    )}
                </tbody>
            </table>
        </div>
    }
}

/// One slot of the table: the server at this position of the page, if there is one. Refreshes
/// and keystrokes update its cells in place.
#[component]
fn ServerRow(
    /// The position on the page this row shows.
    position: usize,
    /// The ids of the rows on this page.
    rows: Memo<Vec<u64>>,
    /// Every server by id, to read this one from.
    servers: Memo<HashMap<u64, Server>>,
    /// Snapshots per server id, when known.
    counts: Memo<Option<HashMap<u64, usize>>>,
) -> impl IntoView {
    let id = Memo::new(move |_| rows.with(|r| r.get(position).copied()));
    let server = Memo::new(move |_| {
        id.get()
            .and_then(|id| servers.with(|m| m.get(&id).cloned()))
    });
    let field = move |read: fn(&Server) -> Option<String>| {
        move || {
            server
                .with(|s| s.as_ref().and_then(read))
                .unwrap_or_else(|| "—".into())
        }
    };
    let status = Signal::derive(move || {
        server.with(|s| s.as_ref().map(|s| s.status.to_string()).unwrap_or_default())
    });
    let plan = move |read: fn(&Plan) -> String| {
        move || server.with(|s| s.as_ref().and_then(|s| s.plan.as_ref().map(read)))
    };
    let snapshots_used = move || {
        let id = id.get()?;
        counts.with(|c| c.as_ref().map(|c| c.get(&id).copied().unwrap_or(0)))
    };
    view! {
        <tr hidden=move || id.with(Option::is_none) data-server-id=move || id.get().map(|id| id.to_string())>
            <td data-label=text(Key::SERVERS_COLUMN_NAME)>
                // A plain link (the router follows it all the same): `<A>` would add a memo and a
                // router lookup to every row.
                <a href=move || id.get().map(|id| href(&format!("/servers/{id}"))) class="cell-main link-strong">
                    {field(|s| Some(s.name.clone()))}
                </a>
                <span class="cell-sub">{move || server.with(|s| s.as_ref().and_then(|s| s.hostname.clone()))}</span>
            </td>
            <td data-label=text(Key::SERVERS_COLUMN_STATUS)><StatusBadge status/></td>
            <td data-label=text(Key::SERVERS_COLUMN_LOCATION)>{field(|s| s.location.clone())}</td>
            <td data-label=text(Key::SERVERS_COLUMN_IP) class="mono">{field(|s| s.ip_address.clone())}</td>
            <td data-label=text(Key::SERVERS_COLUMN_PLAN)>
                <span class="cell-main">{plan(|plan| plan.name.clone())}</span>
                <span class="cell-sub">{plan(plan_resources)}</span>
            </td>
            <td data-label=text(Key::SERVERS_COLUMN_OS)>{field(|s| s.os.as_ref().map(|os| os.name.clone()))}</td>
            <td data-label=text(Key::SERVERS_COLUMN_SNAPSHOTS)>
                {move || match snapshots_used() {
                    Some(used) => {
                        let (used, limit) = (count(used as u64), count(SNAPSHOT_LIMIT as u64));
                        tf(Key::SERVERS_SNAPSHOT_COUNT, &[("n", &used), ("limit", &limit)])
                    }
                    None => "—".to_owned(),
                }}
                {move || snapshots_used().is_some_and(|c| c >= SNAPSHOT_LIMIT).then(|| view! { <span class="cell-sub">{tr(Key::SERVERS_LIMIT_REACHED)}</span> })}
            </td>
        </tr>
    }
}
