# tmux.sh: drive the real reader in a private tmux server (sourced after
# tap.sh).
#
#   start W H ARGS        a new scene: newsread ARGS alone in a detached
#                         W x H pane ($EXTRA_ENV: more VAR=value for it,
#                         $ENV_UNSET: a variable it must not have)
#   wait_for TEXT [DESC]  a case: within the time limit the screen shows
#                         TEXT and the reader is running
#   wait_re ERE [DESC]    the same for a line matching ERE (grep -E)
#   wait_gone TEXT [DESC] a case: TEXT leaves the screen, the reader running
#   wait_until DESC CMD.. a case: CMD succeeds within the time limit, the
#                         reader running
#   wait_change BEFORE DESC  a case: the screen is no longer BEFORE
#   settle                until two captures 0.1 s apart agree; a failed
#                         case only when the screen never stops changing
#   wait_exit             waits for the reader to end; $exit_state says
#                         how: "status N" or "signal N (SEGV)"; the
#                         scene's end is then the test's to check
#   reader_state          "running", or how the reader ended
#
# The pane stays when the reader ends (remain-on-exit), with its screen
# and how it ended. A reader that has died fails every later wait at once,
# and each scene ends with a case: the reader is still running, or it
# ended with status 0 (unless the test checked its end with wait_exit).
command -v tmux >/dev/null || { echo "1..0 # tmux missing: ./quickstart installs it"; exit 1; }
sock="nr$$"
echo 'set-option -g remain-on-exit on' > "$scratch/tmux.conf"
T() { tmux -L "$sock" -f "$scratch/tmux.conf" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$scratch"' EXIT

# the time limit of each wait, in steps of 0.05 s: 5 s, 15 s under the
# sanitizers
wait_steps=100
[ -n "${SANITIZERS:-}" ] && wait_steps=300

scene=0
scene_args=""
scene_checked=1
tap_before_done=end_scene

start() {
	end_scene
	w=$1; h=$2; shift 2
	T kill-server 2>/dev/null
	_i=0
	while T has-session 2>/dev/null && [ $_i -lt 100 ]; do
		sleep 0.05; _i=$((_i + 1))
	done
	scene=$((scene + 1))
	scene_args="$*"
	scene_checked=0
	T new-session -d -x "$w" -y "$h" \
	    "exec env ${ENV_UNSET:+-u $ENV_UNSET} LANG=C.UTF-8 LC_ALL=C.UTF-8 ${EXTRA_ENV:-} $NEWSREAD $*"
	# (in the configuration file, this option kills tmux 3.3a's server)
	T set-option -g window-size manual 2>/dev/null
}

screen() { T capture-pane -p; }

reader_state() {
	_j=0
	while :; do
		_s=$(T display -p '#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}' 2>/dev/null) ||
		    { echo "gone (no tmux server)"; return; }
		case $_s in
		0\|*) echo running; return ;;
		1\|\|)	# dead, its status not known yet: tmux 3.3a can miss
			# a SIGCHLD; a job of its own makes it reap again
			T run-shell true 2>/dev/null ;;
		1\|\|*) echo "signal ${_s##*|} ($(kill -l "${_s##*|}" 2>/dev/null))"; return ;;
		1\|*) _s=${_s#1|}; echo "status ${_s%%|*}"; return ;;
		esac
		_j=$((_j + 1))
		[ $_j -ge 100 ] && { echo "ended, status unknown"; return; }
		sleep 0.05
	done
}

# dead: the reader has ended
dead() { [ "$(T display -p '#{pane_dead}' 2>/dev/null)" != 0 ]; }

wait_fail() {
	ok 0 "$1"
	echo "#   the reader: $(reader_state); the screen:"
	screen | sed 's/^/#   |/'
	return 1
}

wait_for() {
	_i=0
	while :; do
		if screen | grep -qF -- "$1" && ! dead; then
			ok 1 "${2:-the screen shows '$1'}"
			return 0
		fi
		dead && break
		[ $_i -ge $wait_steps ] && break
		sleep 0.05
		_i=$((_i + 1))
	done
	wait_fail "${2:-the screen shows '$1'}"
}

wait_re() {
	_i=0
	while :; do
		if screen | grep -qE -- "$1" && ! dead; then
			ok 1 "${2:-a line of the screen matches '$1'}"
			return 0
		fi
		dead && break
		[ $_i -ge $wait_steps ] && break
		sleep 0.05
		_i=$((_i + 1))
	done
	wait_fail "${2:-a line of the screen matches '$1'}"
}

wait_gone() {
	_i=0
	while :; do
		if ! screen | grep -qF -- "$1" && ! dead; then
			ok 1 "${2:-'$1' leaves the screen}"
			return 0
		fi
		dead && break
		[ $_i -ge $wait_steps ] && break
		sleep 0.05
		_i=$((_i + 1))
	done
	wait_fail "${2:-'$1' leaves the screen}"
}

wait_until() {
	_d=$1
	shift
	_i=0
	while :; do
		if "$@" && ! dead; then
			ok 1 "$_d"
			return 0
		fi
		dead && break
		[ $_i -ge $wait_steps ] && break
		sleep 0.05
		_i=$((_i + 1))
	done
	wait_fail "$_d"
}

wait_change() {
	_i=0
	while :; do
		if [ "$(screen)" != "$1" ] && ! dead; then
			ok 1 "$2"
			return 0
		fi
		dead && break
		[ $_i -ge $wait_steps ] && break
		sleep 0.05
		_i=$((_i + 1))
	done
	wait_fail "$2"
}

settle() {
	_a=$(screen)
	_i=0
	while [ $_i -lt $((wait_steps / 2)) ]; do
		sleep 0.1
		_b=$(screen)
		[ "$_a" = "$_b" ] && return 0
		_a=$_b
		_i=$((_i + 1))
	done
	wait_fail "the screen stops changing"
}

wait_exit() {
	_i=0
	while ! dead && [ $_i -lt $wait_steps ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	scene_checked=1
	exit_state=$(reader_state)
}

end_scene() {
	[ "$scene_checked" = 1 ] && return 0
	scene_checked=1
	_st=$(reader_state)
	case $_st in
	running | "status 0")
		ok 1 "scene $scene (newsread $scene_args): the reader is running or ended with status 0" ;;
	*)
		ok 0 "scene $scene (newsread $scene_args): the reader is running or ended with status 0"
		echo "#   the reader: $_st" ;;
	esac
}

keys() { T send-keys "$@"; }

# width of a string in display columns
cols() { printf '%s' "$1" | wc -L; }
