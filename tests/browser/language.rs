//! The two languages: switching re-renders in place and keeps what was typed; numbers, dates,
//! sizes and plurals come from the browser's `Intl` in the chosen language.

use crate::fake_fetch::{self, get, routes};
use crate::server_actions::{button_named, mount_server_page, type_into};
use crate::support::{choose, clean_up, document, mount, query, query_all, text_of, until};
use leptos::prelude::*;
use vps_panel::api::models::Plan;
use vps_panel::components::LanguageSelect;
use vps_panel::format::{count, exact_time, megabytes, plan_resources, relative_time};
use vps_panel::i18n::{language, set_language, Language, LANGUAGE_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const SERVERS: &str = include_str!("../fixtures/servers_list.json");
const SNAPSHOTS: &str = include_str!("../fixtures/snapshots_list.json");

fn stored_language() -> Option<String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LANGUAGE_KEY).ok().flatten())
}

fn html_lang() -> Option<String> {
    document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
}

/// Back to English with no stored choice, as the other tests expect.
fn reset_language() {
    set_language(Language::English);
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.remove_item(LANGUAGE_KEY);
    }
}

fn value_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    let element = query(container, selector).expect(selector);
    match element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        Some(area) => area.value(),
        None => element
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value(),
    }
}

#[wasm_bindgen_test]
async fn switching_language_re_renders_an_open_form_in_place_and_keeps_what_was_typed() {
    routes(&[
        get("/servers/", 200, SERVERS),
        get("/snapshots/", 200, SNAPSHOTS),
    ]);
    let (container, _handle) = mount_server_page();
    until("the snapshots", || query_all(&container, "tbody tr") == 2).await;
    click_create(&container).await;
    let name = query(&container, "#snapshot-name").expect("Name field");
    type_into(&name, "before-upgrade");
    let description = query(&container, "#snapshot-description").expect("Description");
    description
        .unchecked_ref::<web_sys::HtmlTextAreaElement>()
        .set_value("kept as typed");
    let dialog_before = query(&container, "[role=dialog]").expect("dialog");

    set_language(Language::Bengali);
    until("the dialog in Bengali", || {
        text_of(&container).contains("web-server-01-এর একটি স্ন্যাপশট তৈরি করুন")
    })
    .await;
    let page = text_of(&container);
    assert!(
        page.contains("৫টির মধ্যে ২টি স্ন্যাপশট ব্যবহৃত"),
        "Bengali digits: {page}"
    );
    assert!(page.contains("বর্ণনা (ঐচ্ছিক)"), "labels: {page}");
    assert!(
        !page.contains("Create a snapshot of"),
        "no English left: {page}"
    );
    // The same dialog, not a new one: what was typed is still there.
    let dialog_after = query(&container, "[role=dialog]").expect("dialog");
    assert!(
        dialog_before.is_same_node(Some(&dialog_after)),
        "re-rendered in place"
    );
    assert_eq!(value_of(&container, "#snapshot-name"), "before-upgrade");
    assert_eq!(
        value_of(&container, "#snapshot-description"),
        "kept as typed"
    );
    assert_eq!(html_lang().as_deref(), Some("bn"));
    assert_eq!(stored_language().as_deref(), Some("bn"));

    // Messages made after the switch are Bengali too.
    type_into(&name, "before upgrade");
    until("the Bengali reason", || {
        text_of(&container).contains("ফাঁকা জায়গা ব্যবহার করা যাবে না")
    })
    .await;

    set_language(Language::English);
    until("English again", || {
        text_of(&container).contains("Create a snapshot of web-server-01")
    })
    .await;
    assert!(text_of(&container).contains("spaces cannot be used"));
    assert_eq!(html_lang().as_deref(), Some("en"));
    reset_language();
    clean_up(&container);
    fake_fetch::restore_fetch();
}

async fn click_create(container: &web_sys::HtmlElement) {
    crate::support::click(&button_named(container, "Create snapshot"));
    until("the dialog", || query(container, "[role=dialog]").is_some()).await;
}

#[wasm_bindgen_test]
async fn the_language_select_switches_and_remembers_the_choice() {
    let (container, _handle) = mount(|| view! { <LanguageSelect/> });
    let select = query(&container, "select").expect("select");
    assert!(
        text_of(&container).starts_with("Language / ভাষা"),
        "labelled in both languages"
    );
    choose(&select, "bn");
    until("Bengali", || language() == Language::Bengali).await;
    assert_eq!(stored_language().as_deref(), Some("bn"));
    assert_eq!(html_lang().as_deref(), Some("bn"));
    choose(&select, "en");
    until("English", || language() == Language::English).await;
    assert_eq!(stored_language().as_deref(), Some("en"));
    reset_language();
    clean_up(&container);
}

#[wasm_bindgen_test]
fn numbers_dates_sizes_and_plurals_follow_the_language() {
    let plan = |vcpus| Plan {
        id: 1,
        name: "Standard VPS".into(),
        vcpus,
        memory: 4096,
        storage: 80,
    };
    let now = 1_736_965_800;

    set_language(Language::English);
    assert_eq!(count(1_005), "1,005");
    assert_eq!(exact_time(now), "15 Jan 2025, 18:30 UTC");
    assert_eq!(relative_time(now - 300, now), "5 minutes ago");
    assert_eq!(relative_time(now - 60, now), "1 minute ago");
    assert_eq!(relative_time(now + 7200, now), "in 2 hours");
    assert_eq!(relative_time(now - 10, now), "just now");
    assert_eq!(megabytes(4856), "4.7 GB");
    assert_eq!(plan_resources(&plan(1)), "1 vCPU · 4 GB RAM · 80 GB disk");
    assert_eq!(plan_resources(&plan(2)), "2 vCPUs · 4 GB RAM · 80 GB disk");

    set_language(Language::Bengali);
    assert_eq!(count(1_005), "১,০০৫");
    assert_eq!(
        count(1_234_567),
        "১২,৩৪,৫৬৭",
        "Bengali groups lakhs and crores"
    );
    assert_eq!(exact_time(now), "১৫ জানু, ২০২৫, ১৮:৩০ UTC");
    assert_eq!(relative_time(now - 300, now), "৫ মিনিট আগে");
    assert_eq!(relative_time(now - 10, now), "এইমাত্র");
    assert_eq!(megabytes(4856), "৪.৭ GB");
    assert_eq!(plan_resources(&plan(2)), "২ vCPU · ৪ GB RAM · ৮০ GB ডিস্ক");
    reset_language();
}

/// Small numbers are kept once formatted, per language (a page of rows asks for the same few
/// hundreds of times at a keystroke): a kept answer is always the current language's, at both
/// sides of the kept range.
#[wasm_bindgen_test]
fn kept_small_numbers_follow_the_language_they_were_made_in() {
    set_language(Language::English);
    for _ in 0..2 {
        assert_eq!(count(5), "5");
        assert_eq!(count(1_023), "1,023");
        assert_eq!(count(1_024), "1,024");
        assert_eq!(megabytes(4856), "4.7 GB");
    }
    set_language(Language::Bengali);
    for _ in 0..2 {
        assert_eq!(count(5), "৫");
        assert_eq!(count(1_023), "১,০২৩");
        assert_eq!(megabytes(4856), "৪.৭ GB");
    }
    set_language(Language::English);
    assert_eq!(count(5), "5");
    assert_eq!(megabytes(4856), "4.7 GB");
    reset_language();
}
