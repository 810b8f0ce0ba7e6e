//! Where to go after signing in, kept safe from open redirects.

use crate::links::percent_encode;

/// The page to return to after sign-in: only a local path of this panel, never another site
/// (`//evil.example`) or the sign-in page itself; anything else goes to the servers list.
pub fn safe_return_path(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.starts_with("/sign-in") =>
        {
            path.to_owned()
        }
        _ => "/servers".to_owned(),
    }
}

/// `/sign-in?next=<the current page>`, encoded.
pub fn sign_in_path(current: &str) -> String {
    if current.is_empty() || current == "/" || current.starts_with("/sign-in") {
        "/sign-in".to_owned()
    } else {
        format!("/sign-in?next={}", percent_encode(current, b"/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_are_returned_to() {
        assert_eq!(safe_return_path(Some("/servers/12345")), "/servers/12345");
        assert_eq!(
            safe_return_path(Some("/servers?status=active")),
            "/servers?status=active"
        );
    }

    #[test]
    fn other_sites_and_odd_values_go_to_the_servers_list() {
        for next in [
            None,
            Some(""),
            Some("https://evil.example/"),
            Some("//evil.example"),
            Some("/\\evil.example"),
            Some("/sign-in"),
            Some("servers"),
        ] {
            assert_eq!(safe_return_path(next), "/servers", "{next:?}");
        }
    }

    #[test]
    fn the_current_page_is_encoded_into_the_sign_in_link() {
        assert_eq!(
            sign_in_path("/servers?status=active&q=a b"),
            "/sign-in?next=/servers%3Fstatus%3Dactive%26q%3Da%20b"
        );
        assert_eq!(sign_in_path("/"), "/sign-in");
    }
}
