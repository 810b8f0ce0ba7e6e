//! Joining the configured API base with an endpoint path.

/// Joins the configured base (`/api/v1` or `https://host/api/v1`) with an API path such as
/// `servers/`, keeping the path's trailing slash (this API style 404s or redirects without it).
/// Query parameters are added by the request builder, which URL-encodes them.
pub fn join_url(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_and_path_are_joined_with_one_slash_and_the_trailing_slash_kept() {
        assert_eq!(join_url("/api/v1/", "/servers/"), "/api/v1/servers/");
        assert_eq!(
            join_url("https://admin.vps.org/api/v1", "snapshots/801/restore/"),
            "https://admin.vps.org/api/v1/snapshots/801/restore/"
        );
    }
}
