//! Fixtures shared by the store's integration tests.
#![allow(dead_code)] // each test binary uses its own subset

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};
use redaksi_store::{Clock, Store};

pub fn at(iso: &str) -> DateTime<Utc> {
    iso.parse().unwrap()
}

/// A clock the test moves by hand.
#[derive(Clone)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        ManualClock(Arc::new(AtomicI64::new(start.timestamp_micros())))
    }

    pub fn advance(&self, by: Duration) {
        self.0
            .fetch_add(by.num_microseconds().unwrap(), Ordering::SeqCst);
    }

    pub fn clock(&self) -> Clock {
        let micros = self.0.clone();
        Arc::new(move || DateTime::from_timestamp_micros(micros.load(Ordering::SeqCst)).unwrap())
    }
}

pub fn memory_store_at(start: &str) -> (Store, ManualClock) {
    let mut store = Store::open_in_memory().unwrap();
    let clock = ManualClock::new(at(start));
    store.set_clock(clock.clock());
    (store, clock)
}
