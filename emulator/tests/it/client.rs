//! A tiny HTTP/1.1 client over `TcpStream`, and helpers to drive an emulator.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use hms_emulator::{Emulator, EmulatorConfig};
use serde_json::{json, Value};
use sha2::Sha256;

/// The default fixed management token.
pub const TOKEN: &str = "emulator-management-token";

/// One response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    /// A header by lowercase name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// Asserts the status and the error message of an error answer, and returns its body.
    #[track_caller]
    pub fn error(&self, status: u16, message: &str) -> Value {
        let body = self.json();
        assert_eq!(
            (self.status, body["message"].as_str()),
            (status, Some(message)),
            "{body}"
        );
        assert_eq!(body["code"], status);
        body
    }
}

/// One connection, for several requests.
pub struct Conn {
    reader: BufReader<TcpStream>,
    host: String,
}

impl Conn {
    /// Connects to the emulator.
    pub fn open(emulator: &Emulator) -> Conn {
        let stream = TcpStream::connect(("127.0.0.1", emulator.port())).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        Conn {
            reader: BufReader::new(stream),
            host: format!("127.0.0.1:{}", emulator.port()),
        }
    }

    /// Sends raw bytes.
    pub fn write(&mut self, raw: &[u8]) -> io::Result<()> {
        self.reader.get_mut().write_all(raw)
    }

    /// Sends a request with `Content-Length` and reads its response.
    pub fn send(
        &mut self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> io::Result<Resp> {
        let mut raw = format!("{method} {target} HTTP/1.1\r\nHost: {}\r\n", self.host);
        for (name, value) in headers {
            raw.push_str(&format!("{name}: {value}\r\n"));
        }
        if let Some(body) = body {
            raw.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        raw.push_str("\r\n");
        raw.push_str(body.unwrap_or(""));
        self.write(raw.as_bytes())?;
        self.read_response()
    }

    /// Reads one response; a body shorter than its Content-Length is an `UnexpectedEof`.
    pub fn read_response(&mut self) -> io::Result<Resp> {
        let (status, headers) = self.read_head()?;
        let length: usize = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .map_or(0, |(_, v)| v.parse().unwrap());
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body)?;
        Ok(Resp {
            status,
            headers,
            body,
        })
    }

    /// Reads a status line and headers.
    pub fn read_head(&mut self) -> io::Result<(u16, Vec<(String, String)>)> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let status = line.split(' ').nth(1).unwrap().parse().unwrap();
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let line = line.trim_end();
            if line.is_empty() {
                return Ok((status, headers));
            }
            let (name, value) = line.split_once(':').unwrap();
            headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
        }
    }

    /// Reads whatever is left until the server closes.
    pub fn read_rest(&mut self) -> io::Result<Vec<u8>> {
        let mut rest = Vec::new();
        self.reader.read_to_end(&mut rest)?;
        Ok(rest)
    }
}

/// An emulator and requests to it, authorized with the fixed management token.
pub struct Api {
    pub emulator: Emulator,
}

impl Api {
    /// A fresh emulator with the default configuration.
    pub fn new() -> Api {
        Api {
            emulator: hms_emulator::start(EmulatorConfig::default()).unwrap(),
        }
    }

    /// A request on a new connection.
    pub fn send(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> io::Result<Resp> {
        Conn::open(&self.emulator).send(method, target, headers, body)
    }

    /// A management call with the fixed token; `body` is sent as JSON.
    pub fn call(&self, method: &str, target: &str, body: Option<&Value>) -> Resp {
        let body = body.map(Value::to_string);
        let auth = format!("Bearer {TOKEN}");
        let mut headers = vec![("Authorization", auth.as_str())];
        if body.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        self.send(method, target, &headers, body.as_deref())
            .unwrap()
    }

    /// A control call (no auth).
    pub fn control(&self, method: &str, target: &str, body: Option<&Value>) -> Resp {
        let body = body.map(Value::to_string);
        let resp = self.send(method, target, &[], body.as_deref()).unwrap();
        assert_eq!(resp.status, 200, "{}", String::from_utf8_lossy(&resp.body));
        resp
    }

    /// Creates a room (of `template`, or the default one) and returns its id.
    pub fn room(&self, template: Option<&str>) -> String {
        let body = match template {
            Some(t) => json!({ "template_id": t }),
            None => json!({}),
        };
        let resp = self.call("POST", "/v2/rooms", Some(&body));
        assert_eq!(resp.status, 200);
        resp.json()["id"].as_str().unwrap().to_owned()
    }

    /// Creates one code for a role and returns it.
    pub fn code(&self, room_id: &str, role: &str) -> Value {
        let resp = self.call(
            "POST",
            &format!("/v2/room-codes/room/{room_id}/role/{}", encode(role)),
            None,
        );
        assert_eq!(resp.status, 200, "{}", String::from_utf8_lossy(&resp.body));
        resp.json()
    }

    /// Disables or enables a room.
    pub fn set_room_enabled(&self, room_id: &str, enabled: bool) {
        let body = json!({ "enabled": enabled });
        let resp = self.call("POST", &format!("/v2/rooms/{room_id}"), Some(&body));
        assert_eq!(resp.status, 200);
        assert_eq!(resp.json()["enabled"], enabled);
    }

    /// Queues a fault rule.
    pub fn fault(&self, rule: Value) {
        self.control("POST", "/_emulator/faults", Some(&rule));
    }

    /// The request log.
    pub fn requests(&self) -> Vec<Value> {
        let log = self.control("GET", "/_emulator/requests", None).json();
        log.as_array().unwrap().clone()
    }
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Signs claims into an HS256 JWT.
pub fn jwt(claims: &Value, secret: &str) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{header}.{payload}").as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    format!("{header}.{payload}.{signature}")
}

/// Whether a JWT's HS256 signature is right for `secret`.
pub fn jwt_verifies(token: &str, secret: &str) -> bool {
    let (signed, signature) = token.rsplit_once('.').unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(signed.as_bytes());
    mac.verify_slice(&URL_SAFE_NO_PAD.decode(signature).unwrap())
        .is_ok()
}

/// Decodes a JWT's claims without checking it.
pub fn jwt_claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

/// Unix seconds now.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}
