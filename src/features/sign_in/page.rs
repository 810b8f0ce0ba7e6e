use super::model::safe_return_path;
use crate::api::models::Me;
use crate::api::{absolute_base, ApiError};
use crate::components::{
    retry_when_online, unreached, use_page_title, ConnectionDetails, LanguageSelect,
};
use crate::i18n::{t, tf, tr, Key};
use crate::load::Command;
use crate::router::{use_router, Navigation};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn SignInPage() -> impl IntoView {
    use_page_title(|| t(Key::SIGN_IN_TITLE).to_owned());
    let session = use_session();
    let router = use_router();
    let token = RwSignal::new(String::new());
    let token_visible = RwSignal::new(false);
    let missing = RwSignal::new(false);
    let return_to = move || safe_return_path(untrack(|| router.query("next")).as_deref());

    // Already signed in in this tab (e.g. the back button): go where the user was headed.
    if session.is_signed_in() {
        router.navigate_soon(return_to(), Navigation::Replace);
    }

    let check = Command::new(move |candidate: &String| {
        let candidate = candidate.trim().to_owned();
        let pending = session.client_for(candidate.clone()).me();
        async move {
            let me: Me = pending.await?;
            session.sign_in(candidate, me);
            router.navigate(&return_to(), Navigation::Replace);
            Ok::<(), ApiError>(())
        }
    });
    let submit = move || {
        if token.with_untracked(|t| t.trim().is_empty()) {
            missing.set(true);
            return;
        }
        missing.set(false);
        check.dispatch(token.get_untracked());
    };

    // The text, and for a failure that is not the token's the error (Retry, Details).
    let problem = move || -> Option<(String, Option<ApiError>)> {
        if missing.get() {
            return Some((t(Key::SIGN_IN_MISSING).to_owned(), None));
        }
        match check.value().get()? {
            Ok(()) => None,
            Err(ApiError::Unauthorized { .. }) => Some((t(Key::SIGN_IN_REJECTED).to_owned(), None)),
            Err(error) => Some((
                tf(Key::SIGN_IN_CHECK_FAILED, &[("error", &error.to_string())]),
                Some(error),
            )),
        }
    };
    let api_address = absolute_base(&session.api_base());

    view! {
        <div class="sign-in">
            <div class="sign-in__language"><LanguageSelect/></div>
            <h1>{tr(Key::SIGN_IN_TITLE)}</h1>
            <p class="sign-in__intro">{tr(Key::SIGN_IN_INTRO)}</p>
            <p class="sign-in__api">
                {tr(Key::SIGN_IN_API)}" "<span class="mono">{api_address}</span>
            </p>
            {move || session.notice().map(|notice| view! {
                <p class="notice" role="status">{notice.text()}</p>
            })}
            <form
                class="sign-in__form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <label class="field" for="api-token">
                    <span class="field__label">{tr(Key::SIGN_IN_TOKEN_LABEL)}</span>
                </label>
                <div class="token-input">
                    <input
                        id="api-token"
                        class="input"
                        type=move || if token_visible.get() { "text" } else { "password" }
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid=move || problem().is_some().to_string()
                        aria-describedby="api-token-problem"
                        prop:value=move || token.get()
                        on:input=move |ev| token.set(event_target_value(&ev))
                    />
                    <button
                        type="button"
                        class="button button--ghost"
                        aria-pressed=move || token_visible.get().to_string()
                        aria-controls="api-token"
                        on:click=move |_| token_visible.update(|v| *v = !*v)
                    >
                        {move || t(if token_visible.get() { Key::SIGN_IN_HIDE } else { Key::SIGN_IN_SHOW })}
                        <span class="visually-hidden">{tr(Key::SIGN_IN_TOKEN_SUFFIX)}</span>
                    </button>
                </div>
                <div id="api-token-problem" class="field__problem" role="alert">
                    {move || problem().map(|(text, failure)| {
                        if let Some(error) = &failure {
                            retry_when_online(error, Callback::new(move |()| submit()));
                        }
                        let details = failure.as_ref().and_then(unreached).cloned();
                        view! {
                            <span>{text}</span>
                            {failure.is_some().then(|| view! {
                                <button type="button" class="button button--small" on:click=move |_| submit()>{tr(Key::COMMON_RETRY)}</button>
                            })}
                            {details.map(|unreached| view! { <ConnectionDetails unreached/> })}
                        }
                    })}
                </div>
                <button type="submit" class="button button--primary" disabled=move || check.pending().get()>
                    {move || t(if check.pending().get() { Key::SIGN_IN_SIGNING_IN } else { Key::SIGN_IN_TITLE })}
                </button>
            </form>
        </div>
    }
}
