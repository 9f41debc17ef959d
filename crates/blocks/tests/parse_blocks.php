<?php
// Prints, for each post id given, the block names WordPress's own parser finds in its content
// (nested blocks too) and how many freeform (classic) pieces hold more than whitespace.
require __DIR__ . '/../../../tests/wordpress/bootstrap.php';

function redaksi_names(array $blocks, array &$names, int &$freeform): void {
    foreach ($blocks as $block) {
        if ($block['blockName'] === null) {
            if (trim($block['innerHTML']) !== '') {
                $freeform++;
            }
            continue;
        }
        $names[] = $block['blockName'];
        redaksi_names($block['innerBlocks'], $names, $freeform);
    }
}

$out = [];
foreach (array_slice($argv, 1) as $id) {
    $names = [];
    $freeform = 0;
    redaksi_names(parse_blocks(get_post((int) $id)->post_content), $names, $freeform);
    $out[$id] = ['blocks' => $names, 'freeform' => $freeform];
}
echo json_encode($out);
