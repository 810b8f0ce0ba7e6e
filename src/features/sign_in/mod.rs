//! Sign-in: a token is accepted only after `GET /account/me/` says so.

mod model;
mod page;

pub use model::{safe_return_path, sign_in_path};
pub use page::SignInPage;
