//! What can go wrong when an article leaves Redaksi, sorted by what the outbox should do next:
//! retry later, ask for credentials, stop on a conflict, or give up with the CMS's reason.

use std::time::Duration;

use redaksi_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The CMS answered with an error (`{code, message, data:{status}}` on WordPress).
    #[error("{target} answered {status} {code}: {message}")]
    Remote {
        target: String,
        status: u16,
        code: String,
        message: String,
        retry_after: Option<Duration>,
    },
    /// The request may or may not have reached the CMS (`maybe_applied`): a connection refused
    /// before sending is known not to have, a timeout or a dropped response is unknown.
    #[error("network error talking to {target}: {message}")]
    Network {
        target: String,
        message: String,
        maybe_applied: bool,
    },
    #[error(
        "the post changed in {target} since Redaksi last sent it (remote version {remote}, ours {ours}); nothing was overwritten"
    )]
    Conflict {
        target: String,
        remote: String,
        ours: String,
    },
    #[error("{field} is {len} characters; {target} allows at most {max}")]
    TooLong {
        target: String,
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{0}")]
    Invalid(String),
    #[error("image {path}: {message}")]
    Image { path: String, message: String },
    #[error("no password or key for target {target} in the OS keyring ({message})")]
    NoCredentials { target: String, message: String },
    #[error("OS keyring: {0}")]
    Keyring(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PublishError {
    /// A stable code for the UI and `--json` output.
    pub fn code(&self) -> String {
        match self {
            PublishError::Remote { code, .. } => format!("remote:{code}"),
            PublishError::Network { .. } => "network".into(),
            PublishError::Conflict { .. } => "conflict".into(),
            PublishError::TooLong { .. } => "too_long".into(),
            PublishError::Invalid(_) => "invalid".into(),
            PublishError::Image { .. } => "image".into(),
            PublishError::NoCredentials { .. } => "no_credentials".into(),
            PublishError::Keyring(_) => "keyring".into(),
            PublishError::Store(err) => format!("store:{}", err.code()),
        }
    }

    /// 401 and 403 mean the account, not the network: asking again would only lock it out.
    pub fn needs_auth(&self) -> bool {
        matches!(
            self,
            PublishError::Remote {
                status: 401 | 403,
                ..
            }
        ) || matches!(self, PublishError::NoCredentials { .. })
    }

    /// Worth trying again later: 408, 429, 5xx except 501, and the network.
    pub fn is_transient(&self) -> bool {
        match self {
            PublishError::Remote { status, .. } => {
                matches!(status, 408 | 429) || (*status >= 500 && *status != 501 && *status < 600)
            }
            PublishError::Network { .. } => true,
            _ => false,
        }
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            PublishError::Remote { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// Whether a create may have been applied although no answer said so: a server error
    /// (5xx) or a timeout may come after the post was stored, and a gateway error says nothing
    /// about what the origin did.
    pub fn maybe_applied(&self) -> bool {
        match self {
            PublishError::Network { maybe_applied, .. } => *maybe_applied,
            PublishError::Remote { status, .. } => *status == 408 || *status >= 500,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn remote(status: u16) -> PublishError {
        PublishError::Remote {
            target: "t".into(),
            status,
            code: "c".into(),
            message: "m".into(),
            retry_after: None,
        }
    }

    #[rstest]
    #[case(408, true, false)]
    #[case(429, true, false)]
    #[case(500, true, false)]
    #[case(501, false, false)]
    #[case(503, true, false)]
    #[case(401, false, true)]
    #[case(403, false, true)]
    #[case(400, false, false)]
    #[case(404, false, false)]
    #[case(409, false, false)]
    fn statuses_are_sorted_by_what_to_do_next(
        #[case] status: u16,
        #[case] transient: bool,
        #[case] auth: bool,
    ) {
        assert_eq!(remote(status).is_transient(), transient, "{status}");
        assert_eq!(remote(status).needs_auth(), auth, "{status}");
    }
}
