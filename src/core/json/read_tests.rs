use super::*;
use serde::de::IgnoredAny;

/// Whether `text` is one JSON value, by the reader.
fn accepts(text: &str) -> bool {
    let mut reader = Reader::new(text);
    reader.skip().and_then(|()| reader.end()).is_ok()
}

#[test]
fn accepts_what_serde_json_accepts() {
    let deep_ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let texts = [
        "{}",
        "[]",
        " {\"a\" : [1, -0, 0.5, 1e9, 1E+2, -3.25e-7, true, false, null, \"x\"]} ",
        "\"\\u00e9\\ud83d\\ude00\\n\\/\"",
        "0",
        "-1",
        "123456789012345678901234567890",
        "{\"a\":{\"b\":{\"c\":[]}}}",
        &deep_ok,
        "",
        " ",
        "{",
        "}",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "{\"a\" 1}",
        "[1 2]",
        "01",
        "1.",
        ".5",
        "1e",
        "-",
        "+1",
        "tru",
        "nul",
        "\"abc",
        "\"a\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"a\u{1}b\"",
        "[1] [2]",
        "{} x",
        "NaN",
        "\"é\"",
        "[\"\\\\\"]",
        "{\"\":\"\"}",
    ];
    for text in texts {
        let reference = serde_json::from_str::<IgnoredAny>(text).is_ok();
        assert_eq!(accepts(text), reference, "{text:?}");
    }
    // Deeper than MAX_DEPTH is refused (serde_json skips any depth without recursing).
    let too_deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(!accepts(&too_deep));
    let limit = MAX_DEPTH as usize;
    // Depth is how deep, not how many: a level is left when its value closes.
    let siblings = format!("[{}[]]", "[{}],".repeat(2 * limit));
    assert!(accepts(&siblings));
    assert!(accepts(&format!(
        "{}{}",
        "[".repeat(limit),
        "]".repeat(limit)
    )));
    assert!(!accepts(&format!(
        "{}{}",
        "{\"a\":".repeat(limit + 1),
        "}".repeat(limit + 1)
    )));
}

#[test]
fn a_kept_string_must_be_valid_unicode_but_a_skipped_one_need_not() {
    for lone in [r#""\ud800""#, r#""\udc00x""#, r#""\ud800\u0041""#] {
        assert!(Reader::new(lone).string().is_err(), "{lone}");
        assert!(serde_json::from_str::<String>(lone).is_err(), "{lone}");
        assert!(accepts(lone), "{lone}");
    }
    let mut keys = Vec::new();
    Reader::new(r#"{"\ud800": 1, "c\u006fde": 2}"#)
        .object(|r, key| r.skip().map(|()| keys.push(key.to_owned())))
        .unwrap();
    assert_eq!(keys, ["\u{fffd}", "code"]);
}

#[test]
fn strings_decode_as_serde_json_decodes_them_and_borrow_when_plain() {
    for text in [
        r#""plain""#,
        r#""""#,
        r#""a\"b\\c\/d""#,
        r#""\b\f\n\r\t""#,
        r#""\u0041\u00e9\u2028""#,
        r#""\ud83d\ude00""#,
        "\"é😀\"",
    ] {
        let mut reader = Reader::new(text);
        let read = reader.string().unwrap();
        assert_eq!(
            read.as_str(),
            serde_json::from_str::<String>(text).unwrap(),
            "{text}"
        );
        assert_eq!(
            matches!(read.0, Cow::Borrowed(_)),
            !text.contains('\\'),
            "{text}"
        );
    }
}

#[test]
fn reads_members_and_numbers() {
    let mut reader = Reader::new(r#"{"n": 42, "big": 4294967296, "neg": -1, "f": 1.5, "s": "x"}"#);
    let mut seen = Vec::new();
    reader
        .object(|reader, key| {
            let value = match key {
                "n" => reader.u32().map(|n| n.to_string()),
                "s" => reader.string().map(|s| s.as_str().to_owned()),
                _ => reader
                    .u32()
                    .map_or_else(|e| Ok(format!("error: {e}")), |n| Ok(n.to_string())),
            }?;
            if value.starts_with("error") {
                reader.skip()?;
            }
            seen.push(format!("{key}={value}"));
            Ok(())
        })
        .unwrap();
    assert_eq!(seen[0], "n=42");
    assert!(
        seen[1].starts_with("big=error: expected a whole number from 0 to 4294967295"),
        "{}",
        seen[1]
    );
    assert!(seen[2].starts_with("neg=error"), "{}", seen[2]);
    assert!(seen[3].starts_with("f=error"), "{}", seen[3]);
    assert_eq!(seen[4], "s=x");
}

#[test]
fn errors_say_what_was_expected_and_where() {
    let mut reader = Reader::new("{\n  \"a\": 5\n}");
    let error = reader
        .object(|reader, _| reader.string().map(drop))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "expected a string, found a number at line 2 column 8"
    );
    // An invalid escape is reported at its letter, kept or skipped.
    let text = r#""a\nb\x""#;
    assert_eq!(
        Reader::new(text).string().unwrap_err().to_string(),
        "an invalid escape in a string at line 1 column 7"
    );
    assert_eq!(
        Reader::new(text).skip().unwrap_err().to_string(),
        "an invalid escape in a string at line 1 column 7"
    );
    let mut reader = Reader::new("[]");
    let slot: Option<u32> = None;
    assert_eq!(
        required(&reader, slot, "code").unwrap_err().to_string(),
        "no member `code` at line 1 column 1"
    );
    let mut slot = None;
    once(&mut slot, 1, &reader, "code").unwrap();
    assert!(once(&mut slot, 2, &reader, "code").is_err());
    assert!(reader.boolean().is_err());
}

#[test]
fn raw_values_keep_their_text() {
    let mut reader = Reader::new(r#"[ {"a": [1, "b"]} , "c\n" ]"#);
    let mut raws = Vec::new();
    reader
        .array(|reader| reader.raw().map(|raw| raws.push(raw)))
        .unwrap();
    assert_eq!(raws, [r#"{"a": [1, "b"]}"#, r#""c\n""#]);
}

use proptest::prelude::*;

/// Valid JSON texts: nested arrays and objects of literals, numbers and strings
/// with escapes.
fn json_text() -> impl Strategy<Value = String> {
    let string = r#""([a-z é😀]|\\[\\/bfnrt"]|\\u00[0-9a-f]{2}|\\ud83d\\ude00)*""#;
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        any::<i64>().prop_map(|n| n.to_string()),
        r"-?(0|[1-9][0-9]{0,5})(\.[0-9]{1,3})?([eE][+-]?[0-9]{1,2})?",
        string,
    ];
    leaf.prop_recursive(5, 40, 4, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4)
                .prop_map(|items| format!("[{}]", items.join(","))),
            prop::collection::vec((string, inner), 0..4).prop_map(|members| {
                let members: Vec<String> = members
                    .into_iter()
                    .map(|(k, v)| format!("{k} : {v}"))
                    .collect();
                format!("{{ {} }}", members.join(" ,"))
            }),
        ]
    })
}

proptest! {
    /// Valid texts, and the same texts with one character changed: the reader
    /// accepts exactly what serde_json accepts.
    #[test]
    fn agrees_with_serde_json_on_valid_and_broken_json(
        text in json_text(),
        at in any::<prop::sample::Index>(),
        with in r#"[\[\]{}",:0-9.eE+\- \\/a-z\u{1}]"#,
    ) {
        prop_assert!(accepts(&text), "{:?}", text);
        let mut broken: Vec<char> = text.chars().collect();
        let i = at.index(broken.len());
        broken[i] = with.chars().next().unwrap();
        let broken: String = broken.into_iter().collect();
        let reference = serde_json::from_str::<IgnoredAny>(&broken).is_ok();
        prop_assert_eq!(accepts(&broken), reference, "{:?}", broken);
    }
}

proptest! {
    /// Random texts over JSON's own characters: the reader accepts exactly
    /// what serde_json accepts (the reader refusing only what it documents:
    /// lone surrogates in kept strings never arise here, as `skip` keeps none),
    /// and a string both read decodes the same.
    #[test]
    fn agrees_with_serde_json_on_random_text(text in r#"[\[\]{}",:0-9.eE+\- \\/ntrfalsbu\u{e9}]{0,40}"#) {
        let reference = serde_json::from_str::<IgnoredAny>(&text).is_ok();
        prop_assert_eq!(accepts(&text), reference, "{:?}", text);
        let mut reader = Reader::new(&text);
        let ours = reader.string().and_then(|s| reader.end().map(|()| s));
        match (ours, serde_json::from_str::<String>(&text)) {
            (Ok(ours), Ok(reference)) => prop_assert_eq!(ours.as_str(), reference.as_str()),
            (Err(_), Err(_)) => {}
            (ours, reference) => prop_assert!(false, "{:?}: {:?} against {:?}", text, ours, reference),
        }
    }
}

#[test]
fn plain_len_stops_at_the_first_quote_backslash_or_control() {
    for (text, plain) in [
        ("", 0),
        ("abcdefg", 7),
        ("abc\"efg", 3),
        ("abcdefgh", 8),
        ("abcdefgh\"", 8),
        ("abcdefghijklmnop", 16),
        ("caf\u{e9} and \u{1F600}!!", 16),
        ("abc\"defghijk", 3),
        ("\"bcdefghijk", 0),
        ("abcdefgh\\ijklmnop", 8),
        ("abcdefghijklmno\n", 15),
        ("abcdefghij\u{1f}lmnop", 10),
        ("\u{1f}bcdefghijklmnop", 0),
        ("abcdefghijklmno\u{7f}", 16),
        ("abcdefg\u{0}\"\\\u{1}bcdefghij", 7),
        // A quote right after a control character, and bytes either side of
        // the flagged ranges (space, `!`, `#`, `[`, `]`, 0x80 to 0xff).
        ("ab\u{1}\"efghijk", 2),
        (" !#[]\u{80}\u{ff}xyz\"", 12),
        ("12345678abcdefg\u{1f}", 15),
        ("12345678abcd", 12),
        ("12345678abc\\", 11),
    ] {
        assert_eq!(plain_len(text.as_bytes()), plain, "{text:?}");
    }
    // The word at a time agrees with a byte at a time, at every offset.
    let text = "a\"b\\c\u{1}d\u{1f} e\u{7f}f\u{e9}g0123456789\"";
    for start in 0..text.len() {
        let bytes = &text.as_bytes()[start..];
        let slow = bytes
            .iter()
            .take_while(|&&b| b != b'"' && b != b'\\' && b >= b' ')
            .count();
        assert_eq!(plain_len(bytes), slow, "from {start}");
    }
}

#[test]
fn special_bytes_flags_the_first_special_byte_of_a_word() {
    let word = |bytes: &[u8; 8]| u64::from_le_bytes(*bytes);
    assert_eq!(special_bytes(word(b"abcdefgh")), 0);
    assert_eq!(special_bytes(word(b" !#[]~\x7f\xff")), 0);
    for (at, special) in [(0, b'"'), (3, b'\\'), (5, 0x1f), (7, 0x00), (2, b'\n')] {
        let mut bytes = *b"abcdefgh";
        bytes[at] = special;
        let flags = special_bytes(word(&bytes));
        assert_eq!(
            flags.trailing_zeros(),
            8 * at as u32 + 7,
            "{special:#x} at {at}"
        );
    }
}

/// The members `read_members` reports of `text` (each value skipped), and
/// how the object ended: what [`Reader::object`] and
/// [`Reader::object_in_order`] must agree on.
fn members_of(
    text: &str,
    read_members: impl FnOnce(&mut Reader, &mut dyn FnMut(&mut Reader, &str) -> Read<()>) -> Read<()>,
) -> (Vec<String>, std::result::Result<usize, String>) {
    let mut keys = Vec::new();
    let mut reader = Reader::new(text);
    let ended = read_members(&mut reader, &mut |r, key| {
        keys.push(key.to_owned());
        r.skip()
    })
    .map(|()| reader.at)
    .map_err(|e| e.to_string());
    (keys, ended)
}

/// Both ways of reading `text`'s members, with `names` expected in order.
fn both_ways(
    text: &str,
    names: &[&'static str],
) -> [(Vec<String>, std::result::Result<usize, String>); 2] {
    // Read in order, a listed name comes with its own place in `names`.
    let members: Vec<(&str, usize)> = names
        .iter()
        .enumerate()
        .map(|(at, &name)| (name, at))
        .collect();
    [
        members_of(text, |r, field| r.object(field)),
        members_of(text, |r, field| {
            r.object_in_order(&members, |r, member, key| {
                assert_eq!(member, names.iter().position(|&name| name == key), "{key}");
                field(r, key)
            })
        }),
    ]
}

#[test]
fn members_in_order_read_as_any_member_does() {
    const NAMES: [&str; 3] = ["code", "room_id", "role"];
    for text in [
        r#"{"code":"a","room_id":"r","role":"h"}"#,
        r#"{ "code" : 1 , "room_id" : [2] , "role" : {"code":3} }"#,
        r#"{"role":"h","code":"a","room_id":"r","code":"again"}"#,
        r#"{"c\u006fde":"a","room_id":"r","r\u006fle":"h"}"#,
        r#"{"x":1,"code":"a","y":{"room_id":2},"room_id":"r","role":"h","z":null}"#,
        r#"{"cod":1,"codes":2,"code ":3,"Code":4,"room_idx":5,"":6}"#,
        r#"{"code":"a","role":"h","room_id":"r"}"#,
        r#"{"room_id":"r","role":"h"}"#,
        r#"{}"#,
        r#"{"code""#,
        r#"{"code"#,
        r#"{"code":"#,
        r#"{"code" 1}"#,
        r#"{"code":1,"room_id"}"#,
        r#"{"code":1,}"#,
        r#"{code:1}"#,
        r#"{"code":1 "room_id":2}"#,
        "{\"co\u{1}de\":1}",
        r#"[1]"#,
    ] {
        let [any, in_order] = both_ways(text, &NAMES);
        assert_eq!(in_order, any, "{text}");
    }
    let [_, (keys, ended)] = both_ways(r#"{"code":1,"x":2,"room_id":3,"role":4}"#, &NAMES);
    assert_eq!(
        (keys, ended),
        (
            vec!["code".into(), "x".into(), "room_id".into(), "role".into()],
            Ok(37)
        )
    );
}

#[test]
fn a_plain_name_is_recognised_only_whole_and_quoted() {
    let at = |text: &str| Reader::new(text).plain_name_next("code");
    assert!(at(r#""code""#));
    assert!(at(r#""code":1"#));
    for text in [
        "",
        "\"",
        r#""code"#,
        r#""cod""#,
        r#""codes""#,
        r#"code""#,
        r#" "code""#,
        r#""c\u006fde""#,
        r#""Code""#,
    ] {
        assert!(!at(text), "{text}");
    }
    let mut reader = Reader::new(r#"{"code":1}"#);
    reader.at = 1;
    assert!(reader.plain_name_next("code"));
    assert!(!reader.plain_name_next("cod"));
    assert!(!reader.plain_name_next(""));
    assert!(Reader::new(r#""""#).plain_name_next(""));
}

proptest! {
    /// Random objects, valid and broken: read in order or not, the same
    /// members and the same end.
    #[test]
    fn members_in_order_agree_on_random_objects(
        text in json_text(),
        at in any::<prop::sample::Index>(),
        with in r#"[\[\]{}",:a-z\\]"#,
    ) {
        const NAMES: [&str; 4] = ["a", "b", "ab", ""];
        let mut broken: Vec<char> = text.chars().collect();
        let i = at.index(broken.len());
        broken[i] = with.chars().next().unwrap();
        let broken: String = broken.into_iter().collect();
        for text in [&text, &broken] {
            let [any, in_order] = both_ways(text, &NAMES);
            prop_assert_eq!(in_order, any, "{:?}", text);
        }
    }
}

#[test]
fn after_each_member_the_next_listed_one_is_expected() {
    const NAMES: [(&str, ()); 3] = [("a", ()), ("b", ()), ("c", ())];
    for (text, by_bytes) in [
        (r#"{"a":1,"b":2,"c":3}"#, 3),
        (r#"{"b":2,"c":3}"#, 1),
        (r#"{"a":1,"x":0,"b":2,"c":3}"#, 3),
        (r#"{"c":3,"a":1,"b":2}"#, 1),
        (r#"{"b":2,"a":1,"c":3}"#, 0),
        (r#"{"\u0061":1,"b":2}"#, 1),
    ] {
        let mut reader = Reader::new(text);
        reader.object_in_order(&NAMES, |r, _, _| r.skip()).unwrap();
        assert_eq!(reader.names_by_bytes, by_bytes, "{text}");
    }
}
