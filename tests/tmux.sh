# tmux.sh: drive the real reader in a private tmux server (sourced after
# tap.sh). start W H ARGS starts newsread in a detached session of W x H.
command -v tmux >/dev/null || { echo "1..0 # tmux missing: ./quickstart installs it"; exit 1; }
sock="nr$$"
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$scratch"' EXIT

start() {
	w=$1; h=$2; shift 2
	T kill-server 2>/dev/null
	while T has-session 2>/dev/null; do sleep 0.05; done
	T new-session -d -x "$w" -y "$h" \
	    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=1 ${EXTRA_ENV:-} $NEWSREAD $*; sleep 30"
	T set-option -g window-size manual 2>/dev/null
}

screen() { T capture-pane -p; }

# wait_for TEXT: until the screen shows TEXT (5 s at most)
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_gone TEXT: until the screen no longer shows TEXT
wait_gone() {
	i=0
	while [ $i -lt 100 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

keys() { T send-keys "$@"; }

# settle: wait until two captures a moment apart agree
settle() {
	a=$(screen); sleep 0.1; b=$(screen)
	while [ "$a" != "$b" ]; do a=$b; sleep 0.1; b=$(screen); done
}

# width of a string in display columns
cols() { printf '%s' "$1" | wc -L; }
