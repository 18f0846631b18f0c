//! Parsers of successful bodies into typed results. Unknown fields are ignored;
//! a body of the wrong shape is `decode`. The `*_view` parsers check the same
//! rules and leave the strings in the body (see `wire::views`); the others own them.

use crate::core::error::{Error, Result};
use crate::core::json::{once, required, Read, Reader};
use crate::core::model::{AuthToken, RoomCode, RoomCodePage};
use crate::core::wire::timestamp;
use crate::core::wire::views::{read_codes, CodeView, PageView};

/// `{"data": [RoomCode, ...]}` from create, read in place.
pub(crate) fn code_list_view(body: &[u8]) -> Result<Vec<CodeView<'_>>> {
    let codes = json(body, "a list of room codes", |reader| {
        let mut data = None;
        reader.object(|r, key| match key {
            "data" => once(&mut data, read_codes(r)?, r, key),
            _ => r.skip(),
        })?;
        required(reader, data, "data")
    })?;
    codes.iter().try_for_each(check_timestamps)?;
    Ok(codes)
}

/// `{"data": [RoomCode, ...]}` from create.
pub fn code_list(body: &[u8]) -> Result<Vec<RoomCode>> {
    Ok(code_list_view(body)?
        .into_iter()
        .map(RoomCode::from)
        .collect())
}

/// A bare RoomCode from create_for_role and set_enabled, read in place.
pub(crate) fn code_view(body: &[u8]) -> Result<CodeView<'_>> {
    let code = json(body, "a room code", CodeView::read)?;
    check_timestamps(&code)?;
    Ok(code)
}

/// A bare RoomCode from create_for_role and set_enabled.
pub fn code(body: &[u8]) -> Result<RoomCode> {
    code_view(body).map(RoomCode::from)
}

/// `{"limit", "data", "last"}` from list, read in place.
pub(crate) fn page_view(body: &[u8]) -> Result<PageView<'_>> {
    let page = json(body, "a page of room codes", PageView::read)?;
    page.data.iter().try_for_each(check_timestamps)?;
    Ok(page)
}

/// `{"limit", "data", "last"}` from list; an empty `last` becomes `None`.
pub fn page(body: &[u8]) -> Result<RoomCodePage> {
    page_view(body).map(RoomCodePage::from)
}

/// `{"token": "...", "expires_at": "..."}` from the token exchange; `expires_at`
/// may be absent or null, and is RFC 3339 when present.
pub fn token(body: &[u8]) -> Result<AuthToken> {
    let (token, expires_at) = json(body, "an auth token", |reader| {
        let (mut token, mut expires_at) = (None, None);
        reader.object(|r, key| match key {
            "token" => once(&mut token, r.string()?, r, key),
            "expires_at" => once(&mut expires_at, r.nullable(Reader::string)?, r, key),
            _ => r.skip(),
        })?;
        Ok((required(reader, token, "token")?, expires_at.flatten()))
    })?;
    if token.as_str().is_empty() {
        return Err(Error::decode(
            "the service answered with an empty auth token",
        ));
    }
    if let Some(expires_at) = &expires_at {
        timestamp::check("expires_at", expires_at.as_str())?;
    }
    Ok(AuthToken::new(
        token.0.into_owned(),
        expires_at.map(|t| t.0.into_owned()),
    ))
}

/// The timestamps of `code` that are present are RFC 3339.
fn check_timestamps(code: &CodeView) -> Result<()> {
    for (field, value) in code.timestamps() {
        if let Some(value) = value {
            timestamp::check(field, value.as_str())?;
        }
    }
    Ok(())
}

/// `body`, which must be UTF-8 holding one JSON value, read by `read`.
fn json<'a, T>(
    body: &'a [u8],
    what: &str,
    read: impl FnOnce(&mut Reader<'a>) -> Read<T>,
) -> Result<T> {
    let text = std::str::from_utf8(body).map_err(|e| {
        Error::decode(format!(
            "the service's answer is not {what}: it is not UTF-8 ({e})"
        ))
    })?;
    let mut reader = Reader::new(text);
    read(&mut reader)
        .and_then(|value| reader.end().map(|()| value))
        .map_err(|e| {
            // The reader's message names the member or position, never the body's text.
            Error::decode(format!("the service's answer is not {what}: {e}"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;

    const CODE: &str = r#"{"code":"wpi-srjb-wer","room_id":"r1","role":"host","enabled":true,
        "created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:05.123456789Z","extra":{"x":1}}"#;

    #[test]
    fn a_list_answer_without_data_is_no_page() {
        for body in [
            "{}".to_owned(),
            r#"{"message":"maintenance, try later"}"#.to_owned(),
            r#"{"limit":10,"last":"c"}"#.to_owned(),
            CODE.to_owned(),
        ] {
            let err = page(body.as_bytes()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Decode, "{body}");
            assert!(err.message().contains("data"), "{body}: {err}");
        }
        let empty = page(br#"{"data":[]}"#).unwrap();
        assert!(empty.data.is_empty() && empty.last.is_none());
    }

    #[test]
    fn parses_every_shape_and_ignores_unknown_fields() {
        let one = code(CODE.as_bytes()).unwrap();
        assert_eq!(one.code, "wpi-srjb-wer");
        assert_eq!(
            one.updated_at.as_deref(),
            Some("2024-01-02T03:04:05.123456789Z")
        );
        let list = code_list(format!(r#"{{"data":[{CODE},{CODE}],"more":1}}"#).as_bytes()).unwrap();
        assert_eq!(list.len(), 2);
        let p = page(format!(r#"{{"limit":20,"data":[{CODE}],"last":"c1"}}"#).as_bytes()).unwrap();
        assert_eq!(
            (p.limit, p.data.len(), p.last.as_deref()),
            (Some(20), 1, Some("c1"))
        );
        assert_eq!(
            token(br#"{"token":"jwt","exp":1}"#).unwrap(),
            AuthToken::new("jwt", None)
        );
        assert_eq!(
            token(br#"{"expires_at":"2030-01-02T03:04:05.678Z","token":"jwt"}"#).unwrap(),
            AuthToken::new("jwt", Some("2030-01-02T03:04:05.678Z".into()))
        );
        assert_eq!(
            token(br#"{"token":"jwt","expires_at":null}"#).unwrap(),
            AuthToken::new("jwt", None)
        );
    }

    #[test]
    fn keeps_timestamps_as_sent() {
        for ts in [
            "2024-01-02T03:04:05Z",
            "2024-01-02T03:04:05.123Z",
            "0001-01-01T00:00:00Z",
            "2024-01-02T03:04:05.1+05:30",
        ] {
            let body = CODE.replace("2024-01-02T03:04:05Z", ts);
            assert_eq!(
                code(body.as_bytes()).unwrap().created_at.as_deref(),
                Some(ts)
            );
        }
    }

    #[test]
    fn absent_or_null_timestamps_are_none_and_bad_ones_decode_errors() {
        let bare = r#"{"code":"c","room_id":"r","role":"host","enabled":true}"#;
        let none = code(bare.as_bytes()).unwrap();
        assert_eq!((none.created_at, none.updated_at), (None, None));
        let null = CODE.replace(r#""2024-01-02T03:04:05Z""#, "null");
        assert_eq!(code(null.as_bytes()).unwrap().created_at, None);
        for bad in ["", "2024-01-02", "soon"] {
            let body = CODE.replace("2024-01-02T03:04:05.123456789Z", bad);
            let err = code(body.as_bytes()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Decode);
            assert!(err.message().contains("updated_at"), "{err}");
            let list = format!(r#"{{"data":[{body}]}}"#);
            assert_eq!(
                code_list(list.as_bytes()).unwrap_err().kind(),
                ErrorKind::Decode
            );
            let one_page = format!(r#"{{"data":[{body}],"last":"x"}}"#);
            assert_eq!(
                page(one_page.as_bytes()).unwrap_err().kind(),
                ErrorKind::Decode
            );
        }
    }

    #[test]
    fn empty_or_absent_cursor_ends_paging() {
        assert_eq!(page(br#"{"data":[],"last":""}"#).unwrap().last, None);
        assert_eq!(page(br#"{"data":[]}"#).unwrap().last, None);
        assert_eq!(
            page(br#"{"limit":10,"data":[],"last":null}"#).unwrap().last,
            None
        );
    }

    #[test]
    fn wrong_shapes_are_decode_errors() {
        type Parser = fn(&[u8]) -> Result<()>;
        let bad: [(&str, Parser); 10] = [
            ("", |b| code(b).map(drop)),
            ("<html>oops</html>", |b| code(b).map(drop)),
            (r#"{"code":"x"}"#, |b| code(b).map(drop)),
            (r#"[1,2]"#, |b| code_list(b).map(drop)),
            (r#"{"data":[{"code":1}]}"#, |b| code_list(b).map(drop)),
            (r#"{"data":"nope"}"#, |b| page(b).map(drop)),
            (r#"{"token":""}"#, |b| token(b).map(drop)),
            ("{\"token\":\"a\"", |b| token(b).map(drop)),
            (r#"{"token":"a","expires_at":"tomorrow"}"#, |b| {
                token(b).map(drop)
            }),
            (r#"{"token":"a","expires_at":1}"#, |b| token(b).map(drop)),
        ];
        for (body, parse) in bad {
            assert_eq!(
                parse(body.as_bytes()).unwrap_err().kind(),
                ErrorKind::Decode,
                "{body}"
            );
        }
    }
}
