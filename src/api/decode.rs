//! How each model is read from the API's JSON: the documented members by name, unknown ones
//! ignored; a member the API may leave out or send as null is `optional`.

use super::json::{Decode, DecodeError, Json, Object};
use super::models::*;

impl Decode for Me {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let me = Object::of(value)?;
        Ok(Me {
            account: me.required("account")?,
            token: me.required("token")?,
        })
    }
}

impl Decode for Account {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let account = Object::of(value)?;
        Ok(Account {
            email: account.optional("email")?,
            first_name: account.optional("first_name")?,
            last_name: account.optional("last_name")?,
            company_name: account.optional("company_name")?,
            created_at: account.optional("created_at")?,
        })
    }
}

impl Decode for TokenInfo {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let token = Object::of(value)?;
        Ok(TokenInfo {
            name: token.optional("name")?,
            permissions: token.optional("permissions")?.unwrap_or_default(),
        })
    }
}

impl<T: Decode> Decode for Page<T> {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let page = Object::of(value)?;
        Ok(Page {
            count: page.optional("count")?,
            results: page.required("results")?,
            next: page.optional("next")?,
        })
    }
}

impl Decode for Server {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let server = Object::of(value)?;
        Ok(Server {
            id: server.required("id")?,
            name: server.required("name")?,
            hostname: server.optional("hostname")?,
            status: server.required("status")?,
            ip_address: server.optional("ip_address")?,
            location: server.optional("location")?,
            plan: server.optional("plan")?,
            os: server.optional("os")?,
            created_at: server.optional("created_at")?,
            updated_at: server.optional("updated_at")?,
        })
    }
}

impl Decode for Plan {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let plan = Object::of(value)?;
        Ok(Plan {
            id: plan.required("id")?,
            name: plan.required("name")?,
            vcpus: plan.required("vcpus")?,
            memory: plan.required("memory")?,
            storage: plan.required("storage")?,
        })
    }
}

impl Decode for Os {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let os = Object::of(value)?;
        Ok(Os {
            id: os.required("id")?,
            name: os.required("name")?,
        })
    }
}

impl Decode for Snapshot {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let snapshot = Object::of(value)?;
        Ok(Snapshot {
            id: snapshot.required("id")?,
            server: snapshot.required("server")?,
            name: snapshot.required("name")?,
            status: snapshot.required("status")?,
            size_mb: snapshot.optional("size_mb")?,
            created_at: snapshot.required("created_at")?,
            description: snapshot.optional("description")?,
        })
    }
}

impl Decode for ServerRef {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let server = Object::of(value)?;
        Ok(ServerRef {
            id: server.required("id")?,
            name: server.optional("name")?,
        })
    }
}

impl Decode for CreatedSnapshot {
    /// The snapshot's members and `message` side by side in one object.
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        Ok(CreatedSnapshot {
            snapshot: Snapshot::decode(value)?,
            message: Object::of(value)?.optional("message")?,
        })
    }
}

impl Decode for RestoreStarted {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let restore = Object::of(value)?;
        Ok(RestoreStarted {
            status: restore.optional("status")?,
            message: restore.optional("message")?,
            snapshot: restore.required("snapshot")?,
            server: restore.required("server")?,
        })
    }
}

impl Decode for RestoredSnapshot {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let snapshot = Object::of(value)?;
        Ok(RestoredSnapshot {
            id: snapshot.required("id")?,
            name: snapshot.optional("name")?,
            created_at: snapshot.optional("created_at")?,
        })
    }
}

impl Decode for RestoredServer {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let server = Object::of(value)?;
        Ok(RestoredServer {
            id: server.required("id")?,
            name: server.optional("name")?,
            status: server.required("status")?,
        })
    }
}
