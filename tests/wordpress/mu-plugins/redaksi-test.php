<?php
/**
 * Plugin Name: Redaksi test harness
 * Description: Fault injection and SEO meta for Redaksi's publishing tests. Never install on a real site.
 */

// Faults: `wp.sh fault 500 2` makes the next two REST writes (POST, PUT, PATCH, DELETE) answer
// 500 (429 adds Retry-After).
// `wp.sh option redaksi_fault JSON` sets the whole fault: {status, count, retry_after, mode,
// route, delay}. `mode` is `before` (answer instead of doing the write, the default), `after`
// (do the write, then answer `status` as a server that failed afterwards would) or `slow`
// (wait `delay` seconds, then do the write: the client may have given up meanwhile). `route`
// limits the fault to writes to that REST route (`/wp/v2/posts` is a create; a trailing `*`
// matches any route that starts with what comes before it).
function redaksi_fault_for($request, $mode) {
    // Writes only: reads and the OPTIONS schema request are never faulted.
    if (!in_array($request->get_method(), ['POST', 'PUT', 'PATCH', 'DELETE'], true)) {
        return null;
    }
    // Read past WordPress's per-request option cache: the count is shared by concurrent requests.
    global $wpdb;
    $stored = $wpdb->get_var("SELECT option_value FROM {$wpdb->options} WHERE option_name = 'redaksi_fault'");
    $fault = $stored === null ? null : maybe_unserialize($stored);
    if (!is_array($fault) || ($fault['count'] ?? 0) <= 0 || ($fault['mode'] ?? 'before') !== $mode) {
        return null;
    }
    $route = $fault['route'] ?? '';
    if ($route !== '') {
        $matches = str_ends_with($route, '*')
            ? str_starts_with($request->get_route(), substr($route, 0, -1))
            : $request->get_route() === $route;
        if (!$matches) {
            return null;
        }
    }
    // Take one from the count only if no concurrent request took it first (compare and swap), so
    // `fault 429 1` faults exactly one of two writes that arrive together.
    $taken = $fault;
    $taken['count']--;
    $swapped = $wpdb->query($wpdb->prepare(
        "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = 'redaksi_fault' AND option_value = %s",
        maybe_serialize($taken),
        $stored
    ));
    wp_cache_delete('redaksi_fault', 'options');
    return $swapped === 1 ? $taken : redaksi_fault_for($request, $mode);
}

function redaksi_fault_response($fault) {
    $response = new WP_REST_Response([
        'code' => 'redaksi_injected_fault',
        'message' => 'Injected by the Redaksi test harness',
        'data' => ['status' => $fault['status']],
    ], $fault['status']);
    if (!empty($fault['retry_after'])) {
        $response->header('Retry-After', (string) $fault['retry_after']);
    }
    return $response;
}

add_filter('rest_pre_dispatch', function ($result, $server, $request) {
    if ($fault = redaksi_fault_for($request, 'slow')) {
        sleep((int) ($fault['delay'] ?? 1));
        return $result;
    }
    $fault = redaksi_fault_for($request, 'before');
    return $fault ? redaksi_fault_response($fault) : $result;
}, 10, 3);

add_filter('rest_post_dispatch', function ($response, $server, $request) {
    $fault = redaksi_fault_for($request, 'after');
    return $fault ? redaksi_fault_response($fault) : $response;
}, 10, 3);

// A site whose content filter strips HTML comments (some minifiers and security plugins do):
// `wp.sh option redaksi_strip_comments true`.
add_filter('wp_insert_post_data', function ($data) {
    if (get_option('redaksi_strip_comments')) {
        $data['post_content'] = preg_replace('/<!--.*?-->/s', '', $data['post_content']);
    }
    return $data;
});

// Redaksi's identity on a post, as a site owner registers it for Redaksi (post meta survives
// whatever the content filters do to the body).
add_action('init', function () {
    register_post_meta('post', 'redaksi_article', [
        'type' => 'string',
        'single' => true,
        'show_in_rest' => true,
        'auth_callback' => function () { return current_user_can('edit_posts'); },
    ]);
});

// The SEO fields a site owner exposes to the REST API (as a theme's functions.php would).
// The focus keyword is deliberately NOT registered: WordPress then drops it without an error,
// and Redaksi must notice that on read-back.
add_action('init', function () {
    $keys = ['rank_math_title', 'rank_math_description'];
    // An instance set up by `wp.sh rankmath` exposes the keyword and the score too (read-only
    // use by the site audit; Rank Math itself writes them through its own route).
    if (get_option('redaksi_expose_rank_math')) {
        array_push($keys, 'rank_math_focus_keyword', 'rank_math_seo_score');
    }
    foreach ($keys as $key) {
        register_post_meta('post', $key, [
            'type' => 'string',
            'single' => true,
            'show_in_rest' => true,
            'auth_callback' => function () { return current_user_can('edit_posts'); },
        ]);
    }
});

// The test machine has no mail transport; WordPress would try sendmail on install.
add_filter('pre_wp_mail', '__return_false');
