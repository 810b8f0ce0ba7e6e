//! What a page reads from the API ([`Load`], seen by views as [`Loaded`]) and what it asks the
//! API to do ([`Command`]).
//!
//! Two small primitives in place of Leptos's `LocalResource` and `Action`: the panel uses a
//! sliver of what those do (no suspense, no server rendering, no hydration), and their async
//! machinery is much of the wasm (the decisions table in docs/performance.md).

use crate::api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// A value read from the API. Loads at once and again whenever a signal the fetcher reads
/// changes, or on [`Load::refetch`]. Keeps showing the last answer while the next one loads
/// (a refresh never blanks the page); an answer to a load that was superseded is dropped.
/// `None` only until the first answer.
///
/// The fetcher runs inside an effect: a request it starts belongs to that run, so the next
/// run (or the page going away) cancels it.
pub struct Load<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    again: RwSignal<(), LocalStorage>,
}

impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Load<T> {}

impl<T: 'static> Load<T> {
    pub fn new<F>(fetch: impl Fn() -> F + 'static) -> Self
    where
        F: Future<Output = T> + 'static,
    {
        Self::boxed(Box::new(move || Box::pin(fetch())))
    }

    // Not generic over the fetcher: one copy of the effect per answer type.
    fn boxed(fetch: Box<dyn Fn() -> Pin<Box<dyn Future<Output = T>>>>) -> Self {
        let value = RwSignal::new_local(None);
        let again = RwSignal::new_local(());
        let latest = StoredValue::new(0_u64);
        Effect::new(move |_| {
            again.track();
            let pending = fetch();
            let this = latest.get_value().wrapping_add(1);
            latest.set_value(this);
            spawn_local(async move {
                let answer = pending.await;
                if latest.try_get_value() == Some(this) {
                    value.try_set(Some(answer));
                }
            });
        });
        Load { value, again }
    }

    /// Loads again with the same inputs.
    pub fn refetch(&self) {
        self.again.try_set(());
    }

    /// Reads the last answer by reference (tracked).
    pub fn with<R>(&self, read: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with(read)
    }
}

impl<T: Clone + 'static> Load<T> {
    /// The last answer (tracked).
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }
}

type Run<I, O> = Rc<dyn Fn(&I) -> Pin<Box<dyn Future<Output = O>>>>;

/// Something the user asks the API to do (sign in, create, restore, delete): `pending` while
/// it runs, then its answer in `value` until the next dispatch or a reset.
pub struct Command<I: 'static, O: 'static> {
    run: StoredValue<Run<I, O>, LocalStorage>,
    running: RwSignal<usize>,
    pending: Signal<bool>,
    value: RwSignal<Option<O>, LocalStorage>,
}

impl<I: 'static, O: 'static> Clone for Command<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, O: 'static> Copy for Command<I, O> {}

impl<I: 'static, O: 'static> Command<I, O> {
    pub fn new<F>(run: impl Fn(&I) -> F + 'static) -> Self
    where
        F: Future<Output = O> + 'static,
    {
        let run: Run<I, O> = Rc::new(move |input: &I| Box::pin(run(input)));
        let running = RwSignal::new(0_usize);
        Command {
            run: StoredValue::new_local(run),
            running,
            pending: Memo::new(move |_| running.get() > 0).into(),
            value: RwSignal::new_local(None),
        }
    }

    /// Starts it; the answer replaces `value` when it comes.
    pub fn dispatch(&self, input: I) {
        let Some(run) = self.run.try_get_value() else {
            return;
        };
        let pending = untrack(|| run(&input));
        let (running, value) = (self.running, self.value);
        running.update(|n| *n += 1);
        spawn_local(async move {
            let answer = pending.await;
            value.try_set(Some(answer));
            running.try_update(|n| *n = n.saturating_sub(1));
        });
    }

    /// Whether a dispatch is still waiting for its answer (tracked).
    pub fn pending(&self) -> Signal<bool> {
        self.pending
    }

    /// The last answer, until the next dispatch's or a reset (`value().set(None)`).
    pub fn value(&self) -> RwSignal<Option<O>, LocalStorage> {
        self.value
    }
}

/// A list or record as it arrives from the API.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Failed(ApiError),
    Ready(T),
}

impl<T> Loaded<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Loaded::Ready(value) => Some(value),
            _ => None,
        }
    }

    /// A load's value: `None` (first load still running) is `Loading`.
    pub fn from_result(result: Option<Result<T, ApiError>>) -> Self {
        match result {
            None => Loaded::Loading,
            Some(Ok(value)) => Loaded::Ready(value),
            Some(Err(error)) => Loaded::Failed(error),
        }
    }
}
