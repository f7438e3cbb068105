//! How the server listens, and the checks that keep it from listening
//! unprotected.

use std::net::SocketAddr;

/// Where and how to serve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeOptions {
    pub bind: SocketAddr,
    /// When set, every request needs `Authorization: Bearer TOKEN` or the
    /// `corroborate_token` cookie that `GET /?token=TOKEN` sets.
    pub token: Option<String>,
    /// Largest request body accepted (a bigger one is answered 413).
    pub max_body_bytes: usize,
}

/// Why the server could not start or stopped with a failure.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(
        "refusing to listen on {0} without a token: other machines could read and change the \
         workspace; bind to 127.0.0.1 or give a token"
    )]
    NonLoopbackWithoutToken(SocketAddr),
    #[error(
        "the token must be non-empty printable ASCII without spaces, quotes, commas, semicolons \
         or backslashes"
    )]
    InvalidToken,
    #[error("could not start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("could not install the Ctrl-C/SIGTERM handlers: {0}")]
    Signals(#[source] std::io::Error),
    #[error("the server failed: {0}")]
    Serve(#[source] std::io::Error),
}

impl ServeOptions {
    /// 16 MiB: a long report as HTML fits with room to spare.
    pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

    /// Options checked with [`ServeOptions::validate`].
    pub fn new(bind: SocketAddr, token: Option<String>) -> Result<Self, ServerError> {
        let options = ServeOptions {
            bind,
            token,
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
        };
        options.validate()?;
        Ok(options)
    }

    /// A non-loopback address needs a token, and a token must be usable
    /// as a cookie value and a bearer credential as it is.
    pub fn validate(&self) -> Result<(), ServerError> {
        if let Some(token) = &self.token {
            if !is_valid_token(token) {
                return Err(ServerError::InvalidToken);
            }
        } else if !self.bind.ip().is_loopback() {
            return Err(ServerError::NonLoopbackWithoutToken(self.bind));
        }
        Ok(())
    }
}

impl Default for ServeOptions {
    /// 127.0.0.1:8080, no token.
    fn default() -> Self {
        ServeOptions {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
        }
    }
}

/// The characters a cookie value may hold unquoted (RFC 6265 cookie-octet).
fn is_valid_token(token: &str) -> bool {
    !token.is_empty()
        && token
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b',' | b';' | b'\\'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(bind: &str, token: Option<&str>) -> Result<ServeOptions, ServerError> {
        let bind = bind.parse().unwrap();
        ServeOptions::new(bind, token.map(str::to_owned))
    }

    #[test]
    fn loopback_needs_no_token() {
        assert!(options("127.0.0.1:0", None).is_ok());
        assert!(options("[::1]:8080", None).is_ok());
    }

    #[test]
    fn non_loopback_without_token_is_refused() {
        let error = options("0.0.0.0:8080", None).unwrap_err();
        assert!(matches!(error, ServerError::NonLoopbackWithoutToken(_)));
        assert!(options("192.168.1.4:8080", None).is_err());
        assert!(options("0.0.0.0:8080", Some("s3cret-T0ken")).is_ok());
    }

    #[test]
    fn tokens_must_fit_a_cookie() {
        for bad in [
            "",
            "two words",
            "a;b",
            "quo\"te",
            "back\\slash",
            "comma,",
            "é",
        ] {
            let error = options("127.0.0.1:0", Some(bad)).unwrap_err();
            assert!(matches!(error, ServerError::InvalidToken), "{bad:?}");
        }
    }

    #[test]
    fn default_is_loopback_and_valid() {
        let options = ServeOptions::default();
        assert!(options.bind.ip().is_loopback());
        assert!(options.validate().is_ok());
    }
}
