//! Results as the JSON text the npm layer hands to `JSON.parse`: the shape of
//! the model types' `Serialize` (snake_case keys, `null` for an absent value),
//! written straight from the views of the body. A string the body held
//! unescaped is copied as it is; only an escaped one is written again.

use crate::error::Result;
use crate::json;
use crate::responses;
use crate::views::{CodeView, PageView, Text};
use std::fmt::Write;
use std::ops::Range;

/// A page as JSON, with what the pager needs to know of it.
pub(crate) struct PageJson {
    /// `{"limit":…,"data":[…],"last":…}`.
    pub json: String,
    /// The cursor of the next page (`None` for none or an empty one).
    pub cursor: Option<String>,
    /// Whether the page held any code.
    pub had_codes: bool,
    /// Where `json` holds the array of codes.
    pub data: Range<usize>,
}

/// A room code's body (create_for_role, set_enabled) as JSON.
pub(crate) fn code(body: &[u8]) -> Result<String> {
    let view = responses::code_view(body)?;
    let mut out = String::with_capacity(body.len());
    write_code(&mut out, &view);
    Ok(out)
}

/// Create's body as the JSON array of its codes.
pub(crate) fn codes(body: &[u8]) -> Result<String> {
    let views = responses::code_list_view(body)?;
    let mut out = String::with_capacity(body.len());
    write_codes(&mut out, &views);
    Ok(out)
}

/// A list page's body as JSON.
pub(crate) fn page(body: &[u8]) -> Result<PageJson> {
    let view = responses::page_view(body)?;
    let mut out = String::with_capacity(body.len());
    let data = write_page(&mut out, &view);
    Ok(PageJson {
        json: out,
        data,
        cursor: view.cursor().map(String::from),
        had_codes: !view.data.is_empty(),
    })
}

/// Writes `page`; returns where its array of codes is.
fn write_page(out: &mut String, page: &PageView) -> Range<usize> {
    out.push_str("{\"limit\":");
    match page.limit {
        Some(limit) => {
            let _ = write!(out, "{limit}");
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"data\":");
    let start = out.len();
    write_codes(out, &page.data);
    let data = start..out.len();
    out.push_str(",\"last\":");
    match page.cursor() {
        Some(cursor) => json::write::string(out, cursor),
        None => out.push_str("null"),
    }
    out.push('}');
    data
}

fn write_codes(out: &mut String, codes: &[CodeView]) {
    out.push('[');
    for (i, code) in codes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_code(out, code);
    }
    out.push(']');
}

fn write_code(out: &mut String, code: &CodeView) {
    out.push_str("{\"code\":");
    write_text(out, &code.code);
    out.push_str(",\"room_id\":");
    write_text(out, &code.room_id);
    out.push_str(",\"role\":");
    write_text(out, &code.role);
    out.push_str(if code.enabled {
        ",\"enabled\":true"
    } else {
        ",\"enabled\":false"
    });
    for (field, value) in code.timestamps() {
        out.push_str(",\"");
        out.push_str(field);
        out.push_str("\":");
        match value {
            Some(value) => write_text(out, value),
            None => out.push_str("null"),
        }
    }
    out.push('}');
}

/// A string of the body: as it came when it was borrowed (nothing in it needs
/// escaping), escaped again when the service had escaped something.
fn write_text(out: &mut String, text: &Text) {
    match &text.0 {
        std::borrow::Cow::Borrowed(plain) => {
            out.push('"');
            out.push_str(plain);
            out.push('"');
        }
        std::borrow::Cow::Owned(unescaped) => json::write::string(out, unescaped),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes covering every path: escapes, non-ASCII, control characters,
    /// absent and null timestamps, unknown fields.
    const CODES: [&str; 4] = [
        r#"{"code":"wpi-srjb-wer","room_id":"r1","role":"host","enabled":true,"created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:05.123Z","extra":[1,{"a":"b"}]}"#,
        r#"{"code":"a\"b\\c\n\u0001","room_id":"r\u00e9","role":"g\u2028x","enabled":false}"#,
        r#"{"code":"c","room_id":"r","role":"hé","enabled":true,"created_at":null,"updated_at":"2024-01-02T03:04:05+05:30"}"#,
        r#"{"code":"\/x","room_id":"r","role":"h","enabled":false,"created_at":"2024-01-02T03:04:05Z"}"#,
    ];

    #[test]
    fn writes_what_serde_writes_for_the_model() {
        for one in CODES {
            let model = serde_json::to_string(&responses::code(one.as_bytes()).unwrap()).unwrap();
            assert_eq!(code(one.as_bytes()).unwrap(), model, "{one}");
        }
        let all = format!(r#"{{"data":[{}],"more":1}}"#, CODES.join(","));
        let model = serde_json::to_string(&responses::code_list(all.as_bytes()).unwrap()).unwrap();
        assert_eq!(codes(all.as_bytes()).unwrap(), model);
        for (limit, last) in [("100", r#""c9""#), ("null", r#""""#), ("7", "null")] {
            let body = format!(r#"{{"limit":{limit},"data":[{}],"last":{last}}}"#, CODES.join(","));
            let model = responses::page(body.as_bytes()).unwrap();
            let json = page(body.as_bytes()).unwrap();
            assert_eq!(json.json, serde_json::to_string(&model).unwrap(), "{body}");
            assert_eq!(json.cursor, model.last);
            let data = serde_json::to_string(&model.data).unwrap();
            assert_eq!(json.json[json.data.clone()], data);
            assert!(json.had_codes);
        }
        assert!(!page(br#"{"data":[]}"#).unwrap().had_codes);
    }

    #[test]
    fn keeps_the_rules_of_the_owned_parsers() {
        for bad in [
            r#"{"code":"c","room_id":"r","role":"h","enabled":true,"created_at":"soon"}"#,
            r#"{"code":1,"room_id":"r","role":"h","enabled":true}"#,
            "{\"code\":\"c\u{1}\",\"room_id\":\"r\",\"role\":\"h\",\"enabled\":true}",
        ] {
            let owned = responses::code(bad.as_bytes()).unwrap_err();
            assert_eq!(code(bad.as_bytes()).unwrap_err(), owned, "{bad}");
        }
    }
}
