//! The servers list: filters sent to the API, search and sort in the page, all in the URL.

pub mod model;
mod page;

pub use page::ServersPage;
