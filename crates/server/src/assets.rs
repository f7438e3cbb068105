//! The web app and the API's documents, embedded in the binary: nothing
//! a client names is ever opened as a file.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// One embedded file and its media type.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Asset {
    pub(crate) content_type: &'static str,
    pub(crate) bytes: &'static [u8],
}

impl Asset {
    pub(crate) fn response(self) -> Response {
        (
            [
                (header::CONTENT_TYPE, self.content_type),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            self.bytes,
        )
            .into_response()
    }
}

pub(crate) const INDEX_HTML: Asset = Asset {
    content_type: "text/html; charset=utf-8",
    bytes: include_bytes!("../assets/index.html"),
};

pub(crate) const APP_JS: Asset = Asset {
    content_type: "text/javascript; charset=utf-8",
    bytes: include_bytes!("../assets/app.js"),
};

pub(crate) const APP_CSS: Asset = Asset {
    content_type: "text/css; charset=utf-8",
    bytes: include_bytes!("../assets/app.css"),
};

pub(crate) const WORLD_JSON: Asset = Asset {
    content_type: "application/json",
    bytes: include_bytes!("../assets/world.json"),
};

/// This API's description (OpenAPI 3.1).
pub(crate) const OPENAPI_JSON: Asset = Asset {
    content_type: "application/json",
    bytes: include_bytes!("../openapi.json"),
};

/// The Analysis JSON schema, which `openapi.json` refers to.
pub(crate) const ANALYSIS_SCHEMA: Asset = Asset {
    content_type: "application/schema+json",
    bytes: include_bytes!("../../../schema/analysis.schema.json"),
};
