//! Who may use the server: the token check (bearer header or cookie),
//! the cookie hand-over at `GET /?token=T`, and, without a token, the
//! loopback-only `Host` check that defeats DNS rebinding. Plus the
//! headers every response carries.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::ApiError;

pub(crate) const TOKEN_COOKIE: &str = "corroborate_token";

pub(crate) const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
     style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

/// The headers set on every response, errors included.
pub(crate) fn header_layers() -> [SetResponseHeaderLayer<HeaderValue>; 3] {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    [
        set(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        set(header::REFERRER_POLICY, "no-referrer"),
    ]
}

/// The access rule in force.
#[derive(Clone)]
pub(crate) struct Access {
    token: Option<Arc<str>>,
}

impl Access {
    pub(crate) fn new(token: Option<&str>) -> Self {
        Access {
            token: token.map(Arc::from),
        }
    }
}

/// Middleware: lets a request through only when it may be answered.
pub(crate) async fn guard(State(access): State<Access>, request: Request, next: Next) -> Response {
    if let Err(refusal) = check_origin(request.headers(), request.method()) {
        return refusal.into_response();
    }
    let Some(token) = access.token.as_deref() else {
        return match check_loopback_host(request.headers()) {
            Ok(()) => next.run(request).await,
            Err(refusal) => refusal.into_response(),
        };
    };
    if request.method() == Method::GET && request.uri().path() == "/" {
        if let Some(offered) = query_token(request.uri().query()) {
            return if tokens_equal(&offered, token) {
                hand_over_cookie(token)
            } else {
                unauthorized()
            };
        }
    }
    if bearer_token(request.headers()).is_some_and(|t| tokens_equal(t, token))
        || cookie_token(request.headers()).is_some_and(|t| tokens_equal(t, token))
    {
        next.run(request).await
    } else {
        unauthorized()
    }
}

/// Compares in time independent of where the strings differ.
fn tokens_equal(offered: &str, token: &str) -> bool {
    offered.as_bytes().ct_eq(token.as_bytes()).into()
}

fn unauthorized() -> Response {
    let error = ApiError::new(
        StatusCode::UNAUTHORIZED,
        "this server needs its token: send 'Authorization: Bearer TOKEN' or open /?token=TOKEN",
    );
    let mut response = error.into_response();
    let challenge = HeaderValue::from_static("Bearer");
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, challenge);
    response
}

/// 303 to `/`, setting the cookie that later requests (and the web app's
/// event stream, which cannot send headers) carry.
fn hand_over_cookie(token: &str) -> Response {
    let cookie = format!("{TOKEN_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/");
    match HeaderValue::try_from(cookie) {
        Ok(cookie) => (
            StatusCode::SEE_OTHER,
            [
                (header::SET_COOKIE, cookie),
                (header::LOCATION, HeaderValue::from_static("/")),
            ],
        )
            .into_response(),
        // Tokens are checked to be cookie-safe when the options are validated.
        Err(_) => ApiError::internal("the token cannot be set as a cookie").into_response(),
    }
}

fn query_token(query: Option<&str>) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query?).ok()?;
    pairs
        .into_iter()
        .find(|(name, _)| name == "token")
        .map(|(_, value)| value)
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn cookie_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == TOKEN_COOKIE)
        .map(|(_, value)| value)
}

/// Without a token, answer only requests addressed to a loopback name: a
/// page on another site whose name was re-pointed to 127.0.0.1 (DNS
/// rebinding) sends its own name as `Host`.
fn check_loopback_host(headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(host) = headers.get(header::HOST) else {
        return Ok(());
    };
    let host = host.to_str().unwrap_or_default();
    if is_loopback_authority(host) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!("this server answers only to localhost names, not {host:?}; start it with a token to serve other names"),
        ))
    }
}

/// `localhost`, `127.x.x.x` or `[::1]`, with or without a port.
fn is_loopback_authority(authority: &str) -> bool {
    let host = match authority.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A request that changes something must not come from another site's
/// page (browsers name the page's origin in `Origin`).
fn check_origin(headers: &HeaderMap, method: &Method) -> Result<(), ApiError> {
    if method.is_safe() {
        return Ok(());
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return Ok(());
    };
    let origin_authority = origin.split_once("://").map(|(_, rest)| rest);
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    if origin_authority.is_some() && origin_authority == host {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!("cross-site request from {origin:?} refused"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(name.clone(), HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn reads_bearer_and_cookie_tokens() {
        let h = headers(&[(header::AUTHORIZATION, "bearer abc")]);
        assert_eq!(bearer_token(&h), Some("abc"));
        let h = headers(&[(header::AUTHORIZATION, "Basic abc")]);
        assert_eq!(bearer_token(&h), None);
        let h = headers(&[(header::COOKIE, "a=1; corroborate_token=xyz; b=2")]);
        assert_eq!(cookie_token(&h), Some("xyz"));
        let h = headers(&[(header::COOKIE, "corroborate_tokenx=xyz")]);
        assert_eq!(cookie_token(&h), None);
    }

    #[test]
    fn reads_the_token_from_the_query() {
        assert_eq!(query_token(Some("token=a%2Bb")), Some("a+b".into()));
        assert_eq!(query_token(Some("other=1")), None);
        assert_eq!(query_token(None), None);
    }

    #[test]
    fn token_comparison_needs_equal_strings() {
        assert!(tokens_equal("secret", "secret"));
        assert!(!tokens_equal("secreT", "secret"));
        assert!(!tokens_equal("secret2", "secret"));
        assert!(!tokens_equal("", "secret"));
    }

    #[test]
    fn loopback_hosts() {
        for host in [
            "localhost",
            "localhost:8080",
            "127.0.0.1:1",
            "[::1]:80",
            "[::1]",
        ] {
            assert!(is_loopback_authority(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:8080",
            "10.0.0.1",
            "localhost.evil.example",
        ] {
            assert!(!is_loopback_authority(host), "{host}");
        }
    }

    #[test]
    fn cross_site_posts_are_refused() {
        let same = headers(&[
            (header::ORIGIN, "http://127.0.0.1:8080"),
            (header::HOST, "127.0.0.1:8080"),
        ]);
        assert!(check_origin(&same, &Method::POST).is_ok());
        let cross = headers(&[
            (header::ORIGIN, "https://evil.example"),
            (header::HOST, "127.0.0.1:8080"),
        ]);
        assert!(check_origin(&cross, &Method::POST).is_err());
        assert!(check_origin(&cross, &Method::GET).is_ok());
        assert!(check_origin(&HeaderMap::new(), &Method::POST).is_ok());
    }
}
