<?php
// `wp.sh php pending_posts.php make N AUTHOR_LOGIN TAG` makes N pending posts (block markup, a
// few hundred words each) by that author, marked with TAG; `… clear TAG` deletes them again.
require dirname(__DIR__, 3) . '/tests/wordpress/bootstrap.php';
[$action, $arg] = [$argv[1] ?? '', $argv[2] ?? ''];
if ($action === 'make') {
    [$n, $login, $tag] = [(int) $arg, $argv[3], $argv[4]];
    $author = get_user_by('login', $login)->ID;
    $para = '<!-- wp:paragraph -->' . "\n" . '<p>Harga beras di pasar tradisional naik dua kali lipat sejak awal bulan. Kenaikan itu disampaikan <strong>Kepala Dinas Perdagangan</strong> dalam rapat di Balai Kota. Menurut dia, pasokan dari sentra produksi berkurang akibat banjir.</p>' . "\n" . '<!-- /wp:paragraph -->';
    $body = implode("\n\n", array_fill(0, 12, $para));
    wp_defer_term_counting(true);
    for ($i = 0; $i < $n; $i++) {
        wp_insert_post([
            'post_title' => "Bangku $tag $i",
            'post_content' => $body,
            'post_status' => 'pending',
            'post_author' => $author,
            'meta_input' => ['redaksi_bench' => $tag],
        ]);
    }
    echo "$n\n";
} elseif ($action === 'clear') {
    $ids = get_posts(['post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids',
        'meta_key' => 'redaksi_bench', 'meta_value' => $arg]);
    foreach ($ids as $id) {
        wp_delete_post($id, true);
    }
    echo count($ids), "\n";
}
