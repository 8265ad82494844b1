#!/usr/bin/env bash
# The article page rendered on every request (output cache off) against WordPress from Debian's packages (Apache
# with mod_php, MariaDB) serving a post of the same text, also rendered on every request (no page cache plugin).
# Target: at least 50x WordPress's requests per second. Installs what it needs from Debian.
# With a count of articles, both archives hold that many published articles (copies of the post, a minute apart).
#   bench/vs-wordpress.sh [seconds] [connections] [articles]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/debian.sh
for tool in wrk nginx mariadbd apache2ctl; do
  need_debian $tool wordpress mariadb-server apache2 libapache2-mod-php wrk nginx-light
done
port=8089
title="Bupati Resmikan Pasar Rakyat Kecamatan Raya yang Menampung 300 Pedagang"

# MariaDB and the WordPress database.
started_mariadb=
if ! mariadb-admin ping >/dev/null 2>&1; then
  started_mariadb=1
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  (mariadbd --user=mysql >/tmp/bench-mariadb.log 2>&1 &)
  for _ in $(seq 1 30); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 1; done
fi
mariadb -e "DROP DATABASE IF EXISTS wpbench; CREATE DATABASE wpbench; CREATE OR REPLACE USER 'wpbench'@'localhost' IDENTIFIED BY 'wpbench'; GRANT ALL ON wpbench.* TO 'wpbench'@'localhost';"
cat > /etc/wordpress/config-127.0.0.1.php <<PHP
<?php
define('DB_NAME', 'wpbench');
define('DB_USER', 'wpbench');
define('DB_PASSWORD', 'wpbench');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('WP_DEBUG', false);
PHP

# Apache with mod_php on its own port, WordPress at the root.
cat > /etc/apache2/sites-available/wpbench.conf <<CONF
Listen 127.0.0.1:$port
<VirtualHost 127.0.0.1:$port>
    DocumentRoot /usr/share/wordpress
    <Directory /usr/share/wordpress>
        Options FollowSymLinks
        AllowOverride All
        Require all granted
    </Directory>
    CustomLog /dev/null common
</VirtualHost>
CONF
a2ensite -q wpbench >/dev/null
a2dissite -q 000-default >/dev/null 2>&1 || true
apache2ctl -k restart 2>/dev/null || apache2ctl -k start
for _ in $(seq 1 30); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 1; done

# Install WordPress and add the post (same title and text as the site's article).
curl -s -o /dev/null "http://127.0.0.1:$port/wp-admin/install.php?step=2" \
  --data-urlencode "weblog_title=Berita Kabupaten Contoh" --data-urlencode "user_name=admin" \
  --data-urlencode "admin_password=Bench-Password-2026" --data-urlencode "admin_password2=Bench-Password-2026" \
  --data-urlencode "pw_weak=1" --data-urlencode "admin_email=admin@contoh.go.id" --data-urlencode "blog_public=1" --data-urlencode "language="
content="<p><strong>$title: teras berita untuk uji publikasi.</strong></p><p>Isi berita untuk uji publikasi media sosial.</p>"
mariadb wpbench -e "INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (1, NOW(), UTC_TIMESTAMP(), '$content', '$title', '', 'publish', 'open', 'open', 'pasar-rakyat', '', '', NOW(), UTC_TIMESTAMP(), '', 0, '', 0, 'post', '', 0);"
post=$(mariadb -N wpbench -e "SELECT ID FROM wp_posts WHERE post_name = 'pasar-rakyat'")
articles=${3:-1}
if [ "$articles" -gt 1 ]; then
  mariadb wpbench -e "INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) SELECT 1, NOW() - INTERVAL seq MINUTE, UTC_TIMESTAMP() - INTERVAL seq MINUTE, '$content', CONCAT('Berita Arsip Nomor ', seq), '', 'publish', 'open', 'open', CONCAT('berita-arsip-', seq), '', '', NOW(), UTC_TIMESTAMP(), '', 0, '', 0, 'post', '', 0 FROM seq_1_to_$((articles - 1));"
fi
# WordPress redirects ?p= to the post's permalink: the benchmark asks for the permalink itself.
url=$(curl -s -L -o /dev/null -w '%{url_effective}' "http://127.0.0.1:$port/?p=$post")
grep -q "Menampung 300 Pedagang" <(curl -s "$url") || { echo "WordPress does not serve the post at $url"; exit 1; }

dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
wp_version=$(dpkg-query -W -f='${Version}' wordpress)
dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll rps --uncached 1 \
  --against "$url" --label "WordPress $wp_version (Apache, mod_php, MariaDB)" --target 50 \
  --seconds "${1:-10}" --connections "${2:-16}" --articles "${3:-1}"
apache2ctl -k stop
mariadb -e "DROP DATABASE wpbench"
[ -z "$started_mariadb" ] || mariadb-admin shutdown
