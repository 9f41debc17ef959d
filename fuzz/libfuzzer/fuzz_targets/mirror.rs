#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| redaksi_fuzz::targets::mirror(data));
