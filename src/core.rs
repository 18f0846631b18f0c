//! The sans-IO client: owns the config, the auth state and the retry policy,
//! and starts a [`Call`] per operation. It never does I/O.

use crate::auth::Auth;
use crate::call::Call;
use crate::config::Config;
use crate::error::Result;
use crate::model::{ListFilter, RoomCode, RoomCodePage};
use crate::operation::Operation;
use crate::requests;
use crate::responses;
use crate::retry::RetryPolicy;

/// The state every call of one client shares. `Send + Sync`.
#[derive(Debug)]
pub struct Core {
    config: Config,
    auth: Auth,
    policy: RetryPolicy,
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
        Core {
            config,
            auth,
            policy,
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

    /// Codes for every role of `room_id`.
    pub fn create(&self, room_id: &str) -> Result<Call<'_, Vec<RoomCode>>> {
        let request = requests::create(&self.config, room_id)?;
        Ok(Call::new(
            self,
            Operation::Create,
            request,
            responses::code_list,
        ))
    }

    /// A new code for `role` in `room_id`.
    pub fn create_for_role(&self, room_id: &str, role: &str) -> Result<Call<'_, RoomCode>> {
        let request = requests::create_for_role(&self.config, room_id, role)?;
        Ok(Call::new(
            self,
            Operation::CreateForRole,
            request,
            responses::code,
        ))
    }

    /// One page of the codes of `room_id`.
    pub fn list_page(&self, room_id: &str, filter: &ListFilter) -> Result<Call<'_, RoomCodePage>> {
        let request = requests::list_page(&self.config, room_id, filter)?;
        Ok(Call::new(
            self,
            Operation::ListPage,
            request,
            responses::page,
        ))
    }

    /// Enables or disables `code`.
    pub fn set_enabled(&self, code: &str, enabled: bool) -> Result<Call<'_, RoomCode>> {
        let request = requests::set_enabled(&self.config, code, enabled)?;
        Ok(Call::new(
            self,
            Operation::SetEnabled,
            request,
            responses::code,
        ))
    }

    /// Exchanges `code` for a client auth token (no management token is sent).
    pub fn auth_token_for_code(
        &self,
        code: &str,
        user_id: Option<&str>,
    ) -> Result<Call<'_, String>> {
        let request = requests::auth_token_for_code(&self.config, code, user_id)?;
        Ok(Call::new(
            self,
            Operation::AuthTokenForCode,
            request,
            responses::token,
        ))
    }
}
