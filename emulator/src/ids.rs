//! Random identifiers: room ids, room codes and UUIDs, from a small seeded generator.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

/// A SplitMix64 generator, seeded from the process's hash randomness and the clock.
#[derive(Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator with a fresh random seed.
    pub fn new() -> Self {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(crate::time::now_ms());
        Rng(hasher.finish())
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// 24 lowercase hex digits, the shape of a room id.
    pub fn room_id(&mut self) -> String {
        format!("{:016x}{:08x}", self.next_u64(), self.next_u64() as u32)
    }

    /// A room code `xxx-xxxx-xxx` of lowercase letters.
    pub fn room_code(&mut self) -> String {
        let mut bits = self.next_u64();
        let mut code = String::with_capacity(12);
        for i in 0..10 {
            if i == 3 || i == 7 {
                code.push('-');
            }
            code.push(char::from(b'a' + (bits % 26) as u8));
            bits /= 26;
        }
        code
    }

    /// A random (version 4) UUID.
    pub fn uuid(&mut self) -> String {
        let hi = self.next_u64() & !0xf000 | 0x4000;
        let lo = self.next_u64() & !(0xc << 60) | (0x8 << 60);
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xffff,
            hi & 0xffff,
            lo >> 48,
            lo & 0xffff_ffff_ffff
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn shapes() {
        let mut rng = Rng::new();
        let id = rng.room_id();
        assert_eq!(id.len(), 24);
        assert!(id
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        let code = rng.room_code();
        let parts: Vec<&str> = code.split('-').collect();
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [3, 4, 3]);
        assert!(parts.concat().bytes().all(|b| b.is_ascii_lowercase()));
        let uuid = rng.uuid();
        assert_eq!(uuid.len(), 36);
        assert_eq!(&uuid[14..15], "4");
        assert!(matches!(&uuid[19..20], "8" | "9" | "a" | "b"));
    }
}
