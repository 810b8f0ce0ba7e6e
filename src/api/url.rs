//! URLs of the API: joining the base with an endpoint path, and the origin of an address.

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

/// `url` as an absolute URL: root-relative ones (`/api/v1`) resolve against `origin`.
pub fn absolute(origin: &str, url: &str) -> String {
    if url.starts_with('/') && !url.starts_with("//") {
        format!("{origin}{url}")
    } else {
        url.to_owned()
    }
}

/// `("https://host:port", "/path?query")` of an absolute http(s) URL without user info.
pub fn split_origin(url: &str) -> Option<(&str, &str)> {
    let scheme_end = if starts_with_ignore_case(url, "https://") {
        8
    } else if starts_with_ignore_case(url, "http://") {
        7
    } else {
        return None;
    };
    let authority_end = url[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |at| scheme_end + at);
    let authority = &url[scheme_end..authority_end];
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let rest = &url[authority_end..];
    Some((
        &url[..authority_end],
        if rest.is_empty() { "/" } else { rest },
    ))
}

/// Whether `text` starts with `prefix`, ASCII case aside (`HTTPS://` is `https://`).
pub fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
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
