//! The shell (header, main region), the session provider and the routes.

use crate::activity::Activity;
use crate::api::{load_config, PanelConfig};
use crate::base_path::href;
use crate::components::{
    use_page_title, LanguageSelect, Loading, Notifications, Notifier, PRODUCT_NAME,
};
use crate::features::servers::fleet::Fleet;
use crate::features::servers::ServersPage;
use crate::features::sign_in::{sign_in_path, SignInPage};
use crate::i18n::{t, text, tf, tr, Key};
use crate::load::Load;
use crate::router::{provide_router, route_for, use_router, Navigation, Route};
use crate::session::{use_session, Session, SignInNotice};
use crate::split_pages;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reads `config.json`, then starts the panel with the configured API base.
#[component]
pub fn App() -> impl IntoView {
    let config = Load::new(load_config);
    move || match config.get() {
        None => view! { <Shell><Loading what=Key::APP_LOADING/></Shell> }.into_any(),
        Some(config) => view! { <Panel config/> }.into_any(),
    }
}

/// The panel for one API: session, notifications, header and routes.
#[component]
pub fn Panel(
    /// Where the API lives and how long to wait for it.
    config: PanelConfig,
) -> impl IntoView {
    let session = Session::new(config);
    provide_context(session);
    provide_context(Notifier::new());
    // Session-long, so a fleet batch keeps running while the user moves around the panel.
    let activity = Activity::new(session);
    let fleet = Fleet::new();
    provide_context(activity);
    provide_context(fleet);
    // Nothing of a session stays in the tab once it ends (sign-out or a 401).
    Effect::new(move |_| {
        if !session.is_signed_in() {
            activity.clear();
            fleet.forget();
        }
    });
    // A reload keeps the token; ask again whose it is (a revoked one ends the session here).
    if session.is_signed_in() {
        leptos::task::spawn_local(async move {
            if let Ok(me) = session.call(|api| api.me()).await {
                session.set_me(me);
            }
        });
    }
    // Deployed under a sub-path (`<base href="/ops/panel/">`), routes and links live under it.
    let router = provide_router();
    // A page is built again only when the route changes (a new query keeps it).
    let route = Memo::new(move |_| route_for(&router.path()));
    // While a dialog is open or a batch exists, and after a reload with a batch stored (the
    // chunk reads it back).
    let fleet_open = Memo::new(move |_| {
        fleet.dialog.with(Option::is_some)
            || fleet.stored.get()
            || fleet.batch.with(Option::is_some)
    });
    view! {
        <Shell>
            {move || match route.get() {
                Route::Root => {
                    router.navigate_soon("/servers".to_owned(), Navigation::Replace);
                    ().into_any()
                }
                Route::SignIn => view! { <SignInPage/> }.into_any(),
                Route::Servers => view! { <RequireSession><ServersPage/></RequireSession> }.into_any(),
                Route::Server(id) => view! { <RequireSession>{split_pages::server_page(id)}</RequireSession> }.into_any(),
                Route::Snapshots => view! { <RequireSession>{split_pages::snapshots_page()}</RequireSession> }.into_any(),
                Route::Activity => view! { <RequireSession>{split_pages::activity_page()}</RequireSession> }.into_any(),
                Route::NotFound => view! { <NotFound/> }.into_any(),
            }}
        </Shell>
        // Drawn here, so the batch can be followed from any page; the code comes as a chunk
        // the first time a fleet dialog opens.
        {move || (fleet_open.get() && session.is_signed_in()).then(split_pages::fleet_dialogs)}
        <Notifications/>
    }
}

/// The frame around every page.
#[component]
pub fn Shell(
    /// The page content, rendered inside `<main>`.
    children: Children,
) -> impl IntoView {
    let session = use_context::<Session>();
    let signed_in = move || session.is_some_and(|s| s.is_signed_in());
    view! {
        // Handled here: with `<base href>`, a bare `#main` would resolve to the base path and
        // leave the current page.
        <a class="skip-link" href="#main" on:click=skip_to_main>{tr(Key::APP_SKIP_TO_CONTENT)}</a>
        <header class="app-header">
            <span class="app-header__brand">{PRODUCT_NAME}</span>
            {move || signed_in().then(|| view! {
                <nav class="app-nav" aria-label=text(Key::APP_NAV_LABEL)>
                    <NavLink path="/servers" label=Key::APP_NAV_SERVERS/>
                    <NavLink path="/snapshots" label=Key::APP_NAV_SNAPSHOTS/>
                    <NavLink path="/activity" label=Key::APP_NAV_ACTIVITY/>
                </nav>
                <LanguageSelect/>
                <UserMenu/>
            })}
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
    }
}

/// A main-menu link, marked `aria-current="page"` within its section. (Plain links, which the
/// router follows all the same: its `<A>` costs bundle size for what this does in a few lines.)
#[component]
fn NavLink(path: &'static str, label: Key) -> impl IntoView {
    let router = use_router();
    let current = move || {
        let here = router
            .path()
            .strip_prefix(path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
        here.then_some("page")
    };
    view! { <a href=href(path) class="app-nav__link" aria-current=current>{tr(label)}</a> }
}

/// Moves focus to `<main>` without navigating.
fn skip_to_main(event: web_sys::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

/// Who is signed in, and the one "Sign out" button.
#[component]
fn UserMenu() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="user-menu">
            {move || session.me().map(|me| view! {
                <span class="user-menu__who">
                    <span class="user-menu__name">{me.account.display_name()}</span>
                    {me.token.name.clone().map(|name| view! {
                        <span class="user-menu__token">{move || tf(Key::APP_TOKEN_NAME, &[("name", &name)])}</span>
                    })}
                    // As the API lists them: its docs do not say what each one allows.
                    {(!me.token.permissions.is_empty()).then(|| {
                        let permissions = me.token.permissions.join(", ");
                        view! {
                            <span class="user-menu__token">{move || tf(Key::APP_TOKEN_PERMISSIONS, &[("permissions", &permissions)])}</span>
                        }
                    })}
                </span>
            })}
            <button type="button" class="button button--ghost" on:click=move |_| session.end(SignInNotice::SignedOut)>
                {tr(Key::APP_SIGN_OUT)}
            </button>
        </div>
    }
}

/// Shows its children to a signed-in user; anyone else goes to sign-in, with the way back.
#[component]
fn RequireSession(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let router = use_router();
    move || {
        if session.is_signed_in() {
            children().into_any()
        } else {
            // `next` is a path inside the panel: navigating to it adds the base again.
            let here = format!(
                "{}{}",
                router.path_untracked(),
                router.search().get_untracked()
            );
            router.navigate_soon(sign_in_path(&here), Navigation::Replace);
            ().into_any()
        }
    }
}

#[component]
fn NotFound() -> impl IntoView {
    use_page_title(|| t(Key::APP_NOT_FOUND_TITLE).to_owned());
    view! {
        <div class="empty-state">
            <h1>{tr(Key::APP_NOT_FOUND_TITLE)}</h1>
            <p>{tr(Key::APP_NOT_FOUND_TEXT)}</p>
            <a href=href("/servers") class="button">{tr(Key::APP_NOT_FOUND_GO)}</a>
        </div>
    }
}
