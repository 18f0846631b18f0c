//! Reading JSON text in place: a strict RFC 8259 reader that the parsers of the
//! service's answers drive field by field. A string is borrowed from the text
//! unless it holds an escape; nothing else is allocated. Values nest at most
//! [`MAX_DEPTH`] deep, so a hostile body cannot exhaust the stack.

use crate::core::json::Text;
use std::borrow::Cow;
use std::fmt;

/// How deep arrays and objects may nest.
pub(crate) const MAX_DEPTH: u32 = 128;

/// What is wrong with the text, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    what: String,
    line: usize,
    column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

/// A reader's result.
pub(crate) type Read<T> = Result<T, JsonError>;

/// A cursor over JSON text.
pub(crate) struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
    /// How many member names `object_in_order` recognised by their bytes
    /// (the tests see whether it expects the right name next).
    #[cfg(test)]
    names_by_bytes: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            at: 0,
            depth: 0,
            #[cfg(test)]
            names_by_bytes: 0,
        }
    }

    /// An error at the current position.
    pub(crate) fn error(&self, what: impl Into<String>) -> JsonError {
        let before = &self.text.as_bytes()[..self.at.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        JsonError {
            what: what.into(),
            line,
            column,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// Moves past the bytes from here on for which `keep` holds; how many.
    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) -> usize {
        let rest = self.bytes().get(self.at..).unwrap_or_default();
        let count = rest.iter().take_while(|&&b| keep(b)).count();
        self.at += count;
        count
    }

    /// The next byte after whitespace, not consumed.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&byte) = bytes.get(self.at) {
            if !matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(byte);
            }
            self.at += 1;
        }
        None
    }

    /// Consumes `byte` (after whitespace), or fails expecting `what`.
    #[inline]
    fn expect(&mut self, byte: u8, what: &str) -> Read<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.unexpected(what))
        }
    }

    /// "expected `what`" at the next token, naming what is there instead.
    fn unexpected(&mut self, what: &str) -> JsonError {
        let found = match self.peek() {
            None => "the end of the text",
            Some(b'"') => "a string",
            Some(b'{') => "an object",
            Some(b'[') => "an array",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            Some(b'-' | b'0'..=b'9') => "a number",
            Some(_) => "something that is not JSON",
        };
        self.error(format!("expected {what}, found {found}"))
    }

    /// Consumes the literal `word` (`true`, `false`, `null`).
    fn literal(&mut self, word: &str) -> Read<()> {
        if self.bytes()[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    /// Consumes `null` if it comes next: `true` if it did.
    pub(crate) fn null(&mut self) -> Read<bool> {
        if self.peek() == Some(b'n') {
            self.literal("null")?;
            return Ok(true);
        }
        Ok(false)
    }

    /// `read` of the next value, or `None` for `null`.
    pub(crate) fn nullable<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Read<T>,
    ) -> Read<Option<T>> {
        if self.null()? {
            return Ok(None);
        }
        read(self).map(Some)
    }

    /// A boolean.
    pub(crate) fn boolean(&mut self) -> Read<bool> {
        match self.peek() {
            Some(b't') => self.literal("true").map(|()| true),
            Some(b'f') => self.literal("false").map(|()| false),
            _ => Err(self.unexpected("a boolean")),
        }
    }

    /// A whole number from 0 to `u32::MAX`.
    pub(crate) fn u32(&mut self) -> Read<u32> {
        let start = self.at;
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.unexpected("a whole number"));
        }
        let number = self.number()?;
        number.parse::<u32>().map_err(|_| {
            self.at = start;
            self.error(format!(
                "expected a whole number from 0 to {}, found {number}",
                u32::MAX
            ))
        })
    }

    /// A number's text, checked against the JSON grammar.
    fn number(&mut self) -> Read<&'a str> {
        let _ = self.peek();
        let start = self.at;
        let digits = |reader: &mut Self| reader.skip_while(|b| b.is_ascii_digit()) > 0;
        if self.bytes().get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        match self.bytes().get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.bytes().get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("expected a digit after the decimal point"));
            }
        }
        if matches!(self.bytes().get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes().get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        Ok(&self.text[start..self.at])
    }

    /// Moves past the run of string bytes that need no attention: up to the
    /// next `"`, `\`, control character or the end.
    #[inline]
    fn skip_plain(&mut self) {
        self.at += plain_len(self.bytes().get(self.at..).unwrap_or_default());
    }

    /// A string: borrowed from the text unless it holds an escape.
    pub(crate) fn string(&mut self) -> Read<Text<'a>> {
        self.string_with(false)
    }

    /// A string, where `lenient` reads a lone `\u` surrogate as U+FFFD (a
    /// member name: one of those matches no name the core looks for) instead
    /// of refusing it.
    #[inline]
    fn string_with(&mut self, lenient: bool) -> Read<Text<'a>> {
        self.expect(b'"', "a string")?;
        let start = self.at;
        self.skip_plain();
        if self.bytes().get(self.at) == Some(&b'"') {
            self.at += 1;
            return Ok(Text(Cow::Borrowed(&self.text[start..self.at - 1])));
        }
        self.string_after_plain(start, lenient)
    }

    /// The rest of a string begun at `start` (after its quote), the plain run
    /// up to here already passed: an escape, a control character or the end.
    #[cold]
    #[inline(never)]
    fn string_after_plain(&mut self, start: usize, lenient: bool) -> Read<Text<'a>> {
        match self.bytes().get(self.at) {
            Some(b'\\') => {}
            Some(_) => return Err(self.error("a control character in a string")),
            None => return Err(self.error("a string that does not end")),
        }
        let mut owned = String::from(&self.text[start..self.at]);
        loop {
            let plain = self.at;
            self.skip_plain();
            owned.push_str(&self.text[plain..self.at]);
            match self.bytes().get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Text(Cow::Owned(owned)));
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut owned, lenient)?;
                }
                Some(_) => return Err(self.error("a control character in a string")),
                None => return Err(self.error("a string that does not end")),
            }
        }
    }

    /// Checks and passes over a string that is not kept: its escapes must be
    /// well formed, but (as for `JSON.parse`) a `\u` surrogate may stand alone.
    fn skip_string(&mut self) -> Read<()> {
        self.expect(b'"', "a string")?;
        loop {
            self.skip_plain();
            match self.bytes().get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.bytes().get(self.at) {
                        Some(b'u') => {
                            self.at += 1;
                            self.hex4()?;
                        }
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.at += 1
                        }
                        _ => return Err(self.error("an invalid escape in a string")),
                    }
                }
                Some(_) => return Err(self.error("a control character in a string")),
                None => return Err(self.error("a string that does not end")),
            }
        }
    }

    /// The escape after a backslash, decoded onto `out`.
    fn escape(&mut self, out: &mut String, lenient: bool) -> Read<()> {
        let Some(&kind) = self.bytes().get(self.at) else {
            return Err(self.error("a string that does not end"));
        };
        self.at += 1;
        let decoded = match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => match self.unicode()? {
                Some(decoded) => decoded,
                None if lenient => '\u{fffd}',
                None => return Err(self.error("a lone surrogate in a \\u escape")),
            },
            _ => {
                self.at -= 1;
                return Err(self.error("an invalid escape in a string"));
            }
        };
        out.push(decoded);
        Ok(())
    }

    /// The character of a `\uXXXX` escape, after its `u` (a surrogate pair
    /// takes two escapes); `None` for a lone surrogate, read up to the end of
    /// its own four digits.
    fn unicode(&mut self) -> Read<Option<char>> {
        let first = self.hex4()?;
        if !(0xD800..=0xDFFF).contains(&first) {
            return Ok(char::from_u32(first));
        }
        let after = self.at;
        if first <= 0xDBFF && self.bytes()[self.at..].starts_with(b"\\u") {
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..=0xDFFF).contains(&second) {
                return Ok(char::from_u32(
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00),
                ));
            }
        }
        self.at = after;
        Ok(None)
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Read<u32> {
        let digits = self.bytes().get(self.at..self.at + 4);
        let value = digits.and_then(|digits| {
            digits.iter().try_fold(0u32, |n, &d| {
                char::from(d).to_digit(16).map(|digit| n * 16 + digit)
            })
        });
        let value = value.ok_or_else(|| self.error("an invalid \\u escape"))?;
        self.at += 4;
        Ok(value)
    }

    /// An object: `field(reader, key)` for each member, which must read (or
    /// [`Reader::skip`]) the member's value.
    pub(crate) fn object(
        &mut self,
        mut field: impl FnMut(&mut Self, &str) -> Read<()>,
    ) -> Read<()> {
        self.object_in_order::<()>(&[], |reader, _, key| field(reader, key))
    }

    /// [`Reader::object`] for an object whose members of interest are
    /// `members` (each a name and what the caller calls it), usually in that
    /// order: `field(reader, member, key)` for each member, `member` being
    /// `None` for a name not listed. A member written plainly where the next
    /// listed one is expected is recognised by comparing bytes, without
    /// reading its name as a string; any member, in any order or escaped, is
    /// still read.
    pub(crate) fn object_in_order<M: Copy>(
        &mut self,
        members: &[(&'static str, M)],
        mut field: impl FnMut(&mut Self, Option<M>, &str) -> Read<()>,
    ) -> Read<()> {
        let mut next = 0;
        self.sequence(b'{', b'}', "an object", |reader| {
            if reader.peek() != Some(b'"') {
                return Err(reader.unexpected("a member name"));
            }
            if let Some(&(name, member)) = members.get(next) {
                if reader.plain_name_next(name) {
                    reader.at += name.len() + 2;
                    next += 1;
                    #[cfg(test)]
                    {
                        reader.names_by_bytes += 1;
                    }
                    reader.expect(b':', "':'")?;
                    return field(reader, Some(member), name);
                }
            }
            let key = reader.string_with(true)?;
            let listed = members.iter().position(|&(name, _)| name == key.as_str());
            if let Some(at) = listed {
                next = at + 1;
            }
            reader.expect(b':', "':'")?;
            field(reader, listed.map(|at| members[at].1), key.as_str())
        })
    }

    /// Whether the text at the cursor is `"name"`, `name` written plainly
    /// (`name` holds no `"`, `\` or control character).
    #[inline]
    fn plain_name_next(&self, name: &str) -> bool {
        let rest = self.bytes().get(self.at..).unwrap_or_default();
        // Byte by byte: the names are short, and a slice compare would call memcmp.
        rest.len() > name.len() + 1
            && rest[0] == b'"'
            && rest[1..].iter().zip(name.as_bytes()).all(|(a, b)| a == b)
            && rest[name.len() + 1] == b'"'
    }

    /// An array: `item(reader)` for each element, which must read (or skip) it.
    pub(crate) fn array(&mut self, item: impl FnMut(&mut Self) -> Read<()>) -> Read<()> {
        self.sequence(b'[', b']', "an array", item)
    }

    /// `open`, then `element(reader)` for each element between commas, then
    /// `close`, one level deeper while inside.
    fn sequence(
        &mut self,
        open: u8,
        close: u8,
        what: &str,
        mut element: impl FnMut(&mut Self) -> Read<()>,
    ) -> Read<()> {
        self.expect(open, what)?;
        self.nest()?;
        if self.peek() != Some(close) {
            loop {
                element(self)?;
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(b) if b == close => break,
                    _ => return Err(self.unexpected(&format!("',' or '{}'", char::from(close)))),
                }
            }
        }
        self.at += 1;
        self.depth -= 1;
        Ok(())
    }

    /// One level deeper, within [`MAX_DEPTH`].
    fn nest(&mut self) -> Read<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!("values nested deeper than {MAX_DEPTH}")));
        }
        Ok(())
    }

    /// Checks and passes over any value.
    pub(crate) fn skip(&mut self) -> Read<()> {
        match self.peek() {
            Some(b'{') => self.object(|reader, _| reader.skip()),
            Some(b'[') => self.array(Self::skip),
            Some(b'"') => self.skip_string(),
            Some(b't' | b'f') => self.boolean().map(drop),
            Some(b'n') => self.literal("null"),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ => Err(self.unexpected("a JSON value")),
        }
    }

    /// Any value, as it is written in the text.
    pub(crate) fn raw(&mut self) -> Read<&'a str> {
        let _ = self.peek();
        let start = self.at;
        self.skip()?;
        Ok(&self.text[start..self.at])
    }

    /// Checks that only whitespace is left.
    pub(crate) fn end(&mut self) -> Read<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("text after the JSON value")),
        }
    }
}

/// Fills `slot` with `value`, the value of member `name` just read by
/// `reader`: a member must not come twice.
#[inline]
pub(crate) fn once<T>(slot: &mut Option<T>, value: T, reader: &Reader, name: &str) -> Read<()> {
    if slot.is_some() {
        return Err(reader.error(format!("the member `{name}` twice")));
    }
    *slot = Some(value);
    Ok(())
}

/// The value of the required member `name`.
pub(crate) fn required<T>(reader: &Reader, slot: Option<T>, name: &str) -> Read<T> {
    slot.ok_or_else(|| reader.error(format!("no member `{name}`")))
}

/// How many bytes at the start of `bytes` are plain string bytes (no `"`,
/// `\` or control character). Eight bytes at a time: in each word, the lowest
/// byte flagged by [`special_bytes`] is the first that is not plain (a flag
/// can be wrong only above a right one). The last bytes, fewer than eight,
/// one at a time.
#[inline]
fn plain_len(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut len = 0;
    for word in &mut words {
        let special = special_bytes(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        if special != 0 {
            return len + (special.trailing_zeros() / 8) as usize;
        }
        len += 8;
    }
    let tail = words.remainder();
    len + tail
        .iter()
        .take_while(|&&b| b != b'"' && b != b'\\' && b >= b' ')
        .count()
}

/// The high bit of each byte of `word` that is a `"`, a `\` or a control
/// character, at least; above such a byte, others may be flagged too.
#[inline]
fn special_bytes(word: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    // The three never flag the same byte (besides its own kind, each wrongly
    // flags only a space, a `#` or a `]`), so `|` here is `^` and `+` too:
    // cargo-mutants reports those two mutants as missed.
    control | zero(word ^ (ONES * u64::from(b'"'))) | zero(word ^ (ONES * u64::from(b'\\')))
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
