<?php
// `wp.sh plugin on|off SLUG`: activates or deactivates a plugin of this repository's
// `integrations/wordpress/` on the test site (`wp.sh start` links and activates them all).
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
[$action, $slug] = [$argv[1] ?? '', $argv[2] ?? ''];
$file = "$slug/$slug.php";
if ($action === 'on') {
    $result = activate_plugin($file);
    if (is_wp_error($result)) {
        fwrite(STDERR, "cannot activate $file: " . $result->get_error_message() . "\n");
        exit(1);
    }
} elseif ($action === 'off') {
    deactivate_plugins($file);
} else {
    fwrite(STDERR, "usage: wp.sh plugin on|off SLUG\n");
    exit(2);
}
echo is_plugin_active($file) ? "active\n" : "inactive\n";
