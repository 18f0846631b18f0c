//! `RoomCodesClient`: the core driven over async HTTP.

use super::list::List;
use super::transport::Transport;
use crate::core::call::Call;
use crate::core::client::Core;
use crate::core::config::{Config, ConfigBuilder};
use crate::core::error::Result;
use crate::core::model::{AuthToken, ListFilter, RoomCode, RoomCodePage};
use crate::native::bounded_call::{cancelled, BoundedCall, BoundedStep};
use crate::native::cancel::CancelToken;
use crate::native::clock;
use crate::native::options::CallOptions;
use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::Poll;

/// An async client of the Room Codes API, on tokio. `Send + Sync`: share one
/// (e.g. in an `Arc`) between tasks; connections are pooled and reused.
///
/// Every operation has a `…_with` form that takes [`CallOptions`]: a deadline,
/// a per-attempt timeout, a [`CancelToken`], and a
/// [`ResponseMetaSlot`](crate::ResponseMetaSlot) a successful call records
/// its response's status, request id, attempts and time in. Dropping a
/// call's future stops it too.
///
/// ```no_run
/// use futures_util::StreamExt; // or futures::StreamExt
/// use hms_room_codes::{async_client::RoomCodesClient, CallOptions, Config, ListFilter};
/// use std::time::Duration;
/// # async fn example() -> hms_room_codes::Result<()> {
/// let client = RoomCodesClient::new(Config::builder().management_token("…").build()?);
/// let codes = client.create("room-id").await?;
/// let within = CallOptions::new().deadline_in(Duration::from_secs(3));
/// let guest = client.create_for_role_with("room-id", "guest", &within).await?;
/// let mut all = client.list("room-id", &ListFilter::new().enabled(true));
/// while let Some(code) = all.next().await {
///     println!("{:?}", code?);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct RoomCodesClient {
    core: Core,
    transport: Transport,
}

impl RoomCodesClient {
    /// A client for `config`.
    pub fn new(config: Config) -> RoomCodesClient {
        let transport = Transport::new(&config);
        RoomCodesClient {
            core: Core::new(config),
            transport,
        }
    }

    /// A client configured from the environment: `HMS_MANAGEMENT_TOKEN`, or
    /// `HMS_ACCESS_KEY` with `HMS_SECRET`, and `HMS_API_BASE_URL` and
    /// `HMS_AUTH_BASE_URL` (see [`ConfigBuilder::from_env`]). One of the app
    /// keys without the other, or a token with them, is `invalid_argument`
    /// naming the variables.
    pub fn from_env() -> Result<RoomCodesClient> {
        Ok(RoomCodesClient::new(ConfigBuilder::from_env().build()?))
    }

    /// The sans-IO core this client drives.
    pub fn core(&self) -> &Core {
        &self.core
    }

    /// Creates (or returns) a code for every role of `room_id`.
    pub async fn create(&self, room_id: &str) -> Result<Vec<RoomCode>> {
        self.create_with(room_id, &CallOptions::default()).await
    }

    /// [`RoomCodesClient::create`] within `options`.
    pub async fn create_with(&self, room_id: &str, options: &CallOptions) -> Result<Vec<RoomCode>> {
        self.run(self.core.create(room_id)?, options).await
    }

    /// Creates one more code for `role` in `room_id`.
    pub async fn create_for_role(&self, room_id: &str, role: &str) -> Result<RoomCode> {
        self.create_for_role_with(room_id, role, &CallOptions::default())
            .await
    }

    /// [`RoomCodesClient::create_for_role`] within `options`.
    pub async fn create_for_role_with(
        &self,
        room_id: &str,
        role: &str,
        options: &CallOptions,
    ) -> Result<RoomCode> {
        self.run(self.core.create_for_role(room_id, role)?, options)
            .await
    }

    /// One page of the codes of `room_id`.
    pub async fn list_page(&self, room_id: &str, filter: &ListFilter) -> Result<RoomCodePage> {
        self.list_page_with(room_id, filter, &CallOptions::default())
            .await
    }

    /// [`RoomCodesClient::list_page`] within `options`.
    pub async fn list_page_with(
        &self,
        room_id: &str,
        filter: &ListFilter,
        options: &CallOptions,
    ) -> Result<RoomCodePage> {
        self.run(self.core.list_page(room_id, filter)?, options)
            .await
    }

    /// Every code of `room_id`, page after page, as a stream.
    pub fn list(&self, room_id: &str, filter: &ListFilter) -> List<'_> {
        self.list_with(room_id, filter, &CallOptions::default())
    }

    /// [`RoomCodesClient::list`], each page's call within `options` (a
    /// deadline bounds the whole listing, a cancel token stops it).
    pub fn list_with(&self, room_id: &str, filter: &ListFilter, options: &CallOptions) -> List<'_> {
        List::new(self, room_id, filter, options)
    }

    /// Enables or disables `code`; returns the updated code.
    pub async fn set_enabled(&self, code: &str, enabled: bool) -> Result<RoomCode> {
        self.set_enabled_with(code, enabled, &CallOptions::default())
            .await
    }

    /// [`RoomCodesClient::set_enabled`] within `options`.
    pub async fn set_enabled_with(
        &self,
        code: &str,
        enabled: bool,
        options: &CallOptions,
    ) -> Result<RoomCode> {
        self.run(self.core.set_enabled(code, enabled)?, options)
            .await
    }

    /// Exchanges a room code for a client auth token and its expiry (sends no
    /// management token). The token prints as `<redacted>` in `Debug`.
    pub async fn auth_token_for_code(
        &self,
        code: &str,
        user_id: Option<&str>,
    ) -> Result<AuthToken> {
        self.auth_token_for_code_with(code, user_id, &CallOptions::default())
            .await
    }

    /// [`RoomCodesClient::auth_token_for_code`] within `options`.
    pub async fn auth_token_for_code_with(
        &self,
        code: &str,
        user_id: Option<&str>,
        options: &CallOptions,
    ) -> Result<AuthToken> {
        self.run(self.core.auth_token_for_code(code, user_id)?, options)
            .await
    }

    /// Drives `call` (from [`RoomCodesClient::core`]) to the end within
    /// `options`. A cancel token stops it at once, mid-attempt or mid-wait.
    pub async fn run<T>(&self, call: Call<'_, T>, options: &CallOptions) -> Result<T> {
        let mut bounded = BoundedCall::new(call, options);
        let mut next = bounded.start(clock::now());
        loop {
            next = match next {
                BoundedStep::Send { timeout } => {
                    let sent = self.transport.send(bounded.request(), timeout);
                    match until_cancelled(bounded.cancel_token(), sent).await {
                        Some(sent) => bounded.on_sent(sent, clock::now()),
                        None => return Err(cancelled()),
                    }
                }
                BoundedStep::Wait(wait) => {
                    until_cancelled(bounded.cancel_token(), tokio::time::sleep(wait)).await;
                    bounded.after_wait(clock::now())
                }
                BoundedStep::Done(result) => return result,
            }
        }
    }
}

/// Runs `work` to its end, or until `cancel` fires (then `None`).
async fn until_cancelled<F: Future>(cancel: Option<&CancelToken>, work: F) -> Option<F::Output> {
    let Some(token) = cancel else {
        return Some(work.await);
    };
    let mut work = pin!(work);
    let mut cancelled = pin!(token.cancelled());
    poll_fn(|cx| {
        if let Poll::Ready(output) = work.as_mut().poll(cx) {
            return Poll::Ready(Some(output));
        }
        cancelled.as_mut().poll(cx).map(|()| None)
    })
    .await
}
