//! The signed-in session: the token in `sessionStorage` mirrored in a signal, who it belongs
//! to, and the one way a session ends (sign-out or any 401).

use crate::api::models::Me;
use crate::api::{ApiClient, ApiError, PanelConfig};
use crate::i18n::{t, Key};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// An API call's answer, boxed (see [`Session::call`]).
pub type ApiFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// `sessionStorage` key of the token: gone when the tab closes, never in `localStorage`.
pub const TOKEN_KEY: &str = "vps-panel.token";

/// Why the user is on the sign-in page, shown above the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInNotice {
    SignedOut,
    /// A request answered 401: the session ended or the token was revoked.
    Expired,
}

impl SignInNotice {
    pub fn text(&self) -> &'static str {
        t(match self {
            SignInNotice::SignedOut => Key::SIGN_IN_SIGNED_OUT,
            SignInNotice::Expired => Key::SIGN_IN_EXPIRED,
        })
    }
}

/// Shared through context; `Copy` so closures can hold it freely.
#[derive(Clone, Copy)]
pub struct Session {
    config: StoredValue<PanelConfig>,
    token: RwSignal<Option<String>>,
    me: RwSignal<Option<Me>>,
    notice: RwSignal<Option<SignInNotice>>,
    /// Until when (ms since the epoch) automatic refreshes hold off after a 429.
    throttled_until: StoredValue<f64>,
}

/// How long automatic refreshes pause after the API answers 429 Too Many Requests.
pub const THROTTLE_BACKOFF_MS: f64 = 20_000.0;

impl Session {
    /// Starts from whatever token this tab already holds (a reload keeps the session).
    pub fn new(config: PanelConfig) -> Self {
        Self {
            config: StoredValue::new(config),
            token: RwSignal::new(read_stored_token()),
            me: RwSignal::new(None),
            notice: RwSignal::new(None),
            throttled_until: StoredValue::new(0.0),
        }
    }

    /// A client for `token` (e.g. one being checked at sign-in) with the configured base and timeout.
    pub fn client_for(&self, token: String) -> ApiClient {
        let config = self.config.get_value();
        ApiClient::new(config.api_base, token).with_timeout_ms(config.timeout_ms)
    }

    pub fn is_signed_in(&self) -> bool {
        self.token.with(Option::is_some)
    }

    pub fn me(&self) -> Option<Me> {
        self.me.get()
    }

    pub fn set_me(&self, me: Me) {
        self.me.set(Some(me));
    }

    pub fn notice(&self) -> Option<SignInNotice> {
        self.notice.get()
    }

    /// A token that `/account/me/` accepted: kept for this tab only.
    pub fn sign_in(&self, token: String, me: Me) {
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(TOKEN_KEY, &token);
        }
        self.notice.set(None);
        self.me.set(Some(me));
        self.token.set(Some(token));
    }

    /// The one way out: clears the stored token and who was signed in. The routes send a
    /// signed-out user to the sign-in page, which shows `notice`.
    pub fn end(&self, notice: SignInNotice) {
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(TOKEN_KEY);
        }
        self.me.set(None);
        self.notice.set(Some(notice));
        self.token.set(None);
    }

    /// Whether the API recently asked us to slow down: automatic refreshes wait.
    pub fn is_throttled(&self) -> bool {
        self.throttled_until
            .try_get_value()
            .is_some_and(|until| js_sys::Date::now() < until)
    }

    pub fn client(&self) -> Option<ApiClient> {
        self.token
            .get_untracked()
            .map(|token| self.client_for(token))
    }

    /// Runs one API call with the session's token; a 401 ends the session.
    ///
    /// `make` runs now (not when the future is first polled) so the request is tied to the
    /// calling view and aborted if that view goes away.
    ///
    /// The future is boxed: one type per result type instead of one per call site keeps the
    /// resource and task code generated for it (and so the bundle) small.
    pub fn call<T, F>(&self, make: impl FnOnce(&ApiClient) -> F) -> ApiFuture<T>
    where
        F: Future<Output = Result<T, ApiError>> + 'static,
        T: 'static,
    {
        let pending = self
            .client()
            .map(|client| Box::pin(make(&client)) as ApiFuture<T>);
        self.watch(pending)
    }

    /// The part of [`Session::call`] that does not depend on the call site: generated once per
    /// result type, not once per call.
    fn watch<T: 'static>(self, pending: Option<ApiFuture<T>>) -> ApiFuture<T> {
        Box::pin(async move {
            let result = match pending {
                Some(pending) => pending.await,
                None => Err(ApiError::Unauthorized { message: None }),
            };
            if let Err(error) = &result {
                self.after_error(error);
            }
            result
        })
    }

    /// A 401 ends the session; a 429 holds automatic refreshes off for a while.
    fn after_error(&self, error: &ApiError) {
        match error {
            error if error.is_unauthorized() => self.end(SignInNotice::Expired),
            ApiError::Http { status: 429, .. } => {
                let _ = self
                    .throttled_until
                    .try_set_value(js_sys::Date::now() + THROTTLE_BACKOFF_MS);
            }
            _ => {}
        }
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn read_stored_token() -> Option<String> {
    session_storage()?
        .get_item(TOKEN_KEY)
        .ok()
        .flatten()
        .filter(|token| !token.is_empty())
}
