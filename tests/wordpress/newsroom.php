<?php
// The newsroom's people, made once: two reporters (an author and a contributor) and an editor.
// Every run mints each a fresh application password (old test ones are removed so they never
// pile up) and prints their accounts as KEY=value lines for `wp.sh env`.
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-includes/class-wp-application-passwords.php';

$people = [
    // env prefix => [login, role, display name]
    'AUTHOR' => ['reporter-author', 'author', 'Rina Reporter'],
    'CONTRIBUTOR' => ['reporter-contributor', 'contributor', 'Dedi Kontributor'],
    'EDITOR' => ['editor', 'editor', 'Sari Editor'],
];
foreach ($people as $prefix => [$login, $role, $name]) {
    $user = get_user_by('login', $login);
    if (!$user) {
        $id = wp_insert_user([
            'user_login' => $login,
            'user_email' => "$login@example.invalid",
            'user_pass' => wp_generate_password(32),
            'display_name' => $name,
            'role' => $role,
        ]);
        if (is_wp_error($id)) {
            fwrite(STDERR, "cannot create $login: " . $id->get_error_message() . "\n");
            exit(1);
        }
        $user = get_user_by('id', $id);
    }
    // A role changed by hand in a test is put back, so every run starts from the same newsroom.
    if ($user->roles !== [$role]) {
        $user->set_role($role);
    }
    WP_Application_Passwords::delete_all_application_passwords($user->ID);
    $made = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'redaksi-tests']);
    if (is_wp_error($made)) {
        fwrite(STDERR, "cannot mint a password for $login: " . $made->get_error_message() . "\n");
        exit(1);
    }
    echo "REDAKSI_WP_{$prefix}_USER=$login\n";
    echo "REDAKSI_WP_{$prefix}_APP_PASSWORD={$made[0]}\n";
}
