//! Both clients behind one interface, so the shared tables (the fault matrix,
//! the bad-input table) and the transport rules (TLS, redirects, deadlines,
//! cancellation) run against each: the blocking one as it is, the async one
//! on a current-thread tokio runtime of its own.

use hms_room_codes::{
    async_client, blocking, AuthToken, CallOptions, Config, ListFilter, Result, RoomCode,
    RoomCodePage,
};

/// Which client a test drives.
#[derive(Debug, Clone, Copy)]
pub enum Flavor {
    Blocking,
    Async,
}

impl Flavor {
    pub const ALL: [Flavor; 2] = [Flavor::Blocking, Flavor::Async];

    /// A client of this flavor for `config`.
    pub fn client(self, config: Config) -> Box<dyn Client> {
        match self {
            Flavor::Blocking => Box::new(blocking::RoomCodesClient::new(config)),
            Flavor::Async => Box::new(AsyncClient::new(config)),
        }
    }
}

/// Declares `Client` and implements it for both clients from one list of
/// operations, each `fn name(args) -> answer = method`: the blocking client
/// calls `method`, the async one blocks on it. The listing, collected, differs.
macro_rules! clients {
    ($(fn $name:ident(&self $(, $arg:ident: $ty:ty)*) -> $answer:ty = $method:ident;)*) => {
        /// The operations of either client, each within `options`.
        pub trait Client {
            $(fn $name(&self $(, $arg: $ty)*) -> $answer;)*
            /// The whole listing, collected (up to and including the first error).
            fn list(&self, room_id: &str, filter: &ListFilter, options: &CallOptions)
                -> Vec<Result<RoomCode>>;
        }

        impl Client for blocking::RoomCodesClient {
            $(fn $name(&self $(, $arg: $ty)*) -> $answer {
                self.$method($($arg),*)
            })*
            fn list(&self, room_id: &str, filter: &ListFilter, options: &CallOptions)
                -> Vec<Result<RoomCode>> {
                self.list_with(room_id, filter, options).collect()
            }
        }

        impl Client for AsyncClient {
            $(fn $name(&self $(, $arg: $ty)*) -> $answer {
                self.runtime.block_on(self.client.$method($($arg),*))
            })*
            fn list(&self, room_id: &str, filter: &ListFilter, options: &CallOptions)
                -> Vec<Result<RoomCode>> {
                self.collect_listing(room_id, filter, options)
            }
        }
    };
}

clients! {
    fn create(&self, room_id: &str, options: &CallOptions) -> Result<Vec<RoomCode>> = create_with;
    fn create_for_role(&self, room_id: &str, role: &str, options: &CallOptions)
        -> Result<RoomCode> = create_for_role_with;
    fn list_page(&self, room_id: &str, filter: &ListFilter, options: &CallOptions)
        -> Result<RoomCodePage> = list_page_with;
    fn set_enabled(&self, code: &str, enabled: bool, options: &CallOptions)
        -> Result<RoomCode> = set_enabled_with;
    fn auth_token_for_code(&self, code: &str, user_id: Option<&str>, options: &CallOptions)
        -> Result<AuthToken> = auth_token_for_code_with;
}

/// The async client with a runtime to block on.
pub struct AsyncClient {
    client: async_client::RoomCodesClient,
    runtime: tokio::runtime::Runtime,
}

impl AsyncClient {
    pub fn new(config: Config) -> AsyncClient {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        // reqwest's pool lives in the runtime it was made in.
        let client = runtime.block_on(async { async_client::RoomCodesClient::new(config) });
        AsyncClient { client, runtime }
    }

    /// The whole listing of the async client's stream, collected.
    fn collect_listing(
        &self,
        room_id: &str,
        filter: &ListFilter,
        options: &CallOptions,
    ) -> Vec<Result<RoomCode>> {
        let mut list = self.client.list_with(room_id, filter, options);
        self.runtime.block_on(async {
            let mut all = Vec::new();
            while let Some(code) = std::future::poll_fn(|cx| {
                futures_core::Stream::poll_next(std::pin::Pin::new(&mut list), cx)
            })
            .await
            {
                all.push(code);
            }
            all
        })
    }
}
