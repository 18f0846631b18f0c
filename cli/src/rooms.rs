//! The room ids a command works on: the one on the command line, or those of a file.

use std::io::Read;
use std::path::Path;

use crate::args::Rooms;

/// The room ids of `rooms`: the argument, or the file's lines (`-` is stdin), trimmed,
/// skipping blank lines and `#` comments. The error names the file.
pub fn room_ids(rooms: &Rooms) -> Result<Vec<String>, String> {
    match (&rooms.room_id, &rooms.rooms_from) {
        (Some(id), _) => Ok(vec![id.clone()]),
        (None, Some(path)) => from_file(path),
        // clap requires one of the two.
        (None, None) => Err("give a ROOM_ID or --rooms-from FILE".to_owned()),
    }
}

/// The room ids listed in the file at `path` (`-` is stdin).
pub fn from_file(path: &Path) -> Result<Vec<String>, String> {
    let mut text = String::new();
    let read = if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text).map(|_| ()))
    };
    read.map_err(|e| format!("cannot read the rooms file {}: {e}", path.display()))?;
    Ok(parse(&text))
}

fn parse(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_blanks_and_comments_skipped() {
        assert_eq!(parse("a\n\n  b  \r\n# c\nd"), ["a", "b", "d"]);
    }

    #[test]
    fn a_missing_file_is_named() {
        let error = from_file(Path::new("/nonexistent/rooms.txt")).unwrap_err();
        assert!(error.contains("/nonexistent/rooms.txt"), "{error}");
    }
}
