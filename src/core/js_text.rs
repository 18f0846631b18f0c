//! Results as the text the npm layer turns into JS values, written straight
//! from the views of the body. One code is JSON for `JSON.parse`, in the shape
//! of the model types' `Serialize` (snake_case keys, `null` for an absent
//! value); a string the body held unescaped is copied as it is. An array of
//! codes is [`JsCodes::Compact`] where it can be: its fields joined by U+001F,
//! which the npm layer splits and builds objects from three to four times
//! faster than `JSON.parse` reads the same codes.

use crate::core::error::Result;
use crate::core::json;
use crate::core::json::Text;
use crate::core::listing::ListedPage;
use crate::core::wire::responses;
use crate::core::wire::views::CodeView;

/// The separator of [`JsCodes::Compact`].
const SEPARATOR: char = '\u{1f}';

/// An array of room codes as text for JS.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum JsCodes {
    /// Six fields a code, in order: `code`, `room_id`, `role`, `enabled` (`1`
    /// or `0`), `created_at`, `updated_at` (an empty timestamp is `null`: a
    /// present one is RFC 3339), all joined by U+001F; empty for no code.
    Compact(String),
    /// A JSON array, for the rare codes with a U+001F in a string.
    Json(String),
}

/// A page, with what the pager needs to know of it.
pub(crate) struct PageForJs {
    /// The page size the service used, if it said.
    pub limit: Option<u32>,
    /// The cursor of the next page (`None` for none or an empty one).
    pub cursor: Option<String>,
    /// Whether the page held any code.
    pub had_codes: bool,
    /// The codes.
    pub codes: JsCodes,
}

impl ListedPage for PageForJs {
    fn cursor(&self) -> Option<&str> {
        self.cursor.as_deref()
    }

    fn has_codes(&self) -> bool {
        self.had_codes
    }
}

/// A room code's body (create_for_role, set_enabled) as JSON.
pub(crate) fn code(body: &[u8]) -> Result<String> {
    let view = responses::code_view(body)?;
    let mut out = String::with_capacity(body.len());
    write_code(&mut out, &view);
    Ok(out)
}

/// Create's body: its codes.
pub(crate) fn codes(body: &[u8]) -> Result<JsCodes> {
    Ok(codes_for_js(&responses::code_list_view(body)?, body.len()))
}

/// A list page's body.
pub(crate) fn page(body: &[u8]) -> Result<PageForJs> {
    let view = responses::page_view(body)?;
    Ok(PageForJs {
        limit: view.limit,
        cursor: view.cursor().map(String::from),
        had_codes: !view.data.is_empty(),
        codes: codes_for_js(&view.data, body.len()),
    })
}

/// `codes` compact, unless a string holds the separator (only an escaped
/// one can: JSON has no raw control characters); then JSON.
fn codes_for_js(codes: &[CodeView], capacity: usize) -> JsCodes {
    let mut out = String::with_capacity(capacity);
    if !codes.iter().any(holds_separator) {
        write_compact(&mut out, codes);
        return JsCodes::Compact(out);
    }
    write_codes(&mut out, codes);
    JsCodes::Json(out)
}

/// Whether a string of `code` holds the separator. Only a string the service
/// escaped (an owned one) can: the borrowed ones are not scanned.
fn holds_separator(code: &CodeView) -> bool {
    let [(_, created), (_, updated)] = code.timestamps();
    [
        Some(&code.code),
        Some(&code.room_id),
        Some(&code.role),
        created,
        updated,
    ]
    .into_iter()
    .flatten()
    .any(|text| matches!(&text.0, std::borrow::Cow::Owned(owned) if owned.contains(SEPARATOR)))
}

fn write_compact(out: &mut String, codes: &[CodeView]) {
    for (i, code) in codes.iter().enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        for text in [&code.code, &code.room_id, &code.role] {
            out.push_str(text.as_str());
            out.push(SEPARATOR);
        }
        out.push(if code.enabled { '1' } else { '0' });
        for (_, value) in code.timestamps() {
            out.push(SEPARATOR);
            out.push_str(value.map_or("", Text::as_str));
        }
    }
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
    use crate::core::model::RoomCode;

    /// Codes covering every path: escapes, non-ASCII, control characters,
    /// absent and null timestamps, unknown fields.
    const CODES: [&str; 4] = [
        r#"{"code":"wpi-srjb-wer","room_id":"r1","role":"host","enabled":true,"created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:05.123Z","extra":[1,{"a":"b"}]}"#,
        r#"{"code":"a\"b\\c\n\u0001","room_id":"r\u00e9","role":"g\u2028x","enabled":false}"#,
        r#"{"code":"c","room_id":"r","role":"hé","enabled":true,"created_at":null,"updated_at":"2024-01-02T03:04:05+05:30"}"#,
        r#"{"code":"\/x","room_id":"r","role":"h","enabled":false,"created_at":"2024-01-02T03:04:05Z"}"#,
    ];

    /// A code's fields, in the compact form's order.
    type Fields = (String, String, String, bool, Option<String>, Option<String>);

    /// What the npm layer's `codesFromCompact` makes of `compact`.
    fn from_compact(compact: &str) -> Vec<Fields> {
        if compact.is_empty() {
            return Vec::new();
        }
        let fields: Vec<&str> = compact.split(SEPARATOR).collect();
        let stamp = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        fields
            .chunks(6)
            .map(|f| {
                (
                    f[0].into(),
                    f[1].into(),
                    f[2].into(),
                    f[3] == "1",
                    stamp(f[4]),
                    stamp(f[5]),
                )
            })
            .collect()
    }

    fn fields(codes: &[RoomCode]) -> Vec<Fields> {
        codes
            .iter()
            .map(|c| {
                let c = c.clone();
                (
                    c.code,
                    c.room_id,
                    c.role,
                    c.enabled,
                    c.created_at,
                    c.updated_at,
                )
            })
            .collect()
    }

    #[test]
    fn one_code_is_the_json_serde_writes_for_the_model() {
        for one in CODES {
            let model = serde_json::to_string(&responses::code(one.as_bytes()).unwrap()).unwrap();
            assert_eq!(code(one.as_bytes()).unwrap(), model, "{one}");
        }
    }

    #[test]
    fn arrays_of_codes_are_compact_and_read_back_as_the_model() {
        let all = format!(r#"{{"data":[{}],"more":1}}"#, CODES.join(","));
        let model = responses::code_list(all.as_bytes()).unwrap();
        let JsCodes::Compact(compact) = codes(all.as_bytes()).unwrap() else {
            panic!("not compact")
        };
        assert_eq!(from_compact(&compact), fields(&model));
        assert_eq!(
            codes(br#"{"data":[]}"#).unwrap(),
            JsCodes::Compact(String::new())
        );
        for (limit, last) in [("100", r#""c9""#), ("null", r#""""#), ("7", "null")] {
            let body = format!(
                r#"{{"limit":{limit},"data":[{}],"last":{last}}}"#,
                CODES.join(",")
            );
            let model = responses::page(body.as_bytes()).unwrap();
            let page = page(body.as_bytes()).unwrap();
            assert_eq!(
                (page.limit, &page.cursor, page.had_codes),
                (model.limit, &model.last, true)
            );
            let JsCodes::Compact(compact) = page.codes else {
                panic!("not compact")
            };
            assert_eq!(from_compact(&compact), fields(&model.data), "{body}");
        }
        assert!(!page(br#"{"data":[]}"#).unwrap().had_codes);
    }

    #[test]
    fn a_separator_in_a_string_falls_back_to_json() {
        let odd = r#"{"data":[{"code":"a\u001fb","room_id":"r","role":"h","enabled":true}]}"#;
        let model = responses::code_list(odd.as_bytes()).unwrap();
        assert_eq!(
            codes(odd.as_bytes()).unwrap(),
            JsCodes::Json(serde_json::to_string(&model).unwrap())
        );
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
