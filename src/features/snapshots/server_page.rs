use super::{now_seconds, SnapshotTable, SNAPSHOT_LIMIT};
use crate::api::models::{Page, Server, Snapshot};
use crate::api::{ApiError, ServerFilter};
use crate::components::{use_page_title, ErrorPanel, Loading, StatusBadge};
use crate::format::plan_resources;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// One server: its summary and its snapshots. The API has no per-server GET, so the server
/// comes from the servers list.
#[component]
pub fn ServerPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let server_id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<u64>().ok())));

    let servers =
        LocalResource::new(move || session.call(|api| api.servers(&ServerFilter::default())));
    let snapshots = LocalResource::new(move || {
        let pending = server_id
            .get()
            .map(|id| session.call(move |api| api.snapshots(Some(id))));
        async move {
            match pending {
                Some(pending) => pending.await,
                None => Ok(Page {
                    count: Some(0),
                    results: Vec::new(),
                }),
            }
        }
    });

    let server = Memo::new(move |_| {
        let id = server_id.get();
        servers
            .get()
            .map(|result| result.map(|page| page.results.into_iter().find(|s| Some(s.id) == id)))
    });
    use_page_title(move || match server.get() {
        Some(Ok(Some(server))) => server.name,
        Some(Ok(None)) => "Server not found".to_owned(),
        _ => "Server".to_owned(),
    });

    move || {
        match server.get() {
        None => view! { <Loading what="server"/> }.into_any(),
        Some(Err(error)) => view! {
            <nav class="breadcrumb" aria-label="Breadcrumb"><A href="/servers">"Servers"</A></nav>
            <ErrorPanel title="Could not load this server" error on_retry=Callback::new(move |()| servers.refetch())/>
        }
        .into_any(),
        Some(Ok(None)) => view! { <ServerNotFound id=server_id.get()/> }.into_any(),
        Some(Ok(Some(server))) => view! {
            <ServerSummary server=server.clone()/>
            <ServerSnapshots snapshots/>
        }
        .into_any(),
    }
    }
}

#[component]
fn ServerNotFound(id: Option<u64>) -> impl IntoView {
    let detail = match id {
        Some(id) => {
            format!("There is no server with id {id} in this account. It may have been deleted.")
        }
        None => "That address does not name a server.".to_owned(),
    };
    view! {
        <div class="empty-state">
            <h1>"Server not found"</h1>
            <p>{detail}</p>
            <A href="/servers" attr:class="button">"Back to servers"</A>
        </div>
    }
}

#[component]
fn ServerSummary(server: Server) -> impl IntoView {
    let fact = |label: &'static str, value: String| {
        view! {
            <div class="facts__item">
                <dt>{label}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let plan = server
        .plan
        .as_ref()
        .map(|p| format!("{} ({})", p.name, plan_resources(p)))
        .unwrap_or_else(|| "—".into());
    view! {
        <nav class="breadcrumb" aria-label="Breadcrumb"><A href="/servers">"Servers"</A></nav>
        <div class="page-head">
            <h1>{server.name.clone()}</h1>
            <StatusBadge status=server.status.to_string()/>
        </div>
        <dl class="facts">
            <div class="facts__item">
                <dt>"Status"</dt>
                <dd><StatusBadge status=server.status.to_string()/></dd>
            </div>
            {fact("Location", server.location.clone().unwrap_or_else(|| "—".into()))}
            {fact("IP address", server.ip_address.clone().unwrap_or_else(|| "—".into()))}
            {fact("Hostname", server.hostname.clone().unwrap_or_else(|| "—".into()))}
            {fact("Plan", plan)}
            {fact("OS", server.os.as_ref().map(|o| o.name.clone()).unwrap_or_else(|| "—".into()))}
        </dl>
    }
}

#[component]
fn ServerSnapshots(
    /// This server's snapshots.
    snapshots: LocalResource<Result<Page<Snapshot>, ApiError>>,
) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="snapshots-heading">
            <div class="section__head">
                <h2 id="snapshots-heading">"Snapshots"</h2>
                {move || snapshots.get().and_then(Result::ok).map(|page| {
                    let used = page.results.len();
                    view! { <Quota used/> }
                })}
            </div>
            {move || match snapshots.get() {
                None => view! { <Loading what="snapshots"/> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorPanel title="Could not load snapshots" error on_retry=Callback::new(move |()| snapshots.refetch())/>
                }
                .into_any(),
                Some(Ok(page)) if page.results.is_empty() => view! {
                    <div class="empty-state">
                        <p class="empty-state__title">"No snapshots yet."</p>
                        <p>"Take a snapshot before a risky change, such as an upgrade or a configuration change, so you can roll back."</p>
                    </div>
                }
                .into_any(),
                Some(Ok(page)) => view! {
                    <SnapshotTable rows=page.results now=now_seconds() caption="Snapshots of this server"/>
                }
                .into_any(),
            }}
        </section>
    }
}

/// "N of 5 snapshots used", with a bar that is decoration only.
#[component]
fn Quota(used: usize) -> impl IntoView {
    let percent = (used.min(SNAPSHOT_LIMIT) * 100) / SNAPSHOT_LIMIT;
    let full = used >= SNAPSHOT_LIMIT;
    view! {
        <div class="quota" class:quota--full=full>
            <span class="quota__text">{format!("{used} of {SNAPSHOT_LIMIT} snapshots used")}</span>
            <span class="quota__bar" aria-hidden="true">
                <span class="quota__fill" style=format!("width: {percent}%")></span>
            </span>
        </div>
    }
}
