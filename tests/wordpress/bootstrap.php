<?php
// Loads WordPress for a command-line script of this test instance (Debian's wp-config.php
// picks /etc/wordpress/config-redaksi-test.php, which reads this instance's config).
$_SERVER['WORDPRESS_CONFIG'] = 'redaksi-test';
$_SERVER['HTTP_HOST'] = parse_url(getenv('REDAKSI_WP_URL'), PHP_URL_HOST) . ':' . parse_url(getenv('REDAKSI_WP_URL'), PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
if (!defined('WP_INSTALLING') && ($GLOBALS['redaksi_installing'] ?? false)) {
    define('WP_INSTALLING', true);
}
require '/usr/share/wordpress/wp-load.php';
