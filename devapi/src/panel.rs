//! Serves the built panel; paths that are not files get `index.html` so deep links load.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower_http::services::ServeDir;

pub fn service(
    dist: &Path,
) -> impl tower::Service<Request<Body>, Response = Response, Error = Infallible, Future = impl Send>
       + Clone
       + Send
       + Sync
       + 'static {
    let dist = dist.to_path_buf();
    tower::service_fn(move |request: Request<Body>| serve(dist.clone(), request))
}

async fn serve(dist: PathBuf, request: Request<Body>) -> Result<Response, Infallible> {
    let path = request.uri().path().to_owned();
    // `/api/...` never falls back to the panel: an unknown API path is the API's 404.
    let is_asset = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    if !is_asset {
        return Ok(index(&dist).await);
    }
    match ServeDir::new(&dist).oneshot(request).await {
        Ok(response) => Ok(response.map(Body::new)),
        Err(error) => Ok((StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response()),
    }
}

async fn index(dist: &Path) -> Response {
    match tokio::fs::read(dist.join("index.html")).await {
        Ok(html) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            html,
        )
            .into_response(),
        Err(_) => (
            StatusCode::NOT_FOUND,
            format!(
                "No built panel in {}: run `trunk build --release` (or scripts/run.sh) first.\n",
                dist.display()
            ),
        )
            .into_response(),
    }
}
