//! The signed-in session: the token in `sessionStorage` mirrored in a signal, who it belongs
//! to, and the one way a session ends (sign-out or any 401).

use crate::api::models::Me;
use crate::api::{ApiClient, ApiError, PanelConfig};
use crate::i18n::{t, Key};
use crate::tab_storage::session_storage;
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

/// A kind of write the API may refuse a token by its scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Write {
    Create,
    Restore,
    Delete,
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
    /// 429s in a row, for the back-off when the API gives no wait.
    throttle_streak: StoredValue<u32>,
    /// Writes the API refused this token with a 403, with its words: not offered again until
    /// the session ends.
    refused: RwSignal<Vec<(Write, String)>>,
}

/// The pause after a 429 that says no wait of its own, doubled at each 429 in a row up to
/// [`MAX_BACKOFF_MS`].
pub const FIRST_BACKOFF_MS: f64 = 4_000.0;
pub const MAX_BACKOFF_MS: f64 = 120_000.0;

/// How long automatic refreshes pause after the `streak`-th 429 in a row, when the API said
/// nothing of how long to wait.
pub fn backoff_ms(streak: u32) -> f64 {
    let doublings = streak.saturating_sub(1).min(16);
    (FIRST_BACKOFF_MS * f64::from(1_u32 << doublings)).min(MAX_BACKOFF_MS)
}

impl Session {
    /// Starts from whatever token this tab already holds (a reload keeps the session).
    pub fn new(config: PanelConfig) -> Self {
        Self {
            config: StoredValue::new(config),
            token: RwSignal::new(read_stored_token()),
            me: RwSignal::new(None),
            notice: RwSignal::new(None),
            throttled_until: StoredValue::new(0.0),
            throttle_streak: StoredValue::new(0),
            refused: RwSignal::new(Vec::new()),
        }
    }

    /// A client for `token` (e.g. one being checked at sign-in) with the configured base and timeout.
    pub fn client_for(&self, token: String) -> ApiClient {
        let config = self.config.get_value();
        ApiClient::new(config.api_base, token).with_timeout_ms(config.timeout_ms)
    }

    /// The configured API base, as `config.json` gives it (`/api/v1` or an absolute URL).
    pub fn api_base(&self) -> String {
        self.config.with_value(|config| config.api_base.clone())
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
        self.refused.set(Vec::new());
        self.notice.set(Some(notice));
        self.token.set(None);
    }

    /// After a write's error: a 403 means this token may not do that kind of write, and the
    /// panel stops offering it for the rest of the session.
    pub fn note_refusal(&self, write: Write, error: &ApiError) {
        if let ApiError::Http {
            status: 403,
            message,
            ..
        } = error
        {
            let message = message.clone();
            self.refused.try_update(|refused| {
                if !refused.iter().any(|(kind, _)| *kind == write) {
                    refused.push((write, message));
                }
            });
        }
    }

    /// The API's words when it refused this token `write` (tracked); `None` while allowed.
    pub fn refusal(&self, write: Write) -> Option<String> {
        self.refused.with(|refused| {
            refused
                .iter()
                .find(|(kind, _)| *kind == write)
                .map(|(_, said)| said.clone())
        })
    }

    /// Until when (ms since the epoch) the API asked us to wait after its last 429: the wait it
    /// gave, else the back-off.
    pub fn throttled_until(&self) -> f64 {
        self.throttled_until.try_get_value().unwrap_or(0.0)
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
            match &result {
                Err(error) => self.after_error(error),
                Ok(_) => {
                    let _ = self.throttle_streak.try_set_value(0);
                }
            }
            result
        })
    }

    /// A 401 ends the session; a 429 holds automatic refreshes off for the wait the API gave,
    /// else for a back-off that grows while 429s keep coming.
    fn after_error(&self, error: &ApiError) {
        match error {
            error if error.is_unauthorized() => self.end(SignInNotice::Expired),
            ApiError::Throttled { wait_s, .. } => {
                let streak = self.throttle_streak.try_get_value().unwrap_or(0) + 1;
                let _ = self.throttle_streak.try_set_value(streak);
                let wait_ms = match wait_s {
                    Some(seconds) => f64::from(*seconds) * 1000.0,
                    None => backoff_ms(streak),
                };
                let _ = self
                    .throttled_until
                    .try_set_value(js_sys::Date::now() + wait_ms);
            }
            _ => {}
        }
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

fn read_stored_token() -> Option<String> {
    session_storage()?
        .get_item(TOKEN_KEY)
        .ok()
        .flatten()
        .filter(|token| !token.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_back_off_doubles_from_4_s_and_stops_at_2_minutes() {
        let waits: Vec<f64> = (1..=7).map(backoff_ms).collect();
        assert_eq!(
            waits,
            [4_000.0, 8_000.0, 16_000.0, 32_000.0, 64_000.0, 120_000.0, 120_000.0]
        );
        assert_eq!(backoff_ms(0), FIRST_BACKOFF_MS);
        assert_eq!(backoff_ms(u32::MAX), MAX_BACKOFF_MS);
    }
}
