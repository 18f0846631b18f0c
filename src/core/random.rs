//! The core's one source of randomness: a seedable generator (SplitMix64)
//! that the [`crate::Core`] owns. Backoff jitter and token ids come from it,
//! so a core built with [`crate::ConfigBuilder::rng_seed`] decides the same
//! way every run; only a core without a seed draws its seed from the system.

use std::sync::atomic::{AtomicU64, Ordering};

/// The golden-ratio increment of SplitMix64.
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// A small, fast, seedable generator; shared by every call of a client.
#[derive(Debug)]
pub struct Random {
    state: AtomicU64,
}

impl Random {
    /// A generator that starts from `seed`: the same seed, the same numbers.
    pub const fn from_seed(seed: u64) -> Random {
        Random {
            state: AtomicU64::new(seed),
        }
    }

    /// A generator seeded from the system's random source (once, here).
    pub fn from_system() -> Random {
        let mut bytes = [0u8; 8];
        // Without a system source, the address of a stack value (which ASLR
        // varies) seeds it; the numbers still differ from call to call.
        if getrandom::fill(&mut bytes).is_err() {
            bytes = (&bytes as *const _ as u64).to_le_bytes();
        }
        Random::from_seed(u64::from_le_bytes(bytes))
    }

    /// The next 64 random bits.
    pub fn next_u64(&self) -> u64 {
        let mut z = self
            .state
            .fetch_add(GAMMA, Ordering::Relaxed)
            .wrapping_add(GAMMA);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform fraction in `[0, 1)` (53 random bits).
    pub fn fraction(&self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// 16 random bytes (a token id).
    pub fn bytes16(&self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        out[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_numbers() {
        let (a, b) = (Random::from_seed(7), Random::from_seed(7));
        let first: Vec<u64> = (0..4).map(|_| a.next_u64()).collect();
        assert_eq!(first, (0..4).map(|_| b.next_u64()).collect::<Vec<_>>());
        assert_ne!(first[0], first[1]);
        assert_ne!(Random::from_seed(8).next_u64(), first[0]);
        // SplitMix64's published first output for seed 0, and its fraction.
        assert_eq!(Random::from_seed(0).next_u64(), 0xE220_A839_7B1D_CDAF);
        let fraction = (0xE220_A839_7B1D_CDAFu64 >> 11) as f64 / (1u64 << 53) as f64;
        assert_eq!(Random::from_seed(0).fraction(), fraction);
        assert_eq!(
            Random::from_seed(0).bytes16()[..8],
            0xE220_A839_7B1D_CDAFu64.to_le_bytes()
        );
    }

    #[test]
    fn fractions_are_in_range_and_spread() {
        let r = Random::from_seed(1);
        let draws: Vec<f64> = (0..1000).map(|_| r.fraction()).collect();
        assert!(draws.iter().all(|f| (0.0..1.0).contains(f)));
        assert!(draws.iter().any(|f| *f < 0.1) && draws.iter().any(|f| *f > 0.9));
        assert_ne!(r.bytes16(), r.bytes16());
    }

    #[test]
    fn system_seeds_differ() {
        assert_ne!(
            Random::from_system().next_u64(),
            Random::from_system().next_u64()
        );
    }
}
