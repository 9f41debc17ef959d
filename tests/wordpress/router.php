<?php
// Router for PHP's built-in server: WordPress from /usr/share/wordpress, uploads from this
// instance's own wp-content, Debian's config lookup pointed at this instance.
$_SERVER['WORDPRESS_CONFIG'] = 'redaksi-test';
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?: '/';
$content = getenv('REDAKSI_WP_DIR') . '/wp-content';
if (str_starts_with($path, '/wp-content/uploads/')) {
    $file = realpath($content . substr($path, strlen('/wp-content')));
    if ($file === false || !str_starts_with($file, realpath($content) . '/') || !is_file($file)) {
        http_response_code(404);
        return true;
    }
    header('Content-Type: ' . (mime_content_type($file) ?: 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}
$file = realpath('/usr/share/wordpress' . $path);
if ($file !== false && is_dir($file)) {
    $file = is_file($file . '/index.php') ? $file . '/index.php' : false;
}
if ($file !== false && str_starts_with($file, '/usr/share/wordpress/') && is_file($file)) {
    if (!str_ends_with($file, '.php')) {
        return false;
    }
    chdir(dirname($file));
    $_SERVER['SCRIPT_NAME'] = substr($file, strlen('/usr/share/wordpress'));
    $_SERVER['SCRIPT_FILENAME'] = $file;
    $_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'];
    require $file;
    return true;
}
chdir('/usr/share/wordpress');
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = '/usr/share/wordpress/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
require '/usr/share/wordpress/index.php';
