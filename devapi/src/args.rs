//! Command-line flags. Parsed by hand: a handful of flags do not justify a parser crate.

use crate::faults::{FaultMode, FaultSettings, RateLimit};
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Args {
    pub port: u16,
    pub dist: PathBuf,
    pub token: String,
    pub create_delay_ms: u64,
    pub restore_delay_ms: u64,
    pub faults: FaultSettings,
    /// Enables `/__devapi/*` (fault settings, reset, token change) for tests.
    pub control: bool,
    /// Lists answer in pages of this many items, with `next`/`previous` links; `None`: one page.
    pub page_size: Option<usize>,
    /// Generated servers added to the seed data (bulk lists for paging and benchmarks).
    pub servers: usize,
    /// Origins (`http://host:port`) whose pages may call the API cross-origin; none by default.
    pub allow_origins: Vec<String>,
    /// Response headers a cross-origin page may read (`Access-Control-Expose-Headers`).
    pub expose_headers: Vec<String>,
    /// A second accepted token whose scope is read only: every write gets DRF's 403.
    pub read_only_token: Option<String>,
}

pub const DEFAULT_TOKEN: &str = "devtoken-change-me";

impl Default for Args {
    fn default() -> Self {
        Self {
            port: 8080,
            dist: PathBuf::from("dist"),
            token: DEFAULT_TOKEN.to_owned(),
            create_delay_ms: 20_000,
            restore_delay_ms: 30_000,
            faults: FaultSettings::default(),
            control: false,
            allow_origins: Vec::new(),
            expose_headers: Vec::new(),
            read_only_token: None,
            page_size: None,
            servers: 0,
        }
    }
}

pub const USAGE: &str = "\
vps-devapi: a local simulator of the documented VPS.org API that also serves the built panel.

  --port PORT               listen on 127.0.0.1:PORT (default 8080; 0 picks a free port)
  --dist DIR                built panel to serve (default dist)
  --token TOKEN             the one accepted API token (default devtoken-change-me)
  --create-delay-ms MS      how long a snapshot stays in_progress (default 20000)
  --restore-delay-ms MS     how long a restore keeps the server restoring (default 30000)
  --latency-ms MS           added to every API response (default 0)
  --error-rate R            share of API requests answered with a fault, 0..1 (default 0)
  --fault MODE              that fault: http-500 | http-429 | malformed-json | html-502 | drop
                            | wrong-type (a whole list whose first id is text)
                            | mixed (500, 429, html-502 or drop at random)
                            | lost-502 | lost-drop (the request is carried out, then its
                            answer is lost: an HTML 502, or the connection drops)
                            (default http-500)
  --rate-limit N/S          accept at most N API requests every S seconds; past that, 429 with
                            Retry-After, as DRF's throttles answer (default: no limit)
  --page-size N             answer lists N items a page with absolute next/previous links
                            (default: the whole list in one answer, as the docs show it)
  --servers N               add N generated servers to the seed data (default 0)
  --allow-origin ORIGIN     let pages on ORIGIN (e.g. http://127.0.0.1:9000) call the API
                            cross-origin; repeat for more (default: none, same origin only)
  --expose-header NAME      let those pages read response header NAME (e.g. Retry-After);
                            repeat for more (default: none, as CORS has it)
  --read-only-token TOKEN   also accept TOKEN, scoped to read: its writes get 403
  --control                 enable /__devapi/ control endpoints (faults, reset, token) for tests
";

pub fn parse(mut raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args::default();
    while let Some(flag) = raw.next() {
        if flag == "--help" || flag == "-h" {
            return Err(String::new());
        }
        if flag == "--control" {
            args.control = true;
            continue;
        }
        let value = raw.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |value: &str| {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag} needs a whole number, not {value:?}"))
        };
        match flag.as_str() {
            "--port" => {
                args.port = value
                    .parse()
                    .map_err(|_| format!("--port needs a port number, not {value:?}"))?
            }
            "--dist" => args.dist = PathBuf::from(value),
            "--token" if value.is_empty() => return Err("--token must not be empty".into()),
            "--token" => args.token = value,
            "--create-delay-ms" => args.create_delay_ms = number(&value)?,
            "--restore-delay-ms" => args.restore_delay_ms = number(&value)?,
            "--latency-ms" => args.faults.latency_ms = number(&value)?,
            "--error-rate" => {
                let rate: f64 = value
                    .parse()
                    .map_err(|_| format!("--error-rate needs a number, not {value:?}"))?;
                if !(0.0..=1.0).contains(&rate) {
                    return Err("--error-rate must be between 0 and 1".into());
                }
                args.faults.error_rate = rate;
            }
            "--fault" => args.faults.mode = FaultMode::parse(&value)?,
            "--rate-limit" => args.faults.rate_limit = Some(RateLimit::parse(&value)?),
            "--page-size" => match number(&value)? {
                0 => return Err("--page-size must be at least 1".into()),
                size => args.page_size = Some(size as usize),
            },
            "--servers" => args.servers = number(&value)? as usize,
            "--allow-origin" => args.allow_origins.push(origin(&value)?),
            "--expose-header" => args.expose_headers.push(value),
            "--read-only-token" if value.is_empty() || value == args.token => {
                return Err("--read-only-token must be another, non-empty token".into())
            }
            "--read-only-token" => args.read_only_token = Some(value),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(args)
}

/// An origin as browsers send it: scheme, host and optional port, no path, no trailing slash.
fn origin(value: &str) -> Result<String, String> {
    let rest = value
        .strip_prefix("http://")
        .or_else(|| value.strip_prefix("https://"));
    let valid = rest.is_some_and(|host| {
        !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
    });
    if valid {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "--allow-origin needs an origin such as http://127.0.0.1:9000 (no path), not {value:?}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(flags: &[&str]) -> Result<Args, String> {
        parse(flags.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_apply_when_no_flag_is_given() {
        let args = parse_all(&[]).expect("no flags");
        assert_eq!(args.port, 8080);
        assert_eq!(args.token, DEFAULT_TOKEN);
        assert!(!args.control);
    }

    #[test]
    fn every_flag_is_read() {
        let args = parse_all(&[
            "--port",
            "9000",
            "--dist",
            "x",
            "--token",
            "t",
            "--create-delay-ms",
            "5",
            "--restore-delay-ms",
            "6",
            "--latency-ms",
            "7",
            "--error-rate",
            "0.5",
            "--fault",
            "html-502",
            "--page-size",
            "25",
            "--servers",
            "1000",
            "--allow-origin",
            "http://127.0.0.1:9000",
            "--allow-origin",
            "https://panel.example.com",
            "--control",
        ])
        .expect("valid flags");
        assert_eq!(
            (
                args.port,
                args.token.as_str(),
                args.create_delay_ms,
                args.restore_delay_ms
            ),
            (9000, "t", 5, 6)
        );
        assert_eq!(args.faults.mode, FaultMode::Html502);
        assert_eq!((args.page_size, args.servers), (Some(25), 1000));
        assert_eq!(
            args.allow_origins,
            ["http://127.0.0.1:9000", "https://panel.example.com"]
        );
        assert!(args.control);
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        assert!(parse_all(&["--port", "x"]).unwrap_err().contains("--port"));
        assert!(parse_all(&["--error-rate", "2"]).is_err());
        assert!(parse_all(&["--fault", "nope"]).is_err());
        assert!(parse_all(&["--token"]).is_err());
        assert!(parse_all(&["--bogus", "1"]).is_err());
        assert!(parse_all(&["--allow-origin", "*"]).is_err());
        assert!(parse_all(&["--page-size", "0"]).is_err());
        assert!(parse_all(&["--allow-origin", "http://a.example/path"]).is_err());
    }
}
