<?php
// `wp.sh fault STATUS COUNT [RETRY_AFTER]`: the next COUNT REST writes (POST/PUT/PATCH/DELETE)
// answer STATUS. `wp.sh fault 0 0` clears it.
require __DIR__ . '/bootstrap.php';
[$status, $count, $retry] = [(int) ($argv[1] ?? 0), (int) ($argv[2] ?? 0), (int) ($argv[3] ?? 0)];
update_option('redaksi_fault', ['status' => $status, 'count' => $count, 'retry_after' => $retry], false);
echo json_encode(get_option('redaksi_fault')), "\n";
