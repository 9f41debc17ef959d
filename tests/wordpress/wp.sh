#!/usr/bin/env bash
# A real WordPress on loopback for Redaksi's publishing tests, from Debian's packages.
#
#   tests/wordpress/wp.sh start       install what is missing, start MariaDB + PHP, print env
#   tests/wordpress/wp.sh stop        stop both servers (the data stays for a fast restart)
#   tests/wordpress/wp.sh stop-php    stop only the web server (tests use it to cut the network)
#   tests/wordpress/wp.sh start-php   start only the web server again
#   tests/wordpress/wp.sh status      exit 0 when WordPress answers
#   tests/wordpress/wp.sh env         print the env lines (after start)
#   tests/wordpress/wp.sh fault STATUS COUNT [RETRY_AFTER]   next COUNT REST writes answer STATUS
#   tests/wordpress/wp.sh option NAME JSON                    set a harness option (faults, filters)
#   tests/wordpress/wp.sh php FILE.php [ARGS…]                run a PHP script inside WordPress
#   tests/wordpress/wp.sh plugin on|off SLUG                  (de)activate one of integrations/wordpress/
#   tests/wordpress/wp.sh reset       stop and delete all state
#   tests/wordpress/wp.sh rankmath    start, then install and configure Rank Math from
#                                     ../shared/wordpress (only on this instance; see README)
#
# Settings (env): REDAKSI_WP_PORT (default 8089), REDAKSI_WP_DIR (state; default
# /tmp/redaksi-wordpress-$PORT), REDAKSI_WP_WORKERS (PHP server workers, default 4).
# No systemd: mariadbd runs on a private socket with networking off; PHP's built-in server
# listens on 127.0.0.1 only. Every step checks before acting, so `start` is idempotent.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${REDAKSI_WP_PORT:-8089}"
STATE="${REDAKSI_WP_DIR:-/tmp/redaksi-wordpress-$PORT}"
WORKERS="${REDAKSI_WP_WORKERS:-4}"
WP_ROOT=/usr/share/wordpress
SOCK="$STATE/mysqld.sock"
URL="http://127.0.0.1:$PORT"
DEBIAN_SHIM=/etc/wordpress/config-redaksi-test.php

log() { echo "wp.sh: $*" >&2; }

install_packages() {
  local missing=()
  for pkg in wordpress mariadb-server php-cli php-mysql curl; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # The packages' own service start fails without systemd; that is fine, we start our own.
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" policykit-1- >/dev/null || \
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Debian's wp-config.php loads /etc/wordpress/config-$WORDPRESS_CONFIG.php; this shim hands
  # over to the config of whichever instance's server is asking (its REDAKSI_WP_DIR).
  if [[ ! -f "$DEBIAN_SHIM" ]]; then
    mkdir -p /etc/wordpress
    cat >"$DEBIAN_SHIM" <<'PHP'
<?php
// Installed by Redaksi's tests/wordpress/wp.sh: each test instance keeps its config in its state dir.
require getenv('REDAKSI_WP_DIR') . '/wp-config-local.php';
PHP
  fi
}

write_config() {
  mkdir -p "$STATE/wp-content/uploads" "$STATE/log"
  [[ -f "$STATE/salt" ]] || head -c 48 /dev/urandom | base64 | tr -d '/+=\n' >"$STATE/salt"
  cat >"$STATE/wp-config-local.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$SOCK');
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
define('WP_CONTENT_DIR', '$STATE/wp-content');
define('WP_CONTENT_URL', '$URL/wp-content');
define('WPMU_PLUGIN_DIR', '$HERE/mu-plugins');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_ALLOW_MULTISITE', false);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', false);
foreach (['AUTH_KEY','SECURE_AUTH_KEY','LOGGED_IN_KEY','NONCE_KEY','AUTH_SALT','SECURE_AUTH_SALT','LOGGED_IN_SALT','NONCE_SALT'] as \$k) {
    define(\$k, '$(cat "$STATE/salt")' . \$k);
}
\$table_prefix = 'wp_';
PHP
}

mysql_running() { [[ -S "$SOCK" ]] && mariadb-admin --socket="$SOCK" ping >/dev/null 2>&1; }

start_mysql() {
  mysql_running && return
  if [[ ! -d "$STATE/mysql/mysql" ]]; then
    log "initialising MariaDB data in $STATE/mysql"
    mariadb-install-db --datadir="$STATE/mysql" --user="$(id -un)" --skip-test-db \
      --auth-root-authentication-method=normal >"$STATE/log/install-db.log" 2>&1
  fi
  # Grant tables are skipped: the server has no network and a socket only this state dir knows.
  setsid mariadbd --no-defaults --datadir="$STATE/mysql" --socket="$SOCK" --skip-networking \
    --pid-file="$STATE/mysqld.pid" --user="$(id -un)" --skip-grant-tables \
    --innodb-buffer-pool-size=32M --log-error="$STATE/log/mysqld.err" </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 100); do mysql_running && break; sleep 0.1; done
  mysql_running || { log "MariaDB did not start; see $STATE/log/mysqld.err"; exit 1; }
  mariadb --socket="$SOCK" -e "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4"
}

php_running() { curl -fsS -o /dev/null --max-time 5 "$URL/?rest_route=/" 2>/dev/null; }

start_php() {
  php_running && return
  (
    cd "$WP_ROOT"
    REDAKSI_WP_DIR="$STATE" PHP_CLI_SERVER_WORKERS="$WORKERS" setsid php -d upload_max_filesize=64M \
      -d post_max_size=64M -d memory_limit=256M -S "127.0.0.1:$PORT" -t "$WP_ROOT" "$HERE/router.php" \
      </dev/null >>"$STATE/log/php.log" 2>&1 &
    echo $! >"$STATE/php.pid"
  )
  for _ in $(seq 1 100); do php_running && break; sleep 0.1; done
  php_running || { log "PHP server did not answer on $URL; see $STATE/log/php.log"; exit 1; }
}

stop_php() {
  if [[ -f "$STATE/php.pid" ]]; then
    local pid; pid="$(cat "$STATE/php.pid")"
    # setsid made the server a group leader: its workers go with it.
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$STATE/php.pid"
  fi
}

stop_mysql() {
  local pid=""
  [[ -f "$STATE/mysqld.pid" ]] && pid="$(cat "$STATE/mysqld.pid")"
  if mysql_running; then
    mariadb-admin --socket="$SOCK" shutdown || true
  fi
  if [[ -n "$pid" ]]; then
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

# The plugins Redaksi ships (integrations/wordpress/*), linked from this checkout into the site's
# plugin folder (re-pointed on every start, so the site runs the checkout whose tests run).
link_plugins() {
  mkdir -p "$STATE/wp-content/plugins"
  local dir
  for dir in "$HERE"/../../integrations/wordpress/*/; do
    [[ -d "$dir" ]] || continue
    ln -sfn "$(cd "$dir" && pwd)" "$STATE/wp-content/plugins/$(basename "$dir")"
  done
}

activate_plugins() {
  local dir
  for dir in "$HERE"/../../integrations/wordpress/*/; do
    [[ -d "$dir" ]] || continue
    wp_php "$HERE/plugin.php" on "$(basename "$dir")" >/dev/null
  done
}

# Rank Math is installed from ../shared (next to the repository), never vendored: linked into
# this instance's plugins, with Debian's theme beside it so public pages render.
RANK_MATH="$(cd "$HERE/../../.." && pwd)/shared/wordpress/seo-by-rank-math"
install_rank_math() {
  if [[ ! -f "$RANK_MATH/rank-math.php" ]]; then
    log "Rank Math is missing: expected $RANK_MATH (the shared folder next to the repository)"
    exit 1
  fi
  mkdir -p "$STATE/wp-content/plugins" "$STATE/wp-content/themes"
  ln -sfn "$RANK_MATH" "$STATE/wp-content/plugins/seo-by-rank-math"
  ln -sfn "$WP_ROOT/wp-content/themes/twentytwentythree" "$STATE/wp-content/themes/twentytwentythree"
  wp_php "$HERE/rankmath.php" >"$STATE/login-password.tmp"
  mv "$STATE/login-password.tmp" "$STATE/login-password"
}

wp_php() { REDAKSI_WP_DIR="$STATE" REDAKSI_WP_URL="$URL" php "$@"; }

print_env() {
  echo "REDAKSI_WP_URL=$URL"
  echo "REDAKSI_WP_USER=admin"
  echo "REDAKSI_WP_APP_PASSWORD=$(cat "$STATE/app-password")"
  echo "REDAKSI_WP_DIR=$STATE"
  echo "REDAKSI_WP_SCRIPT=$HERE/wp.sh"
  cat "$STATE/newsroom.env"
  # Only an instance set up by `wp.sh rankmath` has a wp-admin login password.
  if [[ -f "$STATE/login-password" ]]; then echo "REDAKSI_WP_LOGIN_PASSWORD=$(cat "$STATE/login-password")"; fi
}

case "${1:-start}" in
  start|rankmath)
    install_packages
    mkdir -p "$STATE"
    write_config
    start_mysql
    wp_php "$HERE/install.php" >"$STATE/app-password.tmp"
    mv "$STATE/app-password.tmp" "$STATE/app-password"
    link_plugins
    activate_plugins
    wp_php "$HERE/newsroom.php" >"$STATE/newsroom.env.tmp"
    mv "$STATE/newsroom.env.tmp" "$STATE/newsroom.env"
    [[ "${1:-start}" == rankmath ]] && install_rank_math
    start_php
    print_env | tee "$STATE/env"
    ;;
  stop) stop_php; stop_mysql ;;
  stop-php) stop_php ;;
  start-php) start_php ;;
  status) php_running ;;
  env) print_env ;;
  fault) shift; wp_php "$HERE/fault.php" "$@" ;;
  option) shift; wp_php "$HERE/option.php" "$@" ;;
  php) shift; wp_php "$@" ;;
  plugin) shift; link_plugins; wp_php "$HERE/plugin.php" "$@" ;;
  reset) stop_php; stop_mysql; rm -rf "$STATE" ;;
  *) echo "usage: $0 start|rankmath|stop|stop-php|start-php|status|env|fault|option|php|plugin|reset" >&2; exit 2 ;;
esac
