//! Shared, feature-agnostic view pieces.

mod connection;
mod dialog;
mod emphasised;
mod error_panel;
mod keyed_list;
mod language_select;
mod list_cap;
mod loading;
mod notifications;
mod page_title;
mod status_badge;

pub use connection::{retry_when_online, unreached, ConnectionDetails};
pub use dialog::{focus_when_drawn, Dialog};
pub use emphasised::Emphasised;
pub use error_panel::{ErrorPanel, Failure};
pub use keyed_list::keyed_list;
pub use language_select::LanguageSelect;
pub use list_cap::{cut_short, ListCapNotice};
pub use loading::Loading;
pub use notifications::{use_notifier, Notifications, Notifier};
pub use page_title::{use_page_title, PRODUCT_NAME};
pub use status_badge::{status_label, StatusBadge};
