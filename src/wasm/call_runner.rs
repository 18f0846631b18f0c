//! A client's calls run to their end: each core [`Call`] over `fetch`,
//! waiting between attempts with a JS timer. Every decision is the core's.

use super::env::now_unix_ms;
use super::options::JsCallOptions;
use super::timer;
use super::transport::Transport;
use crate::core::call::{Call, Step};
use crate::core::client::Core;
use wasm_bindgen::JsValue;

/// A client's core and transport, which every pending promise of it shares.
pub struct CallRunner {
    /// The sans-IO core: config, auth state, retry policy.
    pub core: Core,
    /// How attempts are sent.
    pub transport: Transport,
}

impl CallRunner {
    /// Runs `call` to its result, recording its response's metadata where
    /// `options` asks. Rejects with an `HmsError`, or with the signal's reason
    /// once `options.signal` aborts.
    pub async fn run<T>(
        &self,
        mut call: Call<'_, T>,
        options: &JsCallOptions,
    ) -> Result<T, JsValue> {
        if let Some(timeout) = options.timeout {
            call.set_timeout(timeout);
        }
        if let Some(retries) = options.max_retries {
            call.set_max_retries(retries);
        }
        let signal = options.signal.as_ref();
        loop {
            let timeout = call.timeout();
            let request = call.request(now_unix_ms());
            let step = match self.transport.send(request, timeout, signal).await? {
                Ok(response) => call.on_response(&response, now_unix_ms()),
                Err(failure) => call.on_failure_at(&failure, now_unix_ms()),
            };
            match step {
                Step::Done(result) => {
                    options.record(call.response_meta());
                    return Ok(result?);
                }
                Step::RetryAfter(wait) => timer::sleep(wait, signal).await?,
            }
        }
    }
}
