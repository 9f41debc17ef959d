//! Times each input against its size. Wall-clock time on a shared machine is noisy, so nothing
//! here is a fixed limit: the typical cost of an input (a fixed part plus a part per byte) is
//! learnt from the run itself, the inputs that cost most for their size are kept, timed again,
//! and grown: an input repeated four times over must cost about four times as much. One whose
//! cost grows much faster than its size is superlinear, whatever the machine's speed.

use std::time::Instant;

/// An input is flagged when it costs this many times the typical cost of its size.
pub const BUDGET_FACTOR: f64 = 20.0;
/// Four times the size costing more than this many times as much is superlinear (linear work
/// gives about 4, quadratic about 16).
pub const SUPERLINEAR_GROWTH: f64 = 10.0;
/// How many of the costliest inputs for their size are kept for timing again.
const KEPT: usize = 8;
/// At most this many (size, time) samples are kept to learn the typical cost from.
const SAMPLES: usize = 100_000;
/// Inputs below this size tell the fixed cost; inputs from [`LONG`] up tell the cost per byte.
const SHORT: usize = 128;
const LONG: usize = 1024;

/// The typical cost of an input of `len` bytes: `fixed + per_byte × len`, in nanoseconds.
#[derive(Debug, Clone, Copy)]
pub struct Model {
    pub fixed: f64,
    pub per_byte: f64,
}

impl Model {
    pub fn expected(&self, len: usize) -> f64 {
        self.fixed + self.per_byte * len as f64
    }
}

/// One of the costliest inputs for its size.
#[derive(Debug, Clone)]
pub struct Costly {
    pub input: Vec<u8>,
    pub nanos: u64,
}

#[derive(Default)]
pub struct Costs {
    samples: Vec<(usize, u64)>,
    seen: u64,
    costliest: Vec<Costly>,
    rng: fastrand::Rng,
}

/// A rough cost per byte, only for choosing which inputs to keep: small inputs count as
/// `SHORT` bytes, so that their fixed cost does not make every tiny input look costly.
fn rough_rate(len: usize, nanos: u64) -> f64 {
    nanos as f64 / len.max(SHORT) as f64
}

impl Costs {
    pub fn record(&mut self, input: &[u8], nanos: u64) {
        self.seen += 1;
        // Reservoir sampling keeps a fair sample of any number of inputs in bounded memory.
        if self.samples.len() < SAMPLES {
            self.samples.push((input.len(), nanos));
        } else {
            let slot = self.rng.u64(..self.seen) as usize;
            if slot < SAMPLES {
                self.samples[slot] = (input.len(), nanos);
            }
        }
        let rate = rough_rate(input.len(), nanos);
        let cheapest_kept = self
            .costliest
            .iter()
            .map(|kept| rough_rate(kept.input.len(), kept.nanos))
            .fold(f64::INFINITY, f64::min);
        if self.costliest.len() < KEPT || rate > cheapest_kept {
            self.costliest.push(Costly {
                input: input.to_vec(),
                nanos,
            });
            self.costliest.sort_by(|a, b| {
                rough_rate(b.input.len(), b.nanos).total_cmp(&rough_rate(a.input.len(), a.nanos))
            });
            self.costliest.truncate(KEPT);
        }
    }

    pub fn costliest(&self) -> &[Costly] {
        &self.costliest
    }

    /// The typical cost: the median time of short inputs, and the median extra time per byte
    /// of long ones (all inputs stand in for a group the run did not have).
    pub fn model(&self) -> Model {
        let mut short: Vec<f64> = self
            .samples
            .iter()
            .filter(|(len, _)| *len < SHORT)
            .map(|&(_, nanos)| nanos as f64)
            .collect();
        if short.is_empty() {
            short = self
                .samples
                .iter()
                .map(|&(_, nanos)| nanos as f64)
                .collect();
        }
        let fixed = median(&mut short);
        let mut rates: Vec<f64> = self
            .samples
            .iter()
            .filter(|(len, _)| *len >= LONG)
            .map(|&(len, nanos)| (nanos as f64 - fixed).max(0.0) / len as f64)
            .collect();
        if rates.is_empty() {
            rates = self
                .samples
                .iter()
                .map(|&(len, nanos)| nanos as f64 / len.max(1) as f64)
                .collect();
        }
        Model {
            fixed,
            per_byte: median(&mut rates),
        }
    }
}

fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The least of `runs` timings of one input, in nanoseconds: the least is the one a busy
/// machine disturbed least.
pub fn time(run: fn(&[u8]), input: &[u8], runs: usize) -> u64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            run(input);
            start.elapsed().as_nanos() as u64
        })
        .min()
        .unwrap_or(0)
}

/// How an input's cost grows when a part of it is made four times as long.
#[derive(Debug, Clone, Copy)]
pub struct Growth {
    pub small_len: usize,
    pub small_nanos: u64,
    pub large_len: usize,
    pub large_nanos: u64,
}

impl Growth {
    pub fn factor(&self) -> f64 {
        self.large_nanos as f64 / self.small_nanos.max(1) as f64
    }

    pub fn superlinear(&self) -> bool {
        self.factor() > SUPERLINEAR_GROWTH
    }
}

/// The size the grown part starts from, so that the fixed cost does not hide the rest.
const GROWN_FROM: usize = 4 * 1024;

/// The fastest-growing of two ways to grow an input: repeating all of it, and lengthening its
/// longest periodic run (`<a<a<a…`, a keyword `abab…`), which is where a pathological input
/// keeps its pathology even when it sits inside front matter that a plain repeat would not grow.
pub fn growth(run: fn(&[u8]), input: &[u8]) -> Growth {
    let unit = if input.is_empty() { &b" "[..] } else { input };
    let small = unit.repeat(GROWN_FROM.div_ceil(unit.len()));
    let mut worst = measure(run, &small, &small.repeat(4));
    if let Some(periodic) = longest_periodic_run(input) {
        let small = stretch(input, periodic, GROWN_FROM);
        let large = stretch(input, periodic, 4 * GROWN_FROM);
        let stretched = measure(run, &small, &large);
        if stretched.factor() > worst.factor() {
            worst = stretched;
        }
    }
    worst
}

fn measure(run: fn(&[u8]), small: &[u8], large: &[u8]) -> Growth {
    Growth {
        small_len: small.len(),
        small_nanos: time(run, small, 3),
        large_len: large.len(),
        large_nanos: time(run, large, 3),
    }
}

/// A stretch of the input made of one short piece repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Periodic {
    start: usize,
    end: usize,
    period: usize,
}

/// The longest run of at least four repeats of a piece of up to 64 bytes.
fn longest_periodic_run(input: &[u8]) -> Option<Periodic> {
    let mut best: Option<Periodic> = None;
    for period in 1..=64.min(input.len() / 4) {
        let mut start = 0;
        for i in period..=input.len() {
            if i == input.len() || input[i] != input[i - period] {
                let end = i;
                let longer = best.is_none_or(|b| end - start > b.end - b.start);
                if end - start >= 4 * period && longer {
                    best = Some(Periodic { start, end, period });
                }
                start = i + 1 - period;
            }
        }
    }
    best
}

/// The input with its periodic run lengthened (or shortened) to about `len` bytes.
fn stretch(input: &[u8], run: Periodic, len: usize) -> Vec<u8> {
    let piece = &input[run.start..run.start + run.period];
    let mut out = input[..run.start].to_vec();
    out.extend(piece.repeat(len.div_ceil(run.period)));
    out.extend_from_slice(&input[run.end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_longest_periodic_run() {
        let input = b"---\nkeywords: [abababababab]\n---\nxx";
        let run = longest_periodic_run(input).unwrap();
        assert_eq!(&input[run.start..run.end], b"abababababab");
        assert_eq!(run.period, 2);
        let stretched = stretch(input, run, 20);
        assert_eq!(
            stretched,
            b"---\nkeywords: [abababababababababab]\n---\nxx".to_vec()
        );
    }

    #[test]
    fn input_without_repeats_has_no_periodic_run() {
        assert_eq!(longest_periodic_run(b"abcdefgh"), None);
    }
}
