//! The sans-IO client: owns the config, the auth state and the retry policy,
//! and starts a [`Call`] per operation. It never does I/O.

use crate::core::auth::Auth;
use crate::core::call::operation::Operation;
use crate::core::call::retry::RetryPolicy;
use crate::core::call::{Call, CallContext};
use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::listing::Pager;
use crate::core::model::{AuthToken, ListFilter, RoomCode, RoomCodePage};
use crate::core::random::Random;
use crate::core::wire::requests;
use crate::core::wire::responses;

/// The state every call of one client shares. `Send + Sync`.
#[derive(Debug)]
pub struct Core {
    config: Config,
    auth: Auth,
    policy: RetryPolicy,
    random: Random,
}

impl Core {
    /// A core for `config`.
    pub fn new(config: Config) -> Core {
        let auth = Auth::new(config.credentials.clone(), config.token_lifetime);
        let policy = RetryPolicy {
            max_retries: config.max_retries,
            base: config.backoff_base,
            cap: config.backoff_cap,
        };
        let random = config
            .rng_seed
            .map_or_else(Random::from_system, Random::from_seed);
        Core {
            config,
            auth,
            policy,
            random,
        }
    }

    /// The settings in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// `operation`'s name in messages, as the binding spells it.
    pub(crate) fn name(&self, operation: Operation) -> &'static str {
        self.config.spelling().name(operation.as_str())
    }

    /// What each call borrows of this client.
    fn context(&self) -> CallContext<'_> {
        CallContext {
            auth: &self.auth,
            policy: &self.policy,
            random: &self.random,
            spelling: self.config.spelling(),
            max_response_bytes: self.config.max_response_bytes(),
            timeout: self.config.timeout(),
            events: self.config.events.as_ref(),
        }
    }

    /// Codes for every role of `room_id`.
    pub fn create(&self, room_id: &str) -> Result<Call<'_, Vec<RoomCode>>> {
        let request = requests::create(&self.config, room_id)
            .map_err(|e| e.in_operation(self.name(Operation::Create)))?;
        Ok(Call::new(
            self.context(),
            Operation::Create,
            request,
            responses::code_list,
        ))
    }

    /// A new code for `role` in `room_id`.
    pub fn create_for_role(&self, room_id: &str, role: &str) -> Result<Call<'_, RoomCode>> {
        let request = requests::create_for_role(&self.config, room_id, role)
            .map_err(|e| e.in_operation(self.name(Operation::CreateForRole)))?;
        Ok(Call::new(
            self.context(),
            Operation::CreateForRole,
            request,
            responses::code,
        ))
    }

    /// One page of the codes of `room_id`.
    pub fn list_page(&self, room_id: &str, filter: &ListFilter) -> Result<Call<'_, RoomCodePage>> {
        let request = requests::list_page(&self.config, room_id, filter)
            .map_err(|e| e.in_operation(self.name(Operation::ListPage)))?;
        Ok(Call::new(
            self.context(),
            Operation::ListPage,
            request,
            responses::page,
        ))
    }

    /// A listing of every page that `filter` keeps, bounded by the config's
    /// `max_pages`; step it with [`Core::list_next`].
    pub fn pager(&self, filter: ListFilter) -> Pager {
        Pager::new(filter, self.config.max_pages).spelled(self.config.spelling())
    }

    /// The call for the next page of `pager`'s listing of `room_id`, or `None`
    /// when the listing is over. Its errors name `list`; past `max_pages`
    /// pages it is a `decode` error (the pages fetched were all kept). A
    /// cursor the service sent is sent back as it came: caller-input limits
    /// do not apply to it.
    pub fn list_next(
        &self,
        room_id: &str,
        pager: &Pager,
    ) -> Option<Result<Call<'_, RoomCodePage>>> {
        let filter = pager.next_filter()?;
        if let Err(error) = pager.check_page_limit() {
            return Some(Err(error));
        }
        let request =
            requests::list_next(&self.config, room_id, filter, pager.cursor_from_service());
        Some(
            request
                .map(|request| {
                    Call::new(
                        self.context(),
                        Operation::ListPage,
                        request,
                        responses::page,
                    )
                    .named(self.config.spelling().name("list"))
                })
                .map_err(|e| e.in_operation(self.config.spelling().name("list"))),
        )
    }

    /// Enables or disables `code`.
    pub fn set_enabled(&self, code: &str, enabled: bool) -> Result<Call<'_, RoomCode>> {
        let request = requests::set_enabled(&self.config, code, enabled)
            .map_err(|e| e.in_operation(self.name(Operation::SetEnabled)))?;
        Ok(Call::new(
            self.context(),
            Operation::SetEnabled,
            request,
            responses::code,
        ))
    }

    /// Exchanges `code` for a client auth token and its expiry (no management
    /// token is sent).
    pub fn auth_token_for_code(
        &self,
        code: &str,
        user_id: Option<&str>,
    ) -> Result<Call<'_, AuthToken>> {
        let request = requests::auth_token_for_code(&self.config, code, user_id)
            .map_err(|e| e.in_operation(self.name(Operation::AuthTokenForCode)))?;
        Ok(Call::new(
            self.context(),
            Operation::AuthTokenForCode,
            request,
            responses::token,
        ))
    }
}
