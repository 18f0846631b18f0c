//! The sans-IO client: owns the config, the auth state and the retry policy,
//! and starts a [`Call`] per operation. It never does I/O.

use crate::core::auth::Auth;
use crate::core::call::operation::Operation;
use crate::core::call::retry::RetryPolicy;
use crate::core::call::Call;
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

    pub(crate) fn auth(&self) -> &Auth {
        &self.auth
    }

    pub(crate) fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    pub(crate) fn random(&self) -> &Random {
        &self.random
    }

    /// Codes for every role of `room_id`.
    pub fn create(&self, room_id: &str) -> Result<Call<'_, Vec<RoomCode>>> {
        let request = requests::create(&self.config, room_id)
            .map_err(|e| e.in_operation(Operation::Create.as_str()))?;
        Ok(Call::new(
            self,
            Operation::Create,
            request,
            responses::code_list,
        ))
    }

    /// A new code for `role` in `room_id`.
    pub fn create_for_role(&self, room_id: &str, role: &str) -> Result<Call<'_, RoomCode>> {
        let request = requests::create_for_role(&self.config, room_id, role)
            .map_err(|e| e.in_operation(Operation::CreateForRole.as_str()))?;
        Ok(Call::new(
            self,
            Operation::CreateForRole,
            request,
            responses::code,
        ))
    }

    /// One page of the codes of `room_id`.
    pub fn list_page(&self, room_id: &str, filter: &ListFilter) -> Result<Call<'_, RoomCodePage>> {
        let request = requests::list_page(&self.config, room_id, filter)
            .map_err(|e| e.in_operation(Operation::ListPage.as_str()))?;
        Ok(Call::new(
            self,
            Operation::ListPage,
            request,
            responses::page,
        ))
    }

    /// A listing of every page that `filter` keeps, bounded by the config's
    /// `max_pages`; step it with [`Core::list_next`].
    pub fn pager(&self, filter: ListFilter) -> Pager {
        Pager::new(filter, self.config.max_pages)
    }

    /// The call for the next page of `pager`'s listing of `room_id`, or `None`
    /// when the listing is over. Its errors name `list`. A cursor the service
    /// sent is sent back as it came: caller-input limits do not apply to it.
    pub fn list_next(
        &self,
        room_id: &str,
        pager: &Pager,
    ) -> Option<Result<Call<'_, RoomCodePage>>> {
        let filter = pager.next_filter()?;
        let request =
            requests::list_next(&self.config, room_id, filter, pager.cursor_from_service());
        Some(
            request
                .map(|request| {
                    Call::new(self, Operation::ListPage, request, responses::page).named("list")
                })
                .map_err(|e| e.in_operation("list")),
        )
    }

    /// Enables or disables `code`.
    pub fn set_enabled(&self, code: &str, enabled: bool) -> Result<Call<'_, RoomCode>> {
        let request = requests::set_enabled(&self.config, code, enabled)
            .map_err(|e| e.in_operation(Operation::SetEnabled.as_str()))?;
        Ok(Call::new(
            self,
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
            .map_err(|e| e.in_operation(Operation::AuthTokenForCode.as_str()))?;
        Ok(Call::new(
            self,
            Operation::AuthTokenForCode,
            request,
            responses::token,
        ))
    }
}
