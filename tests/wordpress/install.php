<?php
// Installs the site once, then (every run) prints a fresh application password for `admin`.
$redaksi_installing = true;
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-includes/class-wp-application-passwords.php';

if (!is_blog_installed()) {
    wp_install('Redaksi Test', 'admin', 'admin@example.invalid', false, '', 'admin-login-password-not-used');
    update_option('permalink_structure', '');
}
$user = get_user_by('login', 'admin');
// Old test passwords are removed so they never pile up across runs.
WP_Application_Passwords::delete_all_application_passwords($user->ID);
$made = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'redaksi-tests']);
if (is_wp_error($made)) {
    fwrite(STDERR, $made->get_error_message() . "\n");
    exit(1);
}
echo $made[0];
