//! Inputs for the stable driver: the corpus's files, mutated the way libFuzzer would (bytes
//! changed, tokens of the formats inserted, pieces spliced), plus one mutation libFuzzer rarely
//! makes: a short piece repeated thousands of times, the shape that turns a scan quadratic.

use fastrand::Rng;

/// Inputs stay below this size so that thousands of them run in seconds.
pub const MAX_LEN: usize = 64 * 1024;

/// Pieces of the formats the targets read: front matter, Markdown, HTML, shortcodes, text.
const TOKENS: &[&str] = &[
    "---\n",
    "title: ",
    "keywords: [",
    "]\n",
    "slug: ",
    "lang: en\n",
    "updated: 2026-01-01T00:00:00Z\n",
    "tags:\n  - ",
    "featured_image:\n  src: a.jpg\n  alt: ",
    ": ",
    "- ",
    "\"",
    "'",
    "|\n  ",
    ">\n",
    "&anchor ",
    "*anchor",
    "!!binary ",
    "\n\n",
    "\n",
    "# ",
    "## ",
    "### ",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "> ",
    "1. ",
    "[",
    "](",
    ")",
    "![",
    "[teks](https://example.com/a)",
    "![alt](media/a.png)",
    "[^1]",
    "| a | b |\n|---|---|\n",
    "<",
    ">",
    "</",
    "<a href=\"",
    "<a href='/x'>",
    "</a>",
    "<div",
    "<p>",
    "</p>",
    "<h2>",
    "</h2>",
    "<img src=x alt=\"",
    "<iframe src=\"https://www.youtube.com/embed/x\">",
    "<script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "&amp;",
    "&#",
    "&nbsp;",
    "[gallery ids=\"1\"]",
    "[/caption]",
    "[a ",
    "javascript:",
    "harga beras",
    "Jakarta, ",
    "\u{a0}",
    "\u{feff}",
    "\u{200b}",
    "\u{2014}",
    "é",
    "😀",
    "\r\n",
    "\t",
    "\0",
];

pub struct Generator {
    rng: Rng,
    seeds: Vec<Vec<u8>>,
}

impl Generator {
    pub fn new(seed: u64, seeds: Vec<Vec<u8>>) -> Self {
        Generator {
            rng: Rng::with_seed(seed),
            seeds,
        }
    }

    pub fn next_input(&mut self) -> Vec<u8> {
        let mut input = self.pick_seed();
        for _ in 0..self.rng.usize(1..=8) {
            self.mutate(&mut input);
        }
        input.truncate(MAX_LEN);
        input
    }

    fn pick_seed(&mut self) -> Vec<u8> {
        if self.seeds.is_empty() || self.rng.u8(..) < 16 {
            return Vec::new();
        }
        self.seeds[self.rng.usize(..self.seeds.len())].clone()
    }

    fn token(&mut self) -> &'static [u8] {
        TOKENS[self.rng.usize(..TOKENS.len())].as_bytes()
    }

    fn mutate(&mut self, input: &mut Vec<u8>) {
        let at = self.rng.usize(..=input.len());
        match self.rng.u8(..8) {
            0 if !input.is_empty() => {
                let i = self.rng.usize(..input.len());
                input[i] = self.rng.u8(..);
            }
            1 if !input.is_empty() => {
                let end = (at + self.rng.usize(1..=32)).min(input.len());
                input.drain(at.min(end)..end);
            }
            2 => {
                let other = self.pick_seed();
                if !other.is_empty() {
                    let from = self.rng.usize(..other.len());
                    let to = self.rng.usize(from..=other.len());
                    input.splice(at..at, other[from..to].iter().copied());
                }
            }
            3 => {
                // A few tokens in a row, repeated: `<div\n` then `<a` a thousand times.
                let mut piece = Vec::new();
                for _ in 0..self.rng.usize(1..=3) {
                    piece.extend_from_slice(self.token());
                }
                let times = if self.rng.bool() {
                    self.rng.usize(2..64)
                } else {
                    self.rng.usize(64..=(MAX_LEN / piece.len().max(1)).max(65))
                };
                let repeated = piece.repeat(times);
                input.splice(at..at, repeated);
            }
            4 if !input.is_empty() => {
                // Repeat a piece of the input itself.
                let from = self.rng.usize(..input.len());
                let to = (from + self.rng.usize(1..=16)).min(input.len());
                let repeated = input[from..to].repeat(self.rng.usize(2..512));
                input.splice(from..from, repeated);
            }
            _ => {
                let token = self.token();
                input.splice(at..at, token.iter().copied());
            }
        }
    }
}
