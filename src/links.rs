//! The panel's own links: percent-encoding values put into its URLs' query strings.

/// Percent-encodes all but RFC 3986 unreserved characters and the bytes in `also_keep`.
pub fn percent_encode(text: &str, also_keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'_' | b'.' | b'~')
            || also_keep.contains(&byte)
        {
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
    fn reserved_and_non_ascii_bytes_are_encoded_unless_kept() {
        assert_eq!(percent_encode("a b&c=é/", &[]), "a%20b%26c%3D%C3%A9%2F");
        assert_eq!(percent_encode("/servers/1", b"/"), "/servers/1");
    }
}
