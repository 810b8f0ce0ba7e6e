//! Building request URLs: base + path (always with its trailing slash) + encoded query.

/// Joins the configured base (`/api/v1` or `https://host/api/v1`) with an API path such as
/// `servers/`, and appends the query pairs whose value is present, percent-encoded.
pub fn build_url(base: &str, path: &str, query: &[(&str, Option<String>)]) -> String {
    let mut url = format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    );
    let mut separator = '?';
    for (key, value) in query {
        if let Some(value) = value {
            url.push(separator);
            url.push_str(&encode_component(key));
            url.push('=');
            url.push_str(&encode_component(value));
            separator = '&';
        }
    }
    url
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_and_path_are_joined_with_one_slash_and_the_trailing_slash_kept() {
        assert_eq!(build_url("/api/v1/", "/servers/", &[]), "/api/v1/servers/");
        assert_eq!(
            build_url("https://admin.vps.org/api/v1", "snapshots/801/restore/", &[]),
            "https://admin.vps.org/api/v1/snapshots/801/restore/"
        );
    }

    #[test]
    fn absent_query_values_are_left_out_and_present_ones_encoded() {
        let url = build_url(
            "/api/v1",
            "servers/",
            &[
                ("status", None),
                ("location", Some("us west&x=1".to_owned())),
            ],
        );
        assert_eq!(url, "/api/v1/servers/?location=us%20west%26x%3D1");
    }

    #[test]
    fn non_ascii_is_encoded_as_utf8_bytes() {
        assert_eq!(encode_component("é/"), "%C3%A9%2F");
    }
}
