//! The app's window only ever shows the app. A link followed in the preview (or any script that
//! sets `location`) would otherwise replace the desk with a web page that can call no command but
//! still holds the reporter's attention and unsaved text; such links open in the system browser
//! instead (the UI asks tauri-plugin-opener), and the webview refuses the navigation.

use tauri::Url;

/// Whether the window may navigate to `url`: only to the app's own origin, which is
/// `tauri://localhost` (Linux, macOS) or `http(s)://tauri.localhost` (Windows).
pub fn stays_in_app(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::stays_in_app;
    use rstest::rstest;
    use tauri::Url;

    #[rstest]
    #[case::app_on_linux("tauri://localhost/index.html", true)]
    #[case::app_on_windows("http://tauri.localhost/", true)]
    #[case::app_on_windows_https("https://tauri.localhost/index.html", true)]
    #[case::web_page("https://example.com/", false)]
    #[case::plain_http("http://example.com/story", false)]
    #[case::lookalike_host("https://tauri.localhost.example.com/", false)]
    #[case::other_tauri_host("tauri://example.com/", false)]
    #[case::local_file("file:///etc/passwd", false)]
    #[case::script("javascript:alert(1)", false)]
    #[case::data("data:text/html,<h1>hi</h1>", false)]
    fn only_the_apps_own_origin_is_allowed(#[case] url: &str, #[case] allowed: bool) {
        assert_eq!(stays_in_app(&Url::parse(url).unwrap()), allowed, "{url}");
    }
}
