#!/usr/bin/env bash
# Starts real service daemons on 127.0.0.1, each with its own configuration and data under DIR, for the identification
# tests (RealDaemonFixture) and benchmarks/identify/compare-nmap.sh. Run it INSIDE a network namespace of your own
# (`ip netns exec NAME bash daemons.sh start LAYOUT DIR`): it binds well-known ports such as 22 and 80.
#
#   daemons.sh start usual DIR   every daemon on the port the catalog registers for its protocol
#   daemons.sh start moved DIR   the same daemons on ports registered to OTHER services (SSH on 2222, HTTP on 5432, ...)
#   daemons.sh stop DIR          stops what `start` started (the pids are in DIR/pids)
#
# `start` prints one line per port that is up:      port <tab> service <tab> tls <tab> product <tab> daemon <tab> package
#   service: what speaks there, in the catalog's naming; tls: yes/no; product: the name the daemon announces, or "-";
#   package: the Debian package whose version the announced version must be part of.
# and one line per daemon it could not start:        absent <tab> daemon <tab> package <tab> why
# Daemons are never started by the packages themselves (.ci/run installs them under a policy-rc.d that forbids it).
set -uo pipefail

cmd=${1:?usage: daemons.sh start usual|moved DIR | stop DIR}

if [ "$cmd" = stop ]; then
  dir=${2:?DIR}
  [ -f "$dir/pids" ] && while read -r pid; do kill "$pid" 2>/dev/null; done < "$dir/pids"
  sleep 0.3
  [ -f "$dir/pids" ] && while read -r pid; do kill -9 "$pid" 2>/dev/null; done < "$dir/pids"
  exit 0
fi

layout=${2:?usual|moved}
dir=${3:?DIR}
mkdir -p "$dir"
chmod 755 "$dir"
: > "$dir/pids"

case "$layout" in
  usual) ssh=22 http=80 https=443 pg=5432 redis=6379 mysql=3306 ftp=21 memcache=11211 mqtt=1883 imap=143 pop3=110 imaps=993 dns=53 ;;
  # Each protocol on a port the catalog gives to another service (or to none: 2222), so every one is a mismatch.
  moved) ssh=2222 http=5432 https=993 pg=8080 redis=11211 mysql=21 ftp=3306 memcache=6379 mqtt=25 imap=1883 pop3=143 imaps=443 dns=110 ;;
  *) echo "unknown layout $layout" >&2; exit 2 ;;
esac

absent() { printf 'absent\t%s\t%s\t%s\n' "$1" "$2" "$3"; }
up() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6"; }
have() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; }

# Starts a daemon in the background (its output to DIR/NAME.log) and remembers its pid.
spawn() {
  local name=$1; shift
  "$@" > "$dir/$name.log" 2>&1 < /dev/null &
  echo $! >> "$dir/pids"
}

# Waits until every given TCP port listens (or 20 s pass); prints the ports that do not.
wait_listening() {
  local deadline=$((SECONDS + 20)) missing
  while :; do
    missing=()
    for p in "$@"; do ss -Hltn "sport = :$p" | grep -q . || missing+=("$p"); done
    [ "${#missing[@]}" -eq 0 ] && return 0
    [ "$SECONDS" -ge "$deadline" ] && { echo "${missing[*]}"; return 1; }
    sleep 0.1
  done
}

# report DAEMON PACKAGE "port service tls product" ...: waits for the ports, then prints them or why not.
report() {
  local daemon=$1 package=$2; shift 2
  local ports=() line
  for line in "$@"; do ports+=("${line%% *}"); done
  if wait_listening "${ports[@]}" > "$dir/$daemon.missing"; then
    for line in "$@"; do
      read -r p s t pr <<< "$line"
      up "$p" "$s" "$t" "$pr" "$daemon" "$package"
    done
  else
    absent "$daemon" "$package" "did not listen on $(cat "$dir/$daemon.missing") within 20 s; see $dir/$daemon.log: $(tail -c 300 "$dir/$daemon.log" | tr '\n\t' '  ')"
  fi
}

# A self-signed certificate for the TLS services (nginx https, dovecot imaps).
if have openssl; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=portcatalog-test \
    -keyout "$dir/tls.key" -out "$dir/tls.crt" > /dev/null 2>&1
  chmod 644 "$dir/tls.key"
fi

# OpenSSH
if have /usr/sbin/sshd && have ssh-keygen; then
  mkdir -p /run/sshd
  ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh_host_ed25519_key" <<< y > /dev/null 2>&1
  cat > "$dir/sshd_config" <<CONF
Port $ssh
ListenAddress 127.0.0.1
HostKey $dir/ssh_host_ed25519_key
PidFile $dir/sshd.pid
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
CONF
  spawn sshd /usr/sbin/sshd -D -e -f "$dir/sshd_config"
  report sshd openssh-server "$ssh ssh no OpenSSH"
else absent sshd openssh-server "not installed"; fi

# nginx: plain HTTP and HTTPS
if have /usr/sbin/nginx && [ -f "$dir/tls.crt" ]; then
  mkdir -p "$dir/nginx"
  cat > "$dir/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  server { listen 127.0.0.1:$http; location / { return 200 "portcatalog test page\n"; } }
  server { listen 127.0.0.1:$https ssl; ssl_certificate $dir/tls.crt; ssl_certificate_key $dir/tls.key;
           location / { return 200 "portcatalog test page over TLS\n"; } }
}
CONF
  spawn nginx /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir/nginx"
  report nginx nginx-light "$http http no nginx" "$https https yes nginx"
else absent nginx nginx-light "not installed (or openssl missing for its certificate)"; fi

# Redis: no persistence, protected mode on
if have redis-server; then
  spawn redis redis-server --port "$redis" --bind 127.0.0.1 --daemonize no --save '' --appendonly no --dir "$dir"
  report redis redis-server "$redis redis no Redis"
else absent redis redis-server "not installed"; fi

# PostgreSQL: a fresh cluster owned by the postgres user
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$pgbin" ] && id postgres >/dev/null 2>&1; then
  mkdir -p "$dir/pg" && chown postgres "$dir/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$dir/pg/data" -A trust -U postgres > "$dir/initdb.log" 2>&1
  spawn postgres runuser -u postgres -- "$pgbin/postgres" -D "$dir/pg/data" -k "$dir/pg" -h 127.0.0.1 -p "$pg" -c fsync=off
  report postgres postgresql "$pg postgresql no PostgreSQL"
else absent postgres postgresql "not installed"; fi

# MariaDB: a fresh data directory
if have mariadbd && have mariadb-install-db; then
  mariadb-install-db --no-defaults --user=root --datadir="$dir/mysql" --skip-test-db --auth-root-authentication-method=normal > "$dir/mariadb-install.log" 2>&1
  spawn mariadb mariadbd --no-defaults --user=root --datadir="$dir/mysql" --socket="$dir/mysql.sock" \
    --pid-file="$dir/mysql.pid" --bind-address=127.0.0.1 --port="$mysql" --skip-log-bin --innodb-buffer-pool-size=16M
  report mariadb mariadb-server "$mysql mysql no MariaDB"
else absent mariadb mariadb-server "not installed"; fi

# vsftpd: anonymous read-only access to an empty folder (vsftpd refuses to run with no access at all)
if have /usr/sbin/vsftpd; then
  mkdir -p /var/run/vsftpd/empty "$dir/ftp"
  chmod 555 "$dir/ftp"
  cat > "$dir/vsftpd.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$ftp
background=NO
anonymous_enable=YES
anon_root=$dir/ftp
no_anon_password=YES
local_enable=NO
write_enable=NO
secure_chroot_dir=/var/run/vsftpd/empty
xferlog_enable=NO
CONF
  spawn vsftpd /usr/sbin/vsftpd "$dir/vsftpd.conf"
  report vsftpd vsftpd "$ftp ftp no vsftpd"
else absent vsftpd vsftpd "not installed"; fi

# memcached: TCP only
if have memcached; then
  spawn memcached memcached -u root -l 127.0.0.1 -p "$memcache" -U 0 -m 16
  report memcached memcached "$memcache memcache no memcached"
else absent memcached memcached "not installed"; fi

# Mosquitto: anonymous clients allowed, nothing kept
if have /usr/sbin/mosquitto; then
  cat > "$dir/mosquitto.conf" <<CONF
listener $mqtt 127.0.0.1
allow_anonymous true
persistence false
log_dest stderr
user root
CONF
  spawn mosquitto /usr/sbin/mosquitto -c "$dir/mosquitto.conf"
  report mosquitto mosquitto "$mqtt mqtt no -"
else absent mosquitto mosquitto "not installed"; fi

# Dovecot: IMAP, POP3 and IMAP over TLS; no users exist, so nobody can log in
if have /usr/sbin/dovecot && [ -f "$dir/tls.crt" ]; then
  mkdir -p "$dir/dovecot"
  protocols=imap
  lines=("$imap imap no Dovecot" "$imaps imaps yes Dovecot")
  pop3_service=
  if [ -x /usr/lib/dovecot/pop3-login ]; then
    protocols="imap pop3"
    pop3_service="service pop3-login {
  inet_listener pop3 {
    port = $pop3
  }
  inet_listener pop3s {
    port = 0
  }
}"
    lines+=("$pop3 pop3 no Dovecot")
  fi
  cat > "$dir/dovecot.conf" <<CONF
protocols = $protocols
listen = 127.0.0.1
base_dir = $dir/dovecot
state_dir = $dir/dovecot
log_path = $dir/dovecot.log
ssl = yes
ssl_cert = <$dir/tls.crt
ssl_key = <$dir/tls.key
passdb {
  driver = static
  args = nopassword=n
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=$dir/dovecot/home
}
service imap-login {
  inet_listener imap {
    port = $imap
  }
  inet_listener imaps {
    port = $imaps
    ssl = yes
  }
}
$pop3_service
CONF
  spawn dovecot /usr/sbin/dovecot -F -c "$dir/dovecot.conf"
  report dovecot dovecot-imapd "${lines[@]}"
else absent dovecot dovecot-imapd "not installed"; fi

# dnsmasq: a DNS server with no upstream, on UDP and TCP
if have dnsmasq; then
  spawn dnsmasq dnsmasq -k -p "$dns" --listen-address=127.0.0.1 --bind-interfaces --no-resolv --no-hosts \
    --conf-file=/dev/null --pid-file= --user=root
  report dnsmasq dnsmasq-base "$dns domain no dnsmasq"
else absent dnsmasq dnsmasq-base "not installed"; fi
