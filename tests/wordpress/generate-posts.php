<?php
// `wp.sh php generate-posts.php COUNT WORDS`: replaces every post of this instance with COUNT
// published posts of about WORDS words each (Indonesian and English in turn), each with a Rank
// Math focus keyword except every tenth, and no score. For the site audit's tests and bench:
// fast because it runs inside WordPress, without HTTP.
require __DIR__ . '/bootstrap.php';
[$count, $words] = [(int) ($argv[1] ?? 300), (int) ($argv[2] ?? 300)];

global $wpdb;
$wpdb->query("DELETE m FROM {$wpdb->postmeta} m JOIN {$wpdb->posts} p ON p.ID = m.post_id WHERE p.post_type IN ('post', 'revision')");
$wpdb->query("DELETE FROM {$wpdb->posts} WHERE post_type IN ('post', 'revision')");
wp_defer_term_counting(true);
remove_action('post_updated', 'wp_save_post_revision');

$sentences = [
    ['Warga di sekitar pasar mengatakan harga kebutuhan pokok berubah setiap pekan.',
     'Pemerintah daerah menyiapkan langkah baru untuk menjaga pasokan tetap aman.',
     'Pedagang berharap distribusi dari gudang berjalan lebih cepat bulan depan.',
     'Dinas terkait mencatat permintaan naik menjelang akhir tahun.'],
    ['Residents near the market said the price of staples changes every week.',
     'The city government is preparing new steps to keep supplies secure.',
     'Traders hope deliveries from the warehouse will move faster next month.',
     'Officials recorded a rise in demand ahead of the end of the year.'],
];
$keywords = [['harga beras', 'banjir rob', 'pasar induk'], ['rice prices', 'coastal flooding', 'city market']];
for ($i = 1; $i <= $count; $i++) {
    $lang = $i % 2;
    $keyword = $keywords[$lang][$i % 3];
    $body = '';
    $n = 0;
    $p = 0;
    while ($n < $words) {
        $paragraph = [];
        if ($p % 3 === 0 && $i % 4 !== 0) {
            $paragraph[] = ucfirst($keyword) . '.';
        }
        for ($k = 0; $k < 3; $k++) {
            $paragraph[] = $sentences[$lang][($i + $p + $k) % 4];
        }
        $text = implode(' ', $paragraph);
        $n += str_word_count($text);
        $body .= "<!-- wp:paragraph -->\n<p>$text</p>\n<!-- /wp:paragraph -->\n\n";
        if ($p % 5 === 2 && $i % 3 !== 0) {
            $body .= "<!-- wp:heading -->\n<h2>" . ucfirst($keyword) . " $p</h2>\n<!-- /wp:heading -->\n\n";
        }
        $p++;
    }
    $title = ($i % 5 === 0 ? 'Kabar ' : ucfirst($keyword) . ' ') . $i;
    $id = wp_insert_post([
        'post_title' => $title,
        'post_content' => $body,
        'post_status' => 'publish',
        'post_name' => sanitize_title($title),
    ], true);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
    if ($i % 10 !== 0) {
        update_post_meta($id, 'rank_math_focus_keyword', $keyword);
    }
}
wp_defer_term_counting(false);
echo $count, "\n";
