<?php
// `wp.sh php stale-scores.php`: every third published post (by id) gets a Rank Math score that
// is no longer its own, as when the post changed in WordPress and nobody reopened it in Rank
// Math's editor: the stored score moves by 30 and the post counts as modified now. Prints the
// ids it changed, as JSON.
require __DIR__ . '/bootstrap.php';
$ids = get_posts(['post_type' => 'post', 'post_status' => 'publish', 'numberposts' => -1,
    'orderby' => 'ID', 'order' => 'ASC', 'fields' => 'ids']);
$changed = [];
foreach ($ids as $n => $id) {
    if ($n % 3 !== 0) {
        continue;
    }
    $score = (int) get_post_meta($id, 'rank_math_seo_score', true);
    update_post_meta($id, 'rank_math_seo_score', $score >= 50 ? $score - 30 : $score + 30);
    wp_update_post(['ID' => $id]);
    $changed[] = $id;
}
echo json_encode($changed), "\n";
