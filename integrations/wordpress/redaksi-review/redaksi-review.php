<?php
/**
 * Plugin Name: Redaksi Review
 * Description: Private review notes between a newsroom's editors and reporters, for Redaksi (the offline newsroom editor). Notes are post meta only the post's editors can read or write; they are never shown on the site, in feeds, or to readers of the REST API.
 * Version: 1.0.0
 * Requires at least: 6.1
 * License: MIT
 */

if (!defined('ABSPATH')) {
    exit;
}

/** The note an editor leaves when returning a post. */
const REDAKSI_REVIEW_NOTE = 'redaksi_review_note';
/** Who wrote the note (display name) and when (UTC, `Y-m-d\TH:i:s`): set here, never by a client. */
const REDAKSI_REVIEW_NOTE_BY = 'redaksi_review_note_by';
const REDAKSI_REVIEW_NOTE_AT = 'redaksi_review_note_at';
/** Redaksi's identity on a post (the article's id), which finds a post again after a lost answer. */
const REDAKSI_ARTICLE = 'redaksi_article';

/** Only someone who may edit this very post (its author while it is theirs to edit, an editor). */
function redaksi_review_can_edit($allowed, $meta_key, $post_id) {
    return current_user_can('edit_post', $post_id);
}

add_action('init', function () {
    // `context: edit` keeps the values out of every `view` answer (the public REST API, the
    // embed in other answers); WordPress only answers `context=edit` to someone who may edit
    // the post. Post meta is never printed by themes or feeds.
    $private = ['schema' => ['context' => ['edit']]];
    register_post_meta('post', REDAKSI_REVIEW_NOTE, [
        'type' => 'string',
        'single' => true,
        'default' => '',
        'show_in_rest' => $private,
        'auth_callback' => 'redaksi_review_can_edit',
    ]);
    foreach ([REDAKSI_REVIEW_NOTE_BY, REDAKSI_REVIEW_NOTE_AT] as $key) {
        register_post_meta('post', $key, [
            'type' => 'string',
            'single' => true,
            'default' => '',
            'show_in_rest' => $private,
            // Read-only through the API: the plugin records them when the note changes.
            'auth_callback' => '__return_false',
        ]);
    }
    register_post_meta('post', REDAKSI_ARTICLE, [
        'type' => 'string',
        'single' => true,
        'show_in_rest' => $private,
        'auth_callback' => 'redaksi_review_can_edit',
    ]);
});

// The author's display name beside the post, for the editor's review list: core embeds an
// author only when they have published something (or the reader may list users), and a new
// reporter has not.
add_action('rest_api_init', function () {
    register_rest_field('post', 'redaksi_author', [
        'get_callback' => function ($post) {
            $user = get_userdata((int) $post['author']);
            return $user ? $user->display_name : '';
        },
        'schema' => ['type' => 'string', 'context' => ['edit'], 'readonly' => true],
    ]);
});

/** Records who wrote a note and when, whenever the note is added or changed. */
function redaksi_review_stamp($meta_id, $post_id, $meta_key, $value) {
    if ($meta_key !== REDAKSI_REVIEW_NOTE) {
        return;
    }
    $user = wp_get_current_user();
    update_post_meta($post_id, REDAKSI_REVIEW_NOTE_BY, $user->exists() ? $user->display_name : '');
    update_post_meta($post_id, REDAKSI_REVIEW_NOTE_AT, gmdate('Y-m-d\TH:i:s'));
}
add_action('added_post_meta', 'redaksi_review_stamp', 10, 4);
add_action('updated_post_meta', 'redaksi_review_stamp', 10, 4);

// Notes are never copied into the public custom-fields list some themes print.
add_filter('is_protected_meta', function ($protected, $meta_key) {
    return $protected || in_array($meta_key, [REDAKSI_REVIEW_NOTE, REDAKSI_REVIEW_NOTE_BY, REDAKSI_REVIEW_NOTE_AT, REDAKSI_ARTICLE], true);
}, 10, 2);
