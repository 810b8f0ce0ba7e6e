//! Pages that a first visit does not download. In a release build (`--features split`, linked
//! by `scripts/split-link.sh`) each page below is cut out of the main wasm into a chunk of its
//! own, fetched when the page is first opened, with the text only that page shows
//! (`src/i18n/parts.rs`); other builds call the page directly.

use crate::components::{ErrorPanel, Failure, Loading};
use crate::features::activity::ActivityPage;
use crate::features::servers::fleet::FleetDialogs;
use crate::features::snapshots::{ServerPage, SnapshotsPage};
use crate::i18n::Key;
#[cfg(feature = "split")]
use crate::i18n::{load_part, TextPart};
use leptos::prelude::*;

/// One server's page (its snapshots and every dialog): 39 KB of a first visit otherwise.
pub fn server_page(id: Option<u64>) -> AnyView {
    #[cfg(feature = "split")]
    return lazy_page(move || with_text(TextPart::PAGES, chunks::server_page(id)));
    #[cfg(not(feature = "split"))]
    view! { <ServerPage id/> }.into_any()
}

/// The all-snapshots page.
pub fn snapshots_page() -> AnyView {
    #[cfg(feature = "split")]
    return lazy_page(|| built(chunks::snapshots_page()));
    #[cfg(not(feature = "split"))]
    view! { <SnapshotsPage/> }.into_any()
}

/// The Activity page (its text comes with it).
pub fn activity_page() -> AnyView {
    #[cfg(feature = "split")]
    return lazy_page(|| with_text(TextPart::PAGES, chunks::activity_page()));
    #[cfg(not(feature = "split"))]
    view! { <ActivityPage/> }.into_any()
}

/// The fleet's dialogs (the previews, the batch) and the queue that runs a batch (their text
/// comes with them).
pub fn fleet_dialogs() -> AnyView {
    #[cfg(feature = "split")]
    return lazy_page(|| with_text(TextPart::PAGES, chunks::fleet_dialogs()));
    #[cfg(not(feature = "split"))]
    view! { <FleetDialogs/> }.into_any()
}

/// What a chunk gives: the page, built when called. Built after the chunk has arrived, so
/// that text fetched beside the chunk is here before the page first reads it.
#[cfg(feature = "split")]
type Build = Box<dyn FnOnce() -> AnyView>;

/// A page from its chunk.
#[cfg(feature = "split")]
async fn built<E>(
    page: impl std::future::Future<Output = Result<Build, E>>,
) -> Result<AnyView, ()> {
    page.await.map(|build| build()).map_err(|_| ())
}

/// A page from its chunk and the text it shows, fetched side by side (the text's requests go
/// out first); built once both are here.
#[cfg(feature = "split")]
async fn with_text<E>(
    part: TextPart,
    page: impl std::future::Future<Output = Result<Build, E>>,
) -> Result<AnyView, ()> {
    let text = load_part(part);
    let build = page.await.map_err(|_| ())?;
    text.await?;
    Ok(build())
}

#[cfg(feature = "split")]
mod chunks {
    use super::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    #[wasm_split(server_page, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn server_page(id: Option<u64>) -> Result<Build, SplitLoaderError> {
        Ok(Box::new(move || view! { <ServerPage id/> }.into_any()))
    }

    #[wasm_split(snapshots_page, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn snapshots_page() -> Result<Build, SplitLoaderError> {
        Ok(Box::new(move || view! { <SnapshotsPage/> }.into_any()))
    }

    // The Activity page comes with the fleet's code: one chunk, fewer shared ones between them.
    #[wasm_split(fleet, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn activity_page() -> Result<Build, SplitLoaderError> {
        Ok(Box::new(move || view! { <ActivityPage/> }.into_any()))
    }

    #[wasm_split(fleet, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn fleet_dialogs() -> Result<Build, SplitLoaderError> {
        Ok(Box::new(move || view! { <FleetDialogs/> }.into_any()))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Fetch {
    Pending,
    Failed,
    Done,
}

/// A page's code on its way: the view, or the chunk's failure to arrive.
type Arriving = std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, ()>>>>;

/// "Loading…" while a page's code arrives, then the page; a failed fetch says so with Retry,
/// which calls `load` again (the chunk loader keeps no failure, so that fetches again).
pub fn lazy_page<F, E>(load: impl Fn() -> F + 'static) -> AnyView
where
    F: std::future::Future<Output = Result<AnyView, E>> + 'static,
{
    // Everything below is generated once, not once per page: only this adapter is generic.
    lazy_view(Box::new(move || {
        let loading = load();
        Box::pin(async move { loading.await.map_err(|_| ()) }) as Arriving
    }))
}

fn lazy_view(load: Box<dyn Fn() -> Arriving>) -> AnyView {
    let state = RwSignal::new(Fetch::Pending);
    let page = StoredValue::new_local(None::<AnyView>);
    let load = StoredValue::new_local(load);
    // The page is built when its code has arrived, inside the task: it must be built under this
    // view's owner (for the session and other contexts), and not at all once the user has left.
    let owner = Owner::current();
    let fetch = move || {
        let Some(loading) = load.try_with_value(|load| load()) else {
            return;
        };
        state.set(Fetch::Pending);
        let task = async move {
            let fetched = match loading.await {
                Ok(view) => {
                    page.try_set_value(Some(view));
                    Fetch::Done
                }
                Err(()) => Fetch::Failed,
            };
            state.try_set(fetched);
        };
        match &owner {
            Some(owner) => owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(task)),
            None => leptos::task::spawn_local(task),
        }
    };
    fetch();
    let retry = Callback::new(move |()| fetch());
    (move || match state.get() {
        Fetch::Pending => view! { <Loading what=Key::APP_PAGE_WHAT/> }.into_any(),
        Fetch::Failed => view! {
            <ErrorPanel
                title=Key::APP_PAGE_FAILED
                error=Failure::Panel(Key::APP_PAGE_FAILED_TEXT)
                on_retry=retry
            />
        }
        .into_any(),
        Fetch::Done => page
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
    })
    .into_any()
}
