//! A work counter for the tests that prove a scan linear in its input: they count the bytes
//! the scanners examine at n and at 4n instead of timing them. Outside tests it compiles to
//! nothing.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Records `n` steps of scanning work.
#[inline(always)]
pub(crate) fn count(n: usize) {
    #[cfg(test)]
    STEPS.with(|steps| steps.set(steps.get() + n));
    #[cfg(not(test))]
    let _ = n;
}

/// The steps `f` took on this thread.
#[cfg(test)]
pub(crate) fn steps_of(f: impl FnOnce()) -> usize {
    let before = STEPS.with(std::cell::Cell::get);
    f();
    STEPS.with(std::cell::Cell::get) - before
}

/// Asserts that `f` does at most about linear work: at four times the size, at most five
/// times the steps (a quadratic scan takes sixteen).
#[cfg(test)]
pub(crate) fn assert_linear(what: &str, n: usize, f: impl Fn(usize)) {
    let small = steps_of(|| f(n));
    let large = steps_of(|| f(4 * n));
    assert!(small > 0, "{what}: the scan counted no work");
    assert!(
        large <= 5 * small,
        "{what}: {small} steps at n = {n}, {large} at 4n (linear would be about {})",
        4 * small
    );
}
