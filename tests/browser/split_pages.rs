//! A page fetched when first opened (`vps_panel::split_pages::lazy_page`): what a user sees
//! while its code arrives, when it does not, and after Retry.

use crate::support::{clean_up, click, mount, query, text_of, until};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use vps_panel::split_pages::lazy_page;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn a_page_whose_code_fails_to_arrive_says_so_and_retry_fetches_it_again() {
    let attempts = Rc::new(Cell::new(0_u32));
    let (container, _handle) = mount({
        let attempts = attempts.clone();
        move || {
            lazy_page(move || {
                let attempt = attempts.get() + 1;
                attempts.set(attempt);
                async move {
                    TimeoutFuture::new(30).await;
                    if attempt == 1 {
                        Err("offline")
                    } else {
                        Ok(view! { <h1>"The page"</h1> }.into_any())
                    }
                }
            })
        }
    });
    let status =
        query(&container, "[role=status]").expect("a loading status while the code arrives");
    assert!(
        status
            .text_content()
            .unwrap_or_default()
            .contains("Loading this page"),
        "{}",
        text_of(&container)
    );

    until("the failure", || {
        query(&container, "[role=alert]").is_some()
    })
    .await;
    let alert = text_of(&container);
    assert!(alert.contains("Could not load this page"), "{alert}");
    assert!(alert.contains("Check your connection"), "{alert}");
    assert!(
        query(&container, "h1").is_none(),
        "no page after a failed fetch"
    );

    let retry = query(&container, "[role=alert] button").expect("a Retry button");
    assert_eq!(retry.text_content().as_deref(), Some("Retry"));
    click(&retry);
    until("the page after Retry", || query(&container, "h1").is_some()).await;
    assert_eq!(attempts.get(), 2, "Retry fetched once more");
    assert!(
        query(&container, "[role=alert]").is_none(),
        "the error is gone"
    );
    assert!(
        query(&container, "[role=status]").is_none(),
        "so is the loading line"
    );
    assert_eq!(text_of(&container), "The page");
    clean_up(&container);
}
