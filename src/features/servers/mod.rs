//! The servers list: filters sent to the API, search and sort in the page, all in the URL.
//! `store` holds the page's state; `page`, `filter_bar` and `table` draw it.

mod filter_bar;
pub mod fleet;
pub mod model;
mod page;
mod store;
mod table;

pub use page::ServersPage;
