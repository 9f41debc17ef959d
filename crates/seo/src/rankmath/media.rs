//! Images and videos (§7), counted the way Rank Math counts them.

use std::borrow::Cow;
use std::ops::Range;

use super::text::{NextByte, find_ci, shortcode_end};

/// The hosts of §7 step 4, each with its `/`. The optional `http(s)://` and `www.`/`player.`
/// before them only move a match's start, never the count, so the scan starts at the host.
const VIDEO_HOSTS: [&[u8]; 4] = [
    b"youtube.googleapis.com/",
    b"youtube.com/",
    b"youtu.be/",
    b"vimeo.com/",
];

/// The leftmost host of [`VIDEO_HOSTS`] (ASCII case-insensitive) that lies in `b[from..]`.
///
/// Each host ends in its only `/`, and each starts with a `y` or `v` that no host has anywhere
/// else, so two matches never overlap: the leftmost one is the one whose `/` comes first. That
/// turns the search into a check at each `/`, which are few in prose.
fn next_video_host(b: &[u8], from: usize) -> Option<Range<usize>> {
    memchr::memchr_iter(b'/', &b[from..]).find_map(|slash| {
        let end = from + slash + 1;
        VIDEO_HOSTS.iter().find_map(|host| {
            let start = end.checked_sub(host.len()).filter(|&s| s >= from)?;
            b[start..end]
                .eq_ignore_ascii_case(host)
                .then_some(start..end)
        })
    })
}

/// Counts the non-overlapping YouTube/Vimeo URLs: host and `/`, an optional `video/`, `embed/`,
/// `watch?v=` or `v/`, an id of `[A-Za-z0-9._%-]*`, then optionally `&` and non-space characters
/// (which swallow any URL inside them).
fn video_urls(text: &str) -> usize {
    let b = text.as_bytes();
    let mut count = 0;
    let mut pos = 0;
    while let Some(m) = next_video_host(b, pos) {
        count += 1;
        let mut end = m.end;
        for prefix in ["video/", "embed/", "watch?v=", "v/"] {
            if b.len() >= end + prefix.len()
                && b[end..end + prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
            {
                end += prefix.len();
                break;
            }
        }
        while end < b.len()
            && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'.' | b'_' | b'%' | b'-'))
        {
            end += 1;
        }
        if b.get(end) == Some(&b'&')
            && text[end + 1..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace())
        {
            end += 1;
            end += text[end..]
                .find(char::is_whitespace)
                .unwrap_or(text.len() - end);
        }
        pos = end;
    }
    count
}

/// Byte ranges of `<name…>` opening tags (case-insensitive).
pub fn opening_tags(text: &str, name: &str) -> Vec<Range<usize>> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = find_ci(text, &open, i) {
        match text[at..].find('>') {
            Some(g) => {
                out.push(at..at + g + 1);
                i = at + g + 1;
            }
            None => break,
        }
    }
    out
}

/// `[name]` / `[name …]` shortcodes (exact, lower-case name).
pub fn shortcodes(text: &str, name: &str) -> Vec<Range<usize>> {
    let open = format!("[{name}");
    let mut close = NextByte::new(b']');
    memchr::memmem::find_iter(text.as_bytes(), open.as_bytes())
        .filter_map(|at| {
            let next = text[at + open.len()..].chars().next()?;
            if next != ']' && next != ' ' {
                return None;
            }
            shortcode_end(text, at, &mut close).map(|end| at..end)
        })
        .collect()
}

/// The number of images in TEXT, plus one for a featured image (§7).
pub fn image_count(text: &str, featured: bool) -> usize {
    opening_tags(text, "img").len() + shortcodes(text, "gallery").len() + usize::from(featured)
}

/// The number of videos in TEXT (§7): iframes, `<video>`s, `[video]`s, then YouTube/Vimeo URLs in
/// what remains.
pub fn video_count(text: &str) -> usize {
    let mut count = 0;
    let mut working = Cow::Borrowed(text);
    for name in ["iframe", "video"] {
        let tags = opening_tags(&working, name);
        count += tags.len();
        working = remove_ranges(working, &tags);
    }
    let codes = shortcodes(&working, "video");
    count += codes.len();
    let working = remove_ranges(working, &codes);
    count + video_urls(&working)
}

fn remove_ranges<'a>(text: Cow<'a, str>, ranges: &[Range<usize>]) -> Cow<'a, str> {
    if ranges.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for r in ranges {
        out.push_str(&text[last..r.start]);
        last = r.end;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// Image points (§9.21).
pub fn image_points(images: usize) -> u32 {
    match images {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 4,
        _ => 6,
    }
}

/// Video points (§9.21).
pub fn video_points(videos: usize) -> u32 {
    match videos {
        0 => 0,
        1 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;
    use crate::work::assert_linear;

    #[test]
    fn galleries_that_never_close_stay_linear() {
        assert_linear("[gallery repeated", 20_000, |n| {
            assert!(shortcodes(&"[gallery ".repeat(n), "gallery").is_empty());
        });
    }

    #[rstest]
    #[case(r#"<iframe src="https://maps.google.com/x"></iframe>"#, 1)]
    #[case(r#"<iframe src="https://www.youtube.com/embed/abc"></iframe>"#, 1)]
    #[case(r#"<a href="https://youtu.be/x">video</a>"#, 1)]
    #[case(r#"<a href="https://youtu.be/x">https://youtu.be/x</a>"#, 2)]
    #[case(r#"<video src="a.mp4"></video> [video src="b.mp4"]"#, 2)]
    #[case("https://www.youtube-nocookie.com/embed/x youtube.com", 0)]
    #[case("https://vimeo.com/123 http://youtube.googleapis.com/v/abc", 2)]
    #[case(
        "https://www.youtube.com/watch?v=a&list=b\">https://youtu.be/a</a> youtu.be/c",
        2
    )]
    #[case("https://YOUTU.BE/x", 1)]
    fn videos(#[case] text: &str, #[case] count: usize) {
        assert_eq!(video_count(text), count);
    }

    #[rstest]
    #[case("", false, 0)]
    #[case("", true, 1)]
    #[case(r#"<img src="a"><IMG src="b"> [gallery ids="1"] [gallery]"#, false, 4)]
    #[case("[galleryx] [gallery", false, 0)]
    fn images(#[case] text: &str, #[case] featured: bool, #[case] count: usize) {
        assert_eq!(image_count(text, featured), count);
    }

    #[rstest]
    #[case(0, 0)]
    #[case(1, 1)]
    #[case(2, 2)]
    #[case(3, 4)]
    #[case(4, 6)]
    #[case(9, 6)]
    fn image_tiers(#[case] images: usize, #[case] points: u32) {
        assert_eq!(image_points(images), points);
    }
}
