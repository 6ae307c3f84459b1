# tap.sh: TAP helpers for the shell tests (sourced).
#
# One convention, the same as tests/tap.h's ok(): a case passes when its
# condition is TRUE.
#
#   ok COND DESC         COND is a truth value as C and $(( )) write it:
#                        the case passes when COND is a number other than
#                        0 (ok $(( n < 2 )) "..."); anything that is not a
#                        number fails it.
#   check DESC CMD...    runs CMD; passes when CMD exits 0. This is how a
#                        command is tested. Never `ok $?`: a status of 0
#                        is success, the opposite of a truth value (if a
#                        status must go to ok: ok $(($? == 0)) "...").
#                        check's TAP line goes to standard output: redirect
#                        CMD's input, never its output.
#   is GOT WANT DESC     passes when the two strings are equal
#   contains HAY NEEDLE DESC, lacks HAY NEEDLE DESC
#
# newsread ARGS... runs "$NEWSREAD" ARGS and records its exit status, even
# inside a pipeline or $(...). done_testing then adds one case: every run
# exited with the status its test expects, 0 unless the call says other
# (want=3 newsread import ...). A signal is never expected.
#
# With NEWSREAD_TEST_BAIL set (make mutate sets it), the first failure
# ends the script with "Bail out!": a mutant is killed sooner.
tap_n=0
tap_failed=0

tap_fail() {
	tap_failed=$((tap_failed + 1))
	if [ -n "${NEWSREAD_TEST_BAIL:-}" ]; then
		echo "Bail out! first failure: $tap_n - $1"
		exit 1
	fi
}

ok() {
	tap_n=$((tap_n + 1))
	case $1 in
	'' | - | *[!0-9-]* | ?*-*)
		echo "not ok $tap_n - $2"
		echo "# ok takes a truth value, a number; it was given '$1'"
		tap_fail "$2" ;;
	*)
		if [ "$1" -ne 0 ]; then
			echo "ok $tap_n - $2"
		else
			echo "not ok $tap_n - $2"
			tap_fail "$2"
		fi ;;
	esac
}

# status_text STATUS: "status N", or "signal N" for a shell status above 128
status_text() {
	if [ "$1" -gt 128 ]; then
		echo "signal $(($1 - 128)) ($(kill -l "$1" 2>/dev/null))"
	else
		echo "status $1"
	fi
}

# check DESC CMD...: passes when CMD exits 0 (its output goes to stderr,
# which the log keeps)
check() {
	_desc=$1
	shift
	"$@" >&2
	_rc=$?
	ok $((_rc == 0)) "$_desc"
	[ "$_rc" -eq 0 ] || echo "#   $* exited with $(status_text "$_rc")"
	return $_rc
}

# is GOT WANT DESCRIPTION
is() {
	if [ "$1" = "$2" ]; then
		ok 1 "$3"
	else
		ok 0 "$3"
		printf '%s\n' "$1" | sed '1s/^/#   got:  /; 1!s/^/#         /'
		printf '%s\n' "$2" | sed '1s/^/#   want: /; 1!s/^/#         /'
	fi
}

# contains HAYSTACK NEEDLE DESCRIPTION
contains() {
	case "$1" in
	*"$2"*) ok 1 "$3" ;;
	*)
		ok 0 "$3"
		printf '%s\n' "$1" | sed 's/^/#   /'
		printf '#   does not contain: %s\n' "$2" ;;
	esac
}

# lacks HAYSTACK NEEDLE DESCRIPTION: the haystack must not be empty
lacks() {
	case "$1" in
	'') ok 0 "$3"; echo "#   nothing to look in" ;;
	*"$2"*)
		ok 0 "$3"
		printf '%s\n' "$1" | sed 's/^/#   /'
		printf '#   contains: %s\n' "$2" ;;
	*) ok 1 "$3" ;;
	esac
}

newsread() {
	"$NEWSREAD" "$@"
	_rc=$?
	printf '%s\t%s\t%s\n' "$_rc" "${want:-0}" "$*" >> "$scratch/.runs"
	return $_rc
}

# json_lines TEXT N DESC: TEXT is N lines (N > 0), each one JSON object,
# as SQLite's json_valid and json_type judge them
json_lines() {
	printf '%s' "$1" > "$scratch/json.in"
	_bad=$(sqlite3 :memory: "
	    WITH RECURSIVE l(n, line, rest) AS (
	      SELECT 0, NULL, CAST(readfile('$scratch/json.in') AS TEXT) || char(10)
	      UNION ALL
	      SELECT n + 1, substr(rest, 1, instr(rest, char(10)) - 1),
	        substr(rest, instr(rest, char(10)) + 1)
	      FROM l WHERE rest <> '')
	    SELECT 'lines ' || (SELECT count(*) FROM l WHERE n > 0)
	    UNION ALL
	    SELECT 'line ' || n || ' is not a JSON object' FROM l
	    WHERE n > 0 AND NOT (json_valid(line) AND json_type(line) = 'object');" 2>&1)
	is "$_bad" "lines $2" "$3"
}

# key_table [FILE]: the key names of the reader's key table (ui_keys[] in
# src/ui.c, or FILE), sorted and unique, in $key_names. The table is found
# by its name wherever it starts ("const struct ui_key ui_keys[] = {",
# however spaced) and read to its closing "};"; each row "{ KEY, "name",
# ..." gives a name, whatever KEY is ('x', FKEY(KEY_UP), CTRLKEY('f')). A
# case checks that the table was found, holds rows, and that each row gave
# its name: a table that moved or changed shape fails it, never passes
# with no keys.
key_table() {
	_f=${1:-$top_srcdir/src/ui.c}
	_tab=$(awk '
	    !on && /ui_keys[ \t]*\[[ \t]*\][ \t]*=/ { on = 1; next }
	    on && /^[ \t]*}[ \t]*;/ { exit }
	    on' "$_f" 2>/dev/null)
	_rows=$(printf '%s\n' "$_tab" | grep -c '^[[:space:]]*{')
	_all=$(printf '%s\n' "$_tab" | sed -nE "s/^[[:space:]]*\{[[:space:]]*('(\\\\.|[^'\\\\])*'|[^,'\"])*,[[:space:]]*\"([^\"]+)\".*/\3/p")
	_n=$(printf '%s\n' "$_all" | grep -c .)
	ok $((_rows > 0 && _n == _rows)) "the key table in ${_f#"$top_srcdir/"}: $_n names read from its $_rows rows"
	key_names=$(printf '%s\n' "$_all" | sort -u)
}

# cmd_table: the commands and their options as their entries in src/cmd*.c
# define them: $cmd_names (each command's name), $opt_names (every option,
# --name, sorted and unique) and $cmd_opts ("command --option" a line;
# "- --option" for the options every command takes). A case checks that
# each table row gave its name and that tables were found at all.
cmd_table() {
	_rows=0; _n=0; cmd_names=""; cmd_opts=""
	for _f in "$top_srcdir"/src/cmd*.c; do
		_c=$(sed -n '/^const struct cmd_entry cmd_[a-z_]*_entry = {$/{n;s/^	"\([a-z]*\)", .*/\1/p}' "$_f")
		_tab=$(sed -n '/^\(static \)\{0,1\}const struct cmd_opt [a-z_]*\[\] = {$/,/^};$/p' "$_f" | grep -v '^	{ NULL, ')
		_r=$(printf '%s\n' "$_tab" | grep -c '^	{')
		_o=$(printf '%s\n' "$_tab" | sed -n 's/^	{ "\([a-z-]*\)", .*/--\1/p')
		_rows=$((_rows + _r))
		_n=$((_n + $(printf '%s\n' "$_o" | grep -c .)))
		[ -n "$_c" ] && cmd_names="$cmd_names $_c"
		for _x in $_o; do
			cmd_opts="$cmd_opts${_c:--} $_x
"
		done
	done
	ok $((_rows > 0 && _n == _rows && $(echo $cmd_names | wc -w) > 0)) \
	    "the command entries in src/cmd*.c: $(echo $cmd_names | wc -w) commands, $_n options read from $_rows rows"
	opt_names=$(printf '%s' "$cmd_opts" | awk '{ print $2 }' | sort -u)
}

done_testing() {
	if [ -n "${tap_before_done:-}" ]; then
		$tap_before_done
	fi
	if [ -s "$scratch/.runs" ]; then
		_runs=$(wc -l < "$scratch/.runs" | tr -d ' ')
		_bad=$(awk -F '\t' '$1 != $2 { print $3 ": status " $1 ", expected " $2 }' "$scratch/.runs")
		is "$_bad" "" "each of the $_runs newsread runs exited with the status its test expects"
	fi
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# A private scratch directory, removed on exit.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/nrtest.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
: "${top_srcdir:=.}"
: "${NEWSREAD:=./newsread}"
pages="$top_srcdir/tests/data/pages"
export NO_COLOR=1
unset NEWSREAD_DB XDG_DATA_HOME
# no settings file of the person running the tests
export XDG_CONFIG_HOME="$scratch/config"
