//! The servers page's state: the lists read from the API, the view in the URL, the search as
//! typed, and what follows from them (sorted and searched rows, the table's page). The views in
//! `page` read it; only this file writes it.

use super::fleet::Fleet;
use super::model::{search_within, sorted_order, ServersView, SortKey};
use crate::api::models::{Server, ServerStatus, Snapshot};
use crate::api::{ApiError, Listing, Progress, ServerFilter};
use crate::live::refresh_while;
use crate::load::{Load, Loaded};
use crate::router::{query_value, use_router, Navigation, Router};
use crate::session::use_session;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// Rows per page of the servers table.
pub const ROWS_PER_PAGE: usize = 50;

/// How long typing must pause before the search is written to the URL.
const SEARCH_TO_URL_MS: u32 = 400;

/// Everything the servers page shows, as signals. Cheap to copy into views.
#[derive(Clone, Copy)]
pub struct ServersStore {
    router: Router,
    /// The view in the URL: filters, sort and the search as last written.
    pub view_state: Memo<ServersView>,
    /// How far the servers list has come while its pages arrive.
    pub progress: RwSignal<Option<Progress>>,
    pub servers: Load<Result<Listing<Server>, ApiError>>,
    /// The complete unfiltered snapshot list: every server's "N of 5".
    pub snapshots: Load<Result<Listing<Snapshot>, ApiError>>,
    table_page: RwSignal<usize>,
    /// The search box's text, which filters at once; the URL follows once typing pauses.
    pub search_text: RwSignal<String>,
    keystrokes: StoredValue<u64>,
    write_pending: StoredValue<bool>,
    pub counts: Memo<Option<HashMap<u64, usize>>>,
    pub locations: Memo<Vec<String>>,
    /// The servers to show: the complete list.
    pub loaded: Memo<Loaded<Vec<Server>>>,
    /// Each server by id: a row reads its own server, so a refresh updates cells in place and
    /// a keystroke leaves the rows that stay untouched.
    pub by_id: Memo<HashMap<u64, Server>>,
    /// Every matching server's id, sorted.
    pub rows: Memo<Vec<u64>>,
    pub current_page: Memo<usize>,
    /// The ids on the table's current page.
    pub shown: Memo<Vec<u64>>,
    pub list_state: Memo<ListState>,
}

impl ServersStore {
    pub fn new() -> Self {
        let session = use_session();
        let router = use_router();
        let view_state = Memo::new(move |_| {
            router
                .search()
                .with(|search| ServersView::from_query(|k| query_value(search, k)))
        });
        let filter = Memo::new(move |_| view_state.with(ServersView::api_filter));

        let progress = RwSignal::new(None::<Progress>);
        let servers = Load::new(move || {
            let filter = filter.get();
            session.call(move |api| api.servers(&filter, move |p, _| progress.set(Some(p))))
        });
        // Read again when a fleet batch ends: it changed the counts.
        let batches_ended = use_context::<Fleet>().map(|fleet| fleet.ended);
        let snapshots = Load::new(move || {
            if let Some(ended) = batches_ended {
                ended.track();
            }
            session.call(|api| api.snapshots(None, |_, _| ()))
        });

        let search_text = RwSignal::new(view_state.with_untracked(|v| v.search.clone()));
        let write_pending = StoredValue::new(false);
        let url_search = Memo::new(move |_| view_state.with(|v| v.search.clone()));
        Effect::new(move |_| {
            // Back, forward or a link: the URL's search wins, unless a write of ours is pending.
            let from_url = url_search.get();
            if !write_pending.get_value() && search_text.with_untracked(|typed| *typed != from_url)
            {
                search_text.set(from_url);
            }
        });

        let counts = Memo::new(move |_| snapshot_counts(snapshots.get()));
        let locations = location_choices(filter, servers, view_state);
        // The table is drawn once the list is complete (progress shows meanwhile), so a row
        // never moves under the pointer while later pages arrive; a refresh keeps the rows
        // drawn until its answer is in.
        let loaded =
            Memo::new(move |_| Loaded::from_result(servers.get().map(|r| r.map(|l| l.results))));
        let by_id = Memo::new(move |_| {
            loaded.with(|l| {
                l.ready()
                    .map(|list| list.iter().map(|s| (s.id, s.clone())).collect())
                    .unwrap_or_default()
            })
        });
        let rows = sorted_rows(view_state, search_text, loaded, counts);
        let table_page = RwSignal::new(0_usize);
        let current_page =
            Memo::new(move |_| table_page.get().min(rows.with(|r| pages_for(r.len())) - 1));
        let list_state = list_state(view_state, loaded, rows);
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
        // A server that is restoring changes by itself: refresh until it is done.
        refresh_while(
            move || {
                loaded.with(|l| {
                    l.ready().is_some_and(|list| {
                        list.iter().any(|s| s.status == ServerStatus::Restoring)
                    })
                })
            },
            move || servers.refetch(),
        );

        Self {
            router,
            view_state,
            progress,
            servers,
            snapshots,
            table_page,
            search_text,
            keystrokes: StoredValue::new(0),
            write_pending,
            counts,
            locations,
            loaded,
            by_id,
            rows,
            current_page,
            shown,
            list_state,
        }
    }

    /// The view as the user sees it: the URL's filters and sort, with the search as typed.
    pub fn current_view(&self) -> ServersView {
        ServersView {
            search: self.search_text.get_untracked(),
            ..self.view_state.get_untracked()
        }
    }

    /// Writes a new view to the URL and goes back to the table's first page.
    pub fn set_view(&self, next: ServersView) {
        self.table_page.set(0);
        self.write_pending.set_value(false);
        self.search_text.set(next.search.clone());
        self.router
            .navigate(&format!("/servers{}", next.to_query()), Navigation::Replace);
    }

    pub fn sort_by(&self, key: SortKey) {
        self.set_view(self.current_view().sorted_by(key));
    }

    /// A keystroke in the search box: filters at once, and writes the URL once typing pauses.
    /// Each history write costs the browser more than the filtering itself (Chromium even
    /// fetches the favicon again), so writing it on every keystroke would cost a frame.
    pub fn search(&self, typed: String) {
        self.search_text.set(typed);
        self.table_page.set(0);
        // Each keystroke's number: a write waits, then goes ahead only if no keystroke came
        // since and the page is still there.
        let this = self.keystrokes.get_value() + 1;
        self.keystrokes.set_value(this);
        self.write_pending.set_value(true);
        let store = *self;
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(SEARCH_TO_URL_MS).await;
            let latest = store.keystrokes.try_get_value() == Some(this);
            if latest && store.write_pending.try_get_value() == Some(true) {
                store.set_view(store.current_view());
            }
        });
    }

    /// Pages of the table (at least one).
    pub fn page_count(&self) -> usize {
        self.rows.with(|r| pages_for(r.len()))
    }

    pub fn go_to_page(&self, page: usize) {
        self.table_page.set(page);
    }
}

/// The Location select's choices. They come from the unfiltered list: the main list itself when
/// no filter is set, and one more unfiltered read only while a filter is (a large account would
/// otherwise be read twice at every visit).
fn location_choices(
    filter: Memo<ServerFilter>,
    servers: Load<Result<Listing<Server>, ApiError>>,
    view_state: Memo<ServersView>,
) -> Memo<Vec<String>> {
    let session = use_session();
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
    Memo::new(move |previous: Option<&Vec<String>>| {
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
    })
}

/// What the page shows. Reads the list in place: this reruns at every keystroke, and a copy of
/// 10,000 servers each time was most of a keystroke's script (docs/performance.md).
fn list_state(
    view_state: Memo<ServersView>,
    loaded: Memo<Loaded<Vec<Server>>>,
    rows: Memo<Vec<u64>>,
) -> Memo<ListState> {
    Memo::new(move |_| {
        loaded.with(|loaded| match loaded {
            Loaded::Loading => ListState::Loading,
            Loaded::Failed(error) => ListState::Failed(error.clone()),
            Loaded::Ready(list)
                if list.is_empty() && !view_state.with(ServersView::has_filters) =>
            {
                ListState::NoServers
            }
            Loaded::Ready(_) if rows.with(Vec::is_empty) => ListState::NoMatch,
            Loaded::Ready(_) => ListState::Rows,
        })
    })
}

/// Pages of the table for `rows` matching servers (at least one, even when none match).
fn pages_for(rows: usize) -> usize {
    rows.div_ceil(ROWS_PER_PAGE).max(1)
}

/// Every matching server's id, in order. Sorting (the costly step) reruns only when the list,
/// the sort or the counts change; a keystroke in the search box only filters the sorted order.
fn sorted_rows(
    view_state: Memo<ServersView>,
    search_text: RwSignal<String>,
    loaded: Memo<Loaded<Vec<Server>>>,
    counts: Memo<Option<HashMap<u64, usize>>>,
) -> Memo<Vec<u64>> {
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
    Memo::new(move |_| {
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
    })
}

/// What the page shows; a refresh that changes only rows leaves it alone, so rows update in place.
#[derive(Clone, Debug, PartialEq)]
pub enum ListState {
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
