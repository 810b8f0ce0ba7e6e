//! The server page's data: loaded once, refreshed while something is in flight, and changed
//! in place by the actions' answers.

use super::super::model::{changes, in_flight, newest_first};
use crate::api::models::{Server, ServerStatus, Snapshot};
use crate::api::{ApiClient, ApiError, ServerFilter};
use crate::load::Loaded;
use crate::session::{ApiFuture, Session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

#[derive(Clone, Copy)]
pub struct PageStore {
    pub server_id: u64,
    session: Session,
    /// `Ready(None)`: the account has no server with this id.
    pub server: RwSignal<Loaded<Option<Server>>>,
    pub snapshots: RwSignal<Loaded<Vec<Snapshot>>>,
    /// Latest change, read out by the polite live region.
    pub announcement: RwSignal<String>,
    refreshing: StoredValue<bool>,
    /// The page's owner: reads are tied to the page, never to the view that asked for them
    /// (a Retry button is gone as soon as its load starts, and would cancel it).
    owner: StoredValue<Owner>,
}

impl PageStore {
    pub fn new(session: Session, server_id: u64) -> Self {
        Self {
            server_id,
            session,
            server: RwSignal::new(Loaded::Loading),
            snapshots: RwSignal::new(Loaded::Loading),
            announcement: RwSignal::new(String::new()),
            refreshing: StoredValue::new(false),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        }
    }

    /// Starts a read under the page's owner (see `owner`).
    fn read<T: 'static, F>(&self, make: impl FnOnce(&ApiClient) -> F) -> ApiFuture<T>
    where
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let session = self.session;
        match self.owner.try_get_value() {
            Some(owner) => owner.with(|| session.call(make)),
            // The page has gone: nothing to tie the read to.
            None => session.call(make),
        }
    }

    pub fn load_server(&self) {
        let store = *self;
        store.server.set(Loaded::Loading);
        let pending = self.read(|api| api.servers(&ServerFilter::default(), |_, _| ()));
        spawn_local(async move {
            let loaded = match pending.await {
                Ok(page) => {
                    Loaded::Ready(page.results.into_iter().find(|s| s.id == store.server_id))
                }
                Err(error) => Loaded::Failed(error),
            };
            store.server.try_set(loaded);
        });
    }

    pub fn load_snapshots(&self) {
        let store = *self;
        store.snapshots.set(Loaded::Loading);
        let id = self.server_id;
        let pending = self.read(move |api| api.snapshots(Some(id), |_, _| ()));
        spawn_local(async move {
            let loaded = match pending.await {
                Ok(page) => {
                    let mut list = page.results;
                    newest_first(&mut list);
                    Loaded::Ready(list)
                }
                Err(error) => Loaded::Failed(error),
            };
            store.snapshots.try_set(loaded);
        });
    }

    /// A quiet reload of both lists: rows update in place and changes are announced. A failed
    /// refresh keeps what is on screen (the next one may succeed).
    pub fn refresh(&self) {
        if self.refreshing.try_get_value().unwrap_or(true) {
            return;
        }
        self.refreshing.set_value(true);
        let store = *self;
        let id = self.server_id;
        let servers = self.read(|api| api.servers(&ServerFilter::default(), |_, _| ()));
        let snapshots = self.read(move |api| api.snapshots(Some(id), |_, _| ()));
        spawn_local(async move {
            let (servers, snapshots) = (servers.await, snapshots.await);
            let before_server = store
                .server
                .try_with_untracked(|s| s.ready().cloned().flatten())
                .flatten();
            let before_snapshots = store
                .snapshots
                .try_with_untracked(|s| s.ready().cloned().unwrap_or_default())
                .unwrap_or_default();
            let after_server = match servers {
                Ok(page) => page.results.into_iter().find(|s| s.id == id),
                Err(_) => before_server.clone(),
            };
            let after_snapshots = match snapshots {
                Ok(page) => {
                    let mut list = page.results;
                    newest_first(&mut list);
                    Some(list)
                }
                Err(_) => None,
            };
            let name = after_server
                .as_ref()
                .map(|s| s.name.clone())
                .unwrap_or_default();
            let said = changes(
                &before_snapshots,
                after_snapshots.as_deref().unwrap_or(&before_snapshots),
                &name,
                before_server.as_ref().map(|s| &s.status),
                after_server.as_ref().map(|s| &s.status),
            );
            if after_server != before_server {
                store.server.try_set(Loaded::Ready(after_server));
            }
            if let Some(list) = after_snapshots {
                if list != before_snapshots {
                    store.snapshots.try_set(Loaded::Ready(list));
                }
            }
            if !said.is_empty() {
                store.announcement.try_set(said.join(" "));
            }
            let _ = store.refreshing.try_set_value(false);
        });
    }

    /// Whether anything shown is still changing (tracked: use in views and memos).
    pub fn in_flight(&self) -> bool {
        let server = self
            .server
            .with(|s| s.ready().cloned().flatten().map(|s| s.status));
        self.snapshots.with(|s| {
            s.ready()
                .is_some_and(|list| in_flight(list, server.as_ref()))
        }) || server == Some(ServerStatus::Restoring)
    }

    pub fn snapshot(&self, id: u64) -> Option<Snapshot> {
        self.snapshots.with(|s| {
            s.ready()
                .and_then(|list| list.iter().find(|s| s.id == id).cloned())
        })
    }

    pub fn snapshot_untracked(&self, id: u64) -> Option<Snapshot> {
        untrack(|| self.snapshot(id))
    }

    pub fn snapshot_ids(&self) -> Vec<u64> {
        self.snapshots.with(|s| {
            s.ready()
                .map(|list| list.iter().map(|s| s.id).collect())
                .unwrap_or_default()
        })
    }

    pub fn snapshot_ids_untracked(&self) -> Vec<u64> {
        untrack(|| self.snapshot_ids())
    }

    pub fn count(&self) -> Option<usize> {
        self.snapshots.with(|s| s.ready().map(Vec::len))
    }

    /// A snapshot the API just created, shown at once at the top.
    pub fn insert(&self, snapshot: Snapshot) {
        self.snapshots.try_update(|loaded| {
            if let Loaded::Ready(list) = loaded {
                list.retain(|s| s.id != snapshot.id);
                list.insert(0, snapshot);
            }
        });
    }

    pub fn remove(&self, id: u64) {
        self.snapshots.try_update(|loaded| {
            if let Loaded::Ready(list) = loaded {
                list.retain(|s| s.id != id);
            }
        });
    }

    pub fn set_server_status(&self, status: ServerStatus) {
        self.server.try_update(|loaded| {
            if let Loaded::Ready(Some(server)) = loaded {
                server.status = status;
            }
        });
    }
}
