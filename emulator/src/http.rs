//! HTTP/1.1 on a byte stream: reading a request (Content-Length or chunked body), writing a
//! response, and percent-decoding paths and queries.

use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, Read, Write};

use serde::Serialize;

use crate::error::ApiError;

const MAX_LINE: u64 = 16 * 1024;
const MAX_HEADERS: usize = 100;
const MAX_BODY: usize = 8 * 1024 * 1024;

/// One parsed request.
#[derive(Debug)]
pub struct Request {
    /// The method, as sent (methods are case-sensitive).
    pub method: String,
    /// The path, still percent-encoded.
    pub path: String,
    /// The query without its `?`, still encoded; empty when absent.
    pub query: String,
    /// Headers in order, names lowercased.
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked.
    pub body: Vec<u8>,
    http10: bool,
}

impl Request {
    /// The first value of a header, by lowercase name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the connection stays open after the answer.
    pub fn keep_alive(&self) -> bool {
        let connection = self.header("connection").unwrap_or("").to_ascii_lowercase();
        let has = |token: &str| connection.split(',').any(|t| t.trim() == token);
        if self.http10 {
            has("keep-alive")
        } else {
            !has("close")
        }
    }
}

/// Why no request could be read.
#[derive(Debug)]
pub enum ReadError {
    /// The connection broke; nothing can be answered.
    Io,
    /// The request is malformed: answer this, then close.
    Bad(ApiError),
}

impl From<io::Error> for ReadError {
    fn from(_: io::Error) -> Self {
        ReadError::Io
    }
}

fn bad(status: u16, detail: &str) -> ReadError {
    ReadError::Bad(ApiError::new(status, "malformed request").detail(detail))
}

/// Reads one line ending in LF, without its CR LF; `None` at a clean end of stream.
fn read_line<R: BufRead>(reader: &mut R) -> Result<Option<String>, ReadError> {
    let mut line = Vec::new();
    let n = reader
        .by_ref()
        .take(MAX_LINE)
        .read_until(b'\n', &mut line)?;
    if n == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        return Err(if n as u64 == MAX_LINE {
            bad(431, "line too long")
        } else {
            ReadError::Io
        });
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(String::from_utf8_lossy(&line).into_owned()))
}

fn required_line<R: BufRead>(reader: &mut R) -> Result<String, ReadError> {
    read_line(reader)?.ok_or(ReadError::Io)
}

/// Reads the next request; `Ok(None)` when the client closed the connection between requests.
/// Answers `Expect: 100-continue` on the same connection before reading the body.
pub fn read_request<S: Read + Write>(
    reader: &mut BufReader<S>,
) -> Result<Option<Request>, ReadError> {
    let line = loop {
        match read_line(reader)? {
            None => return Ok(None),
            Some(line) if line.is_empty() => continue,
            Some(line) => break line,
        }
    };
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad(400, "bad request line"));
    };
    let http10 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        _ => return Err(bad(505, "only HTTP/1.0 and HTTP/1.1 are served")),
    };
    if method.is_empty() || !target.starts_with('/') {
        return Err(bad(400, "bad request line"));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers = read_headers(reader)?;
    let mut request = Request {
        method: method.to_owned(),
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: Vec::new(),
        http10,
    };
    let chunked = match request.header("transfer-encoding") {
        None => false,
        Some(te) if te.rsplit(',').next().map(str::trim) == Some("chunked") => true,
        Some(_) => return Err(bad(501, "only the chunked transfer coding is served")),
    };
    let length = content_length(&request)?;
    if (chunked || length > 0)
        && request
            .header("expect")
            .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
    {
        reader
            .get_mut()
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    request.body = if chunked {
        read_chunked(reader)?
    } else {
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        body
    };
    Ok(Some(request))
}

fn read_headers<R: BufRead>(reader: &mut R) -> Result<Vec<(String, String)>, ReadError> {
    let mut headers = Vec::new();
    loop {
        let line = required_line(reader)?;
        if line.is_empty() {
            return Ok(headers);
        }
        if headers.len() == MAX_HEADERS {
            return Err(bad(431, "too many headers"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(bad(400, "bad header line"));
        };
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(bad(400, "bad header name"));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
}

fn content_length(request: &Request) -> Result<usize, ReadError> {
    let mut length = None;
    for (_, value) in request
        .headers
        .iter()
        .filter(|(n, _)| n == "content-length")
    {
        let n: usize = value.parse().map_err(|_| bad(400, "bad content-length"))?;
        if length.is_some_and(|l| l != n) {
            return Err(bad(400, "conflicting content-length headers"));
        }
        length = Some(n);
    }
    let length = length.unwrap_or(0);
    if length > MAX_BODY {
        return Err(bad(413, "body too large"));
    }
    Ok(length)
}

fn read_chunked<R: BufRead>(reader: &mut R) -> Result<Vec<u8>, ReadError> {
    let mut body = Vec::new();
    loop {
        let line = required_line(reader)?;
        let size = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size, 16).map_err(|_| bad(400, "bad chunk size"))?;
        if size == 0 {
            // Trailers, up to the empty line.
            while !required_line(reader)?.is_empty() {}
            return Ok(body);
        }
        if body.len() + size > MAX_BODY {
            return Err(bad(413, "body too large"));
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..])?;
        if !required_line(reader)?.is_empty() {
            return Err(bad(400, "chunk longer than its size"));
        }
    }
}

/// One response to write.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    content_type: Option<Cow<'static, str>>,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    /// A response with a body of the given content type.
    pub fn raw(status: u16, content_type: impl Into<Cow<'static, str>>, body: Vec<u8>) -> Self {
        Response {
            status,
            content_type: Some(content_type.into()),
            headers: Vec::new(),
            body,
        }
    }

    /// A response without a body.
    pub fn empty(status: u16) -> Self {
        Response {
            status,
            content_type: None,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// A JSON response.
    pub fn json(status: u16, value: &impl Serialize) -> Self {
        let body = serde_json::to_vec(value).expect("emulator values serialize");
        Response::raw(status, "application/json", body)
    }

    /// The answer to a CORS preflight.
    pub fn preflight() -> Self {
        Response::empty(204)
            .with_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            .with_header(
                "Access-Control-Allow-Headers",
                "authorization, content-type, user-agent",
            )
            .with_header("Access-Control-Max-Age", "600")
    }

    /// 405, naming the methods the path takes.
    pub fn method_not_allowed(allow: &'static str) -> Self {
        Response::from(ApiError::new(405, "method not allowed")).with_header("Allow", allow)
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// Writes the response; with `truncate`, declares the full Content-Length but writes only
    /// half of the body.
    pub fn write_to<W: Write>(
        &self,
        w: &mut W,
        keep_alive: bool,
        truncate: bool,
    ) -> io::Result<()> {
        use std::fmt::Write as _;
        let mut head = String::with_capacity(256);
        let _ = write!(head, "HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        if let Some(content_type) = &self.content_type {
            let _ = write!(head, "Content-Type: {content_type}\r\n");
        }
        let _ = write!(head, "Content-Length: {}\r\n", self.body.len());
        // Like the service's support ids: every response names its request.
        let request_id = NEXT_REQUEST_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let _ = write!(head, "X-Request-Id: emu-{request_id}\r\n");
        head.push_str("Access-Control-Allow-Origin: *\r\n");
        head.push_str("Access-Control-Expose-Headers: Retry-After, X-Request-Id\r\n");
        head.push_str(if keep_alive {
            "Connection: keep-alive\r\n"
        } else {
            "Connection: close\r\n"
        });
        for (name, value) in &self.headers {
            let _ = write!(head, "{name}: {value}\r\n");
        }
        head.push_str("\r\n");
        let body = if truncate {
            &self.body[..self.body.len() / 2]
        } else {
            &self.body[..]
        };
        let mut out = head.into_bytes();
        out.extend_from_slice(body);
        w.write_all(&out)?;
        w.flush()
    }
}

/// The number in the next response's `X-Request-Id`.
static NEXT_REQUEST_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The reason phrase of a status code.
pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    }
}

/// Percent-decodes `s` (with `plus_is_space`, also `+` as a space); `None` when the result is
/// not UTF-8. A `%` not followed by two hex digits stays as it is.
pub fn percent_decode(s: &str, plus_is_space: bool) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' => {
                let hi = bytes.get(i + 1).and_then(|&b| hex(b));
                let lo = bytes.get(i + 2).and_then(|&b| hex(b));
                if let (Some(hi), Some(lo)) = (hi, lo) {
                    out.push((hi * 16 + lo) as u8);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// The percent-decoded segments of a path (`/v2/rooms/x` → `["v2", "rooms", "x"]`).
pub fn path_segments(path: &str) -> Option<Vec<String>> {
    path.strip_prefix('/')
        .unwrap_or(path)
        .split('/')
        .map(|segment| percent_decode(segment, false))
        .collect()
}

/// The decoded `name=value` pairs of a query; a pair without `=` has an empty value.
pub fn query_pairs(query: &str) -> Option<Vec<(String, String)>> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            Some((percent_decode(name, true)?, percent_decode(value, true)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_and_plus() {
        assert_eq!(
            percent_decode("a%20b%2Fc%3Fd%23e%25f", false).unwrap(),
            "a b/c?d#e%f"
        );
        assert_eq!(percent_decode("a+b", false).unwrap(), "a+b");
        assert_eq!(percent_decode("a+b%2B", true).unwrap(), "a b+");
        assert_eq!(percent_decode("100%", false).unwrap(), "100%");
        assert_eq!(percent_decode("%zz%4", false).unwrap(), "%zz%4");
        assert!(percent_decode("%ff", false).is_none());
    }

    #[test]
    fn splits_paths_and_queries() {
        assert_eq!(
            path_segments("/v2/room-codes/room/a%2Fb").unwrap(),
            ["v2", "room-codes", "room", "a/b"]
        );
        assert_eq!(
            query_pairs("role=a+b&limit=10&enabled").unwrap(),
            [
                ("role".to_owned(), "a b".to_owned()),
                ("limit".to_owned(), "10".to_owned()),
                ("enabled".to_owned(), String::new())
            ]
        );
    }

    #[test]
    fn reads_chunked_bodies() {
        let raw = b"POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n";
        let mut reader = BufReader::new(io::Cursor::new(raw.to_vec()));
        let request = read_request(&mut reader).unwrap().unwrap();
        assert_eq!(request.body, b"abcde");
        assert!(request.keep_alive());
    }
}
