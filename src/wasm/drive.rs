//! The driver loop: a core [`Call`] taken to its end over `fetch`, waiting
//! between attempts with a JS timer. Every decision is the core's.

use super::env::now_unix_ms;
use super::options::CallOptions;
use super::timer;
use super::transport::Transport;
use crate::core::call::{Call, Step};
use crate::core::client::Core;
use wasm_bindgen::JsValue;

/// What every pending promise of one client shares.
pub struct Shared {
    /// The sans-IO core: config, auth state, retry policy.
    pub core: Core,
    /// How attempts are sent.
    pub transport: Transport,
}

impl Shared {
    /// Drives `call` to its result. Rejects with an `HmsError`, or with the
    /// signal's reason once `options.signal` aborts.
    pub async fn drive<T>(
        &self,
        mut call: Call<'_, T>,
        options: &CallOptions,
    ) -> Result<T, JsValue> {
        if let Some(timeout) = options.timeout {
            call.set_timeout(timeout);
        }
        let signal = options.signal.as_ref();
        loop {
            let request = call.request(now_unix_ms());
            let step = match self
                .transport
                .send(&request, call.timeout(), signal)
                .await?
            {
                Ok(response) => call.on_response(&response, now_unix_ms()),
                Err(failure) => call.on_failure(&failure),
            };
            match step {
                Step::Done(result) => return Ok(result?),
                Step::RetryAfter(wait) => timer::sleep(wait, signal).await?,
            }
        }
    }
}
