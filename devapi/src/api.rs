//! The documented endpoints under `/api/v1/`, with the documented shapes and status codes.

use axum::extract::{OriginalUri, Path, Query, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, MethodRouter};
use axum::{Extension, Json, Router};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::time::Instant;

use crate::paging::page;
use crate::reply::detail;
use crate::world::{Refusal, Server, Snapshot, World, MAX_NAME_LEN};
use crate::AppState;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/v1/account/me/", only(get(account_me)))
        .route("/v1/servers/", only(get(list_servers)))
        .route(
            "/v1/snapshots/",
            only(get(list_snapshots).post(create_snapshot)),
        )
        .route("/v1/snapshots/{id}/", only(delete(delete_snapshot)))
        .route("/v1/snapshots/{id}/restore/", only(post(restore_snapshot)))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            require_token,
        ))
        .fallback(not_found)
        .with_state(state)
}

/// Any other method on a known path is a `405` with a JSON `detail`, as this API style does.
fn only(router: MethodRouter<AppState>) -> MethodRouter<AppState> {
    router.fallback(|method: Method| async move {
        detail(
            StatusCode::METHOD_NOT_ALLOWED,
            &format!("Method \"{method}\" not allowed."),
        )
    })
}

async fn not_found() -> Response {
    detail(StatusCode::NOT_FOUND, "Not found.")
}

/// What a token may do: the start-up token reads and writes; `--read-only-token` only reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    ReadWrite,
    Read,
}

/// Every API request needs `Authorization: Bearer <a token>`, and a write one that may write
/// (DRF's 403 otherwise); also advances simulated time.
async fn require_token(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let expected = state.token();
    match presented.as_deref().and_then(|v| v.strip_prefix("Bearer ")) {
        None => detail(
            StatusCode::UNAUTHORIZED,
            "Authentication credentials were not provided.",
        ),
        Some(token) if token == expected => {
            state.world().advance(Instant::now());
            request.extensions_mut().insert(Scope::ReadWrite);
            next.run(request).await
        }
        Some(token) if Some(token) == state.args.read_only_token.as_deref() => {
            state.world().advance(Instant::now());
            if request.method() != Method::GET {
                return detail(
                    StatusCode::FORBIDDEN,
                    "You do not have permission to perform this action.",
                );
            }
            request.extensions_mut().insert(Scope::Read);
            next.run(request).await
        }
        Some(_) => detail(StatusCode::UNAUTHORIZED, "Invalid token."),
    }
}

/// The simulator has one account; any accepted token belongs to it.
async fn account_me(Extension(scope): Extension<Scope>) -> Response {
    let token = match scope {
        Scope::ReadWrite => {
            json!({"name": "Local simulator token", "permissions": ["read", "write"]})
        }
        Scope::Read => json!({"name": "Read-only monitoring", "permissions": ["read"]}),
    };
    Json(json!({
        "account": {
            "email": "ops@example.com",
            "first_name": "Dana",
            "last_name": "Okafor",
            "company_name": "Example Hosting Ltd",
            "created_at": "2024-06-15"
        },
        "token": token
    }))
    .into_response()
}

#[derive(Deserialize)]
struct ServerQuery {
    status: Option<String>,
    location: Option<String>,
    page: Option<String>,
}

async fn list_servers(
    State(state): State<AppState>,
    Query(query): Query<ServerQuery>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    let world = state.world();
    let servers: Vec<&Server> = world
        .servers
        .iter()
        .filter(|s| query.status.as_deref().is_none_or(|want| s.status == want))
        .filter(|s| {
            query
                .location
                .as_deref()
                .is_none_or(|want| s.location == want)
        })
        .collect();
    page(
        servers,
        server_json,
        state.args.page_size,
        query.page.as_deref(),
        &uri,
        &headers,
    )
}

#[derive(Deserialize)]
struct SnapshotQuery {
    server_id: Option<String>,
    page: Option<String>,
}

async fn list_snapshots(
    State(state): State<AppState>,
    Query(query): Query<SnapshotQuery>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    let server_id = match query.server_id.as_deref().filter(|v| !v.is_empty()) {
        None => None,
        Some(text) => match text.parse::<u64>() {
            Ok(id) => Some(id),
            Err(_) => {
                return (
                    StatusCode::BAD_REQUEST,
                    Json(json!({"server_id": ["A valid integer is required."]})),
                )
                    .into_response()
            }
        },
    };
    let world = state.world();
    let mut snapshots: Vec<&Snapshot> = world
        .snapshots
        .iter()
        .filter(|s| server_id.is_none_or(|id| s.server_id == id))
        .collect();
    // Newest first, as a console lists them.
    snapshots.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    page(
        snapshots,
        |s| snapshot_json(&world, s),
        state.args.page_size,
        query.page.as_deref(),
        &uri,
        &headers,
    )
}

async fn create_snapshot(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    let body: Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(error) => {
            return detail(
                StatusCode::BAD_REQUEST,
                &format!("JSON parse error - {error}"),
            )
        }
    };
    let (server_id, name, description) = match validate_create(&body) {
        Ok(valid) => valid,
        Err(fields) => {
            return (StatusCode::BAD_REQUEST, Json(Value::Object(fields))).into_response()
        }
    };
    let mut world = state.world();
    match world.create_snapshot(server_id, name, description, Instant::now()) {
        Ok(snapshot) => {
            let mut body = snapshot_json(&world, &snapshot);
            body["message"] = json!(
                "Snapshot is being created. This may take 3-10 minutes depending on server size."
            );
            (StatusCode::CREATED, Json(body)).into_response()
        }
        Err(Refusal::NotFound(text)) => detail(StatusCode::NOT_FOUND, text),
        Err(Refusal::Invalid(text)) => (
            StatusCode::BAD_REQUEST,
            Json(json!({"non_field_errors": [text]})),
        )
            .into_response(),
    }
}

/// Field-by-field validation with per-field error lists, as the docs' API style answers.
fn validate_create(body: &Value) -> Result<(u64, String, Option<String>), Map<String, Value>> {
    let mut errors = Map::new();
    let Some(object) = body.as_object() else {
        errors.insert(
            "non_field_errors".into(),
            json!(["Invalid data. Expected a dictionary."]),
        );
        return Err(errors);
    };
    let server_id = match object.get("server_id") {
        None | Some(Value::Null) => {
            errors.insert("server_id".into(), json!(["This field is required."]));
            None
        }
        Some(value) => match value.as_u64() {
            Some(id) => Some(id),
            None => {
                errors.insert("server_id".into(), json!(["A valid integer is required."]));
                None
            }
        },
    };
    let name = match object.get("name") {
        None | Some(Value::Null) => {
            errors.insert("name".into(), json!(["This field is required."]));
            None
        }
        Some(Value::String(name)) if name.is_empty() => {
            errors.insert("name".into(), json!(["This field may not be blank."]));
            None
        }
        Some(Value::String(name)) if name.chars().count() > MAX_NAME_LEN => {
            errors.insert(
                "name".into(),
                json!([format!(
                    "Ensure this field has no more than {MAX_NAME_LEN} characters."
                )]),
            );
            None
        }
        Some(Value::String(name))
            if !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            errors.insert(
                "name".into(),
                json!(["Name may only contain letters, numbers, hyphens and underscores."]),
            );
            None
        }
        Some(Value::String(name)) => Some(name.clone()),
        Some(_) => {
            errors.insert("name".into(), json!(["Not a valid string."]));
            None
        }
    };
    let description = match object.get("description") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.clone()),
        Some(_) => {
            errors.insert("description".into(), json!(["Not a valid string."]));
            None
        }
    };
    match (server_id, name) {
        (Some(server_id), Some(name)) if errors.is_empty() => Ok((server_id, name, description)),
        _ => Err(errors),
    }
}

async fn restore_snapshot(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<u64>() else {
        return not_found().await;
    };
    let mut world = state.world();
    match world.restore(id, Instant::now()) {
        Ok((snapshot, server)) => Json(json!({
            "status": "success",
            "message": "Server is being restored from snapshot. This may take 5-15 minutes.",
            "snapshot": {"id": snapshot.id, "name": snapshot.name, "created_at": snapshot.created_at},
            "server": {"id": server.id, "name": server.name, "status": server.status}
        }))
        .into_response(),
        Err(Refusal::NotFound(text)) => detail(StatusCode::NOT_FOUND, text),
        Err(Refusal::Invalid(text)) => detail(StatusCode::BAD_REQUEST, &text),
    }
}

async fn delete_snapshot(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<u64>() else {
        return not_found().await;
    };
    match state.world().delete_snapshot(id) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(Refusal::NotFound(text)) => detail(StatusCode::NOT_FOUND, text),
        Err(Refusal::Invalid(text)) => detail(StatusCode::BAD_REQUEST, &text),
    }
}

fn server_json(server: &Server) -> Value {
    json!({
        "id": server.id,
        "name": server.name,
        "hostname": server.hostname,
        "status": server.status,
        "ip_address": server.ip_address,
        "location": server.location,
        "plan": server.plan,
        "os": server.os,
        "created_at": server.created_at,
        "updated_at": server.updated_at,
    })
}

fn snapshot_json(world: &World, snapshot: &Snapshot) -> Value {
    let server_name = world.server(snapshot.server_id).map(|s| s.name.clone());
    json!({
        "id": snapshot.id,
        "server": {"id": snapshot.server_id, "name": server_name},
        "name": snapshot.name,
        "status": snapshot.status,
        "size_mb": snapshot.size_mb,
        "created_at": snapshot.created_at,
        "description": snapshot.description,
    })
}
