<?php
// `wp.sh option NAME JSON`: sets a WordPress option the test harness reads (`null` deletes it).
require __DIR__ . '/bootstrap.php';
[$name, $json] = [$argv[1] ?? '', $argv[2] ?? 'null'];
$value = json_decode($json, true);
if ($value === null) {
    delete_option($name);
} else {
    update_option($name, $value, false);
}
echo json_encode(get_option($name)), "\n";
