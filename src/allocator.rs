//! The allocator's one setting. The binaries allocate with mimalloc (`src/main.rs`, the
//! benchmarks; see its line in Cargo.toml); [`tune`] is called first thing in `main`.

/// mimalloc's `mi_option_purge_decommits`: the sixth entry of its `mi_option_e` enum, the
/// same in its v2 and v3 headers (`mimalloc.h`), which the Rust crate does not name.
const PURGE_DECOMMITS: libmimalloc_sys::mi_option_t = 5;

/// Makes mimalloc purge the memory it no longer needs by resetting it (`MADV_FREE`: the
/// pages stay the process's until the system wants them) instead of decommitting it. With
/// decommits, the kernel faults in and zeroes every page again when it is taken again: at
/// 10,000 documents an analysis took 15,000–27,000 page faults, with resets 1,400–1,900, and
/// about a second less CPU (README "Performance"). Peak memory grows by about 4%. A user's
/// own `MIMALLOC_PURGE_DECOMMITS` is left to win.
pub fn tune() {
    if std::env::var_os("MIMALLOC_PURGE_DECOMMITS").is_some() {
        return;
    }
    // SAFETY: `mi_option_set` stores an integer in mimalloc's option table (an atomic
    // store); mimalloc documents it as callable at any time, from any thread, and the
    // option is only read when memory is purged.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DECOMMITS, 0) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn purging_resets_instead_of_decommitting() {
        // the option number is the one mimalloc reads as `purge_decommits` (default on)
        // SAFETY: reading an option is an atomic load of mimalloc's option table.
        let before = unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DECOMMITS) };
        if std::env::var_os("MIMALLOC_PURGE_DECOMMITS").is_none() {
            assert_eq!(
                before, 1,
                "option 5 is not purge_decommits in this mimalloc"
            );
        }
        super::tune();
        let after = unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DECOMMITS) };
        if std::env::var_os("MIMALLOC_PURGE_DECOMMITS").is_none() {
            assert_eq!(after, 0);
        }
    }
}
