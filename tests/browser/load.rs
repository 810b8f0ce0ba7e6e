//! The panel's own load and command primitives (`vps_panel::load`), which replace Leptos's
//! `LocalResource` and `Action`: what the pages rely on them for.

use crate::support::{mount, tick, until};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use vps_panel::load::{Command, Load};
use wasm_bindgen_test::*;

/// Answers `n` after `n == 2 ? 150 : 10` ms, counting its calls.
fn slow_second(n: RwSignal<u32>, calls: Rc<Cell<u32>>) -> Load<u32> {
    Load::new(move || {
        let n = n.get();
        calls.set(calls.get() + 1);
        async move {
            TimeoutFuture::new(if n == 2 { 150 } else { 10 }).await;
            n
        }
    })
}

#[wasm_bindgen_test]
async fn a_load_keeps_its_last_answer_while_the_next_loads_and_drops_superseded_ones() {
    let n = RwSignal::new(1_u32);
    let calls = Rc::new(Cell::new(0));
    let shown = RwSignal::new(None::<Load<u32>>);
    let (container, _handle) = mount({
        let calls = calls.clone();
        move || {
            let load = slow_second(n, calls);
            shown.set(Some(load));
            move || {
                load.get()
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "none".into())
            }
        }
    });
    let text = || container.text_content().unwrap_or_default();
    assert_eq!(text(), "none", "nothing until the first answer");
    until("the first answer", || text() == "1").await;

    n.set(2);
    tick().await;
    assert_eq!(text(), "1", "the last answer stays while the next loads");
    n.set(3);
    until("the newest answer", || text() == "3").await;
    TimeoutFuture::new(250).await;
    assert_eq!(
        text(),
        "3",
        "the superseded (slower) answer for 2 is dropped"
    );
    assert_eq!(calls.get(), 3);

    let load = shown.get_untracked().expect("made");
    load.refetch();
    until("a refetch loads again", || calls.get() == 4).await;
    assert_eq!(text(), "3");
    container.remove();
}

#[wasm_bindgen_test]
async fn a_command_is_pending_until_its_answer_which_stays_until_reset() {
    let made = RwSignal::new(None::<Command<u32, u32>>);
    let (container, _handle) = mount(move || {
        let double = Command::new(|x: &u32| {
            let x = *x;
            async move {
                TimeoutFuture::new(50).await;
                x * 2
            }
        });
        made.set(Some(double));
        move || format!("{:?}/{}", double.value().get(), double.pending().get())
    });
    let text = || container.text_content().unwrap_or_default();
    let double = made.get_untracked().expect("made");
    assert_eq!(text(), "None/false");
    double.dispatch(21);
    until("pending", || text() == "None/true").await;
    until("the answer", || text() == "Some(42)/false").await;
    double.dispatch(1);
    until("pending again, the last answer kept", || {
        text() == "Some(42)/true"
    })
    .await;
    until("the new answer", || text() == "Some(2)/false").await;
    double.value().set(None);
    until("reset", || text() == "None/false").await;
    container.remove();
}
