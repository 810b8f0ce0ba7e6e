use super::keyed_list;
use crate::i18n::{text, tr, Key};
use leptos::prelude::*;

/// How long a success notification stays before it hides itself. Failures stay until dismissed.
const SUCCESS_VISIBLE_MS: u32 = 8_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Success,
    Info,
    Failure,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
}

/// The outcome of each action, shared through context so notices outlive the page.
#[derive(Clone, Copy)]
pub struct Notifier {
    notices: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u32>,
}

impl Default for Notifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Notifier {
    pub fn new() -> Self {
        Self {
            notices: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(1),
        }
    }

    pub fn success(&self, text: impl Into<String>) {
        self.push(NoticeKind::Success, text.into());
    }

    pub fn info(&self, text: impl Into<String>) {
        self.push(NoticeKind::Info, text.into());
    }

    pub fn failure(&self, text: impl Into<String>) {
        self.push(NoticeKind::Failure, text.into());
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }

    pub fn notices(&self) -> Vec<Notice> {
        self.notices.get()
    }

    /// The notice with this id, if it is still shown.
    fn notice(&self, id: u64) -> Option<Notice> {
        self.notices
            .with(|list| list.iter().find(|n| u64::from(n.id) == id).cloned())
    }

    fn push(&self, kind: NoticeKind, text: String) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.notices
            .update(|list| list.push(Notice { id, kind, text }));
        if kind != NoticeKind::Failure {
            let notices = self.notices;
            gloo_timers::callback::Timeout::new(SUCCESS_VISIBLE_MS, move || {
                notices.try_update(|list| list.retain(|n| n.id != id));
            })
            .forget();
        }
    }
}

pub fn use_notifier() -> Notifier {
    expect_context::<Notifier>()
}

/// The notification stack; successes are polite status messages, failures are alerts.
#[component]
pub fn Notifications() -> impl IntoView {
    let notifier = use_notifier();
    view! {
        <section class="toasts" aria-label=text(Key::NOTIFICATIONS_LABEL)>
            {keyed_list(
                Signal::derive(move || notifier.notices().iter().map(|n| u64::from(n.id)).collect()),
                Callback::new(move |id| {
                    let notice = notifier.notice(id);
                    notice.map(|notice| view! {
                        <div
                            class=match notice.kind {
                                NoticeKind::Success => "toast toast--success",
                                NoticeKind::Info => "toast toast--info",
                                NoticeKind::Failure => "toast toast--failure",
                            }
                            role=if notice.kind == NoticeKind::Failure { "alert" } else { "status" }
                        >
                            <span class="toast__kind">
                                {tr(match notice.kind {
                                    NoticeKind::Success => Key::NOTIFICATIONS_DONE,
                                    NoticeKind::Info => Key::NOTIFICATIONS_NOTE,
                                    NoticeKind::Failure => Key::NOTIFICATIONS_FAILED,
                                })}
                            </span>
                            <span class="toast__text">{notice.text.clone()}</span>
                            <button
                                type="button"
                                class="toast__close"
                                aria-label=text(Key::NOTIFICATIONS_DISMISS)
                                on:click=move |_| notifier.dismiss(notice.id)
                            >
                                "×"
                            </button>
                        </div>
                    }).into_any()
                }),
            )}
        </section>
    }
}
