//! Both clients through a real HTTP proxy (tinyproxy, from scripts/setup.sh):
//! HTTPS to the emulator goes by CONNECT, given explicitly or by the
//! environment's variables (read through a lookup here: the tests share one
//! process environment), and `no_proxy` sends it direct.

use crate::clients::Flavor;
use crate::support::{Env, TOKEN};
use hms_room_codes::{CallOptions, ErrorKind, ListFilter};
use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A tinyproxy on 127.0.0.1, stopped on drop; its log names each CONNECT.
struct Tinyproxy {
    child: Child,
    dir: PathBuf,
    url: String,
}

impl Tinyproxy {
    fn start() -> Tinyproxy {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = std::env::temp_dir().join(format!("hms-tinyproxy-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let config = format!(
            "Port {port}\nListen 127.0.0.1\nTimeout 30\nMaxClients 32\nAllow 127.0.0.1\n\
             LogLevel Info\nLogFile \"{}\"\n",
            dir.join("log").display()
        );
        std::fs::write(dir.join("conf"), config).unwrap();
        let child = Command::new("tinyproxy")
            .arg("-d")
            .arg("-c")
            .arg(dir.join("conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tinyproxy runs (scripts/setup.sh installs it)");
        let proxy = Tinyproxy {
            child,
            dir,
            url: format!("http://127.0.0.1:{port}"),
        };
        let until = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < until,
                "tinyproxy did not listen within 10 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        proxy
    }

    /// How many CONNECT requests to 127.0.0.1 the log shows.
    fn connects(&self) -> usize {
        let mut log = String::new();
        if let Ok(mut file) = std::fs::File::open(self.dir.join("log")) {
            file.read_to_string(&mut log).unwrap();
        }
        log.lines()
            .filter(|line| {
                line.contains("Request (file descriptor") && line.contains(": CONNECT 127.0.0.1:")
            })
            .count()
    }
}

impl Drop for Tinyproxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn https_goes_through_the_proxy_by_connect_given_or_from_the_environment() {
    let env = Env::start_tls();
    let proxy = Tinyproxy::start();
    let ca = env.emulator.ca_pem().unwrap();
    let room = "no-such-room";
    let ask = |flavor: Flavor, builder: hms_room_codes::ConfigBuilder| {
        let client = env.client_of(
            flavor,
            builder
                .management_token(TOKEN)
                .ca_certificates_pem(ca)
                .max_retries(0),
        );
        // The room is unknown: a 404 from the service proves the request got there.
        client
            .list_page(room, &ListFilter::default(), &CallOptions::new())
            .unwrap_err()
            .kind()
    };
    let vars = |pairs: &'static [(&'static str, &'static str)], url: String| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.replace("{proxy}", &url))
        }
    };
    for flavor in Flavor::ALL {
        let before = proxy.connects();
        assert_eq!(
            ask(flavor, env.config().proxy(&proxy.url)),
            ErrorKind::RoomNotFound
        );
        let after_explicit = proxy.connects();
        assert!(
            after_explicit > before,
            "{flavor:?}: no CONNECT went through the proxy"
        );
        let from_env = env
            .config()
            .proxy_from_lookup(vars(&[("HTTPS_PROXY", "{proxy}")], proxy.url.clone()));
        assert_eq!(ask(flavor, from_env), ErrorKind::RoomNotFound);
        let after_env = proxy.connects();
        assert!(
            after_env > after_explicit,
            "{flavor:?}: HTTPS_PROXY was not followed"
        );
        let bypassed = env.config().proxy_from_lookup(vars(
            &[
                ("https_proxy", "{proxy}"),
                ("NO_PROXY", "localhost,127.0.0.1"),
            ],
            proxy.url.clone(),
        ));
        assert_eq!(ask(flavor, bypassed), ErrorKind::RoomNotFound);
        assert_eq!(
            proxy.connects(),
            after_env,
            "{flavor:?}: NO_PROXY was not followed"
        );
        // A proxy that is not there: the call fails as a network error, never direct.
        let closed = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let nowhere = env.config().proxy(format!("http://127.0.0.1:{closed}"));
        assert_eq!(ask(flavor, nowhere), ErrorKind::Network, "{flavor:?}");
    }
}
