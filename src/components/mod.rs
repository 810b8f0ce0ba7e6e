//! Shared, feature-agnostic view pieces.

mod dialog;
mod error_panel;
mod list_cap;
mod loading;
mod notifications;
mod page_title;
mod status_badge;

pub use dialog::Dialog;
pub use error_panel::ErrorPanel;
pub use list_cap::{cut_short, ListCapNotice};
pub use loading::Loading;
pub use notifications::{use_notifier, Notifications, Notifier};
pub use page_title::use_page_title;
pub use status_badge::StatusBadge;
