<?php
// `wp.sh rankmath`: activates Rank Math (linked into this instance's plugins by wp.sh) and
// configures it as ../shared/wordpress/README.md says it must be: registration skipped, the
// wizard done, the front-end score badge on posts, and a theme so public pages render.
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$plugin = 'seo-by-rank-math/rank-math.php';
if (!is_plugin_active($plugin)) {
    $failed = activate_plugin($plugin);
    if (is_wp_error($failed)) {
        fwrite(STDERR, 'Rank Math did not activate: ' . $failed->get_error_message() . "\n");
        exit(1);
    }
}
update_option('rank_math_registration_skip', true);
update_option('rank_math_wizard_completed', true);
$general = get_option('rank-math-options-general');
$general = is_array($general) ? $general : [];
$general['frontend_seo_score'] = 'on';
$general['frontend_seo_score_post_types'] = ['post'];
$general['frontend_seo_score_position'] = 'top';
$general['frontend_seo_score_template'] = 'circle';
update_option('rank-math-options-general', $general);
// The test harness (mu-plugins/redaksi-test.php) exposes the focus keyword and the score to
// core REST on this instance only, as a site owner may; the audit reads them from there.
update_option('redaksi_expose_rank_math', true);
if (get_stylesheet() !== 'twentytwentythree') {
    switch_theme('twentytwentythree');
}
if (!is_plugin_active($plugin)) {
    fwrite(STDERR, "Rank Math is not active after activation\n");
    exit(1);
}
// wp-admin's posts list shows the score too; tests log in there as a person would, with a
// password minted on every run (printed for wp.sh, which keeps it in the state dir).
$login = wp_generate_password(24, false);
wp_set_password($login, get_user_by('login', 'admin')->ID);
echo $login;
fwrite(STDERR, "rank math " . get_plugin_data(WP_PLUGIN_DIR . '/' . $plugin)['Version'] . " active\n");
