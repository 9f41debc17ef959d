<?php
/**
 * Plugin Name: Redaksi test harness
 * Description: Fault injection and SEO meta for Redaksi's publishing tests. Never install on a real site.
 */

// Faults: `wp.sh fault 500 2` makes the next two REST writes answer 500 (429 adds Retry-After).
add_filter('rest_pre_dispatch', function ($result, $server, $request) {
    if ($request->get_method() === 'GET') {
        return $result;
    }
    $fault = get_option('redaksi_fault');
    if (!is_array($fault) || ($fault['count'] ?? 0) <= 0) {
        return $result;
    }
    $fault['count']--;
    update_option('redaksi_fault', $fault, false);
    $response = new WP_REST_Response([
        'code' => 'redaksi_injected_fault',
        'message' => 'Injected by the Redaksi test harness',
        'data' => ['status' => $fault['status']],
    ], $fault['status']);
    if (!empty($fault['retry_after'])) {
        $response->header('Retry-After', (string) $fault['retry_after']);
    }
    return $response;
}, 10, 3);

// The SEO fields a site owner exposes to the REST API (as a theme's functions.php would).
// The focus keyword is deliberately NOT registered: WordPress then drops it without an error,
// and Redaksi must notice that on read-back.
add_action('init', function () {
    foreach (['rank_math_title', 'rank_math_description'] as $key) {
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
