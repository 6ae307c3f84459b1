# tap.sh: TAP helpers for the shell tests (sourced).
# ok CONDITION-EXIT-STATUS DESCRIPTION: "ok N - D" or "not ok N - D".
tap_n=0
tap_failed=0

ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# is GOT WANT DESCRIPTION
is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
	fi
}

# contains HAYSTACK NEEDLE DESCRIPTION
contains() {
	case "$1" in
	*"$2"*) ok 0 "$3" ;;
	*) ok 1 "$3"; printf '#   %s\n#   does not contain: %s\n' "$1" "$2" ;;
	esac
}

done_testing() {
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
