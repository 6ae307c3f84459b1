#!/bin/bash
# mutate.sh: mutation testing, as SQLite does to prove its tests. Each
# file in tests/mutations/ makes one small change to one source file; the
# suite must fail for each (the mutant is "killed"). Run by `make mutate`.
#
#   tests/mutate.sh [--full] [--keep] [MUTATION...]
#
# MUTATION: file names or paths in tests/mutations/ (default: all of them).
# --full runs the whole suite for every mutation instead of its named tests.
# --keep leaves the work directory.
#
# The tree is copied once (the files git knows, as they are in the working
# tree, so uncommitted changes are tested; the developer's tree is only
# read), configured without sanitizers and built. The tests the mutations
# name are run once unmutated and must pass. Then each mutation in turn:
# apply it to the copy, rebuild (incrementally), run its tests in the order
# named with NEWSREAD_TEST_BAIL set (a test stops at its first failure),
# stop at the first test that fails, put the file back.
#
# Why the named tests suffice: they are a subset of the suite, so a mutant
# they kill is killed by make check too; they can only make the result
# worse (a mutant another test would kill is reported SURVIVED), never
# better. A mutation that names no test runs the whole suite.
#
# Prints one line a mutation: name, killed / SURVIVED / does-not-apply /
# does-not-build / bad-mutation, the test (and case) that killed it, the
# seconds it took. Exits 1 unless every mutation was killed.
set -u

top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
full=0
keep=0
while [ $# -gt 0 ]; do
	case $1 in
	--full) full=1; shift ;;
	--keep) keep=1; shift ;;
	--) shift; break ;;
	-*) echo "usage: tests/mutate.sh [--full] [--keep] [MUTATION...]" >&2; exit 2 ;;
	*) break ;;
	esac
done
if [ $# -eq 0 ]; then
	set -- "$top_srcdir"/tests/mutations/*.mut
fi
jobs=${MUTATE_JOBS:-$(nproc 2>/dev/null || echo 2)}
test_timeout=${MUTATE_TIMEOUT:-600}

work=$(mktemp -d "${TMPDIR:-/tmp}/nrmutate.XXXXXX") || exit 1
if [ "$keep" = 1 ]; then
	trap 'echo "mutate: work directory kept: $work" >&2' EXIT
else
	trap 'rm -rf "$work"' EXIT
fi
tree="$work/tree"
blog="$work/build.log"
# The tests' temporary files stay in /tmp (TMPDIR as given): under the
# work directory their paths grew by 20 columns, and the reader's
# status lines that name the database were cut before the words the
# tests look for (ui.test). A test that bails out leaves its files.
say() { echo "mutate: $*" >&2; }
die() { say "$*"; exit 1; }

# -- the mutations: read and check them all before any work --------------
# field FILE KEY: the value of "KEY: value" in the header (up to the first
# blank line or diff)
field() {
	sed -n '/^$/q; /^--- /q; s/^'"$2"': *//p' "$1" | head -1
}
names=()
for m in "$@"; do
	case $m in
	*/*) ;;
	*) m="$top_srcdir/tests/mutations/$m" ;;
	esac
	[ -f "$m" ] || [ -f "$m.mut" ] || die "no mutation '$m'"
	[ -f "$m" ] || m="$m.mut"
	names+=("$m")
done

# -- a copy of the tree, built ---------------------------------------------
start_run=$(date +%s)
mkdir -p "$tree"
if git -C "$top_srcdir" rev-parse --git-dir >/dev/null 2>&1; then
	(cd "$top_srcdir" && git ls-files -z --cached --others --exclude-standard |
	    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
	    tar --null -T - -cf -) | tar -C "$tree" -xf - || die "cannot copy the tree"
else
	# a release tree: everything but what configure and make made
	(cd "$top_srcdir" && tar --exclude=autom4te.cache -cf - .) |
	    tar -C "$tree" -xf - || die "cannot copy the tree"
	(cd "$tree" && { [ ! -f Makefile ] || make distclean >/dev/null 2>&1; })
fi
cp -a "$tree/src" "$work/orig-src"
say "building a copy of the tree in $tree"
t0=$(date +%s)
(cd "$tree" && autoreconf -fi && ./configure && make -j"$jobs" &&
    make -j"$jobs" FUZZ_TARGETS= check TESTS=) >"$blog" 2>&1 ||
    { tail -30 "$blog" >&2; die "the unmutated tree does not build (see above)"; }
say "built in $(($(date +%s) - t0)) s"

all_tests=$(cd "$tree" && make -s -f - print-tests <<'EOF'
include Makefile
print-tests:
	@echo $(TESTS)
EOF
)

# run_test T: run one test in the copy; 0 when it passed. $why is set to
# what failed ("tests/ui.test #43") when not.
run_test() {
	local t=$1 trs log
	trs="$tree/${t%.test}.trs"
	log="$tree/${t%.test}.log"
	rm -f "$trs" "$log"
	fuzz=""
	[ "$t" = tests/fuzz.test ] || fuzz="FUZZ_TARGETS="
	(cd "$tree" && NEWSREAD_TEST_BAIL=1 timeout "$test_timeout" \
	    make $fuzz check TESTS="$t" >>"$work/check.log" 2>&1)
	rc=$?
	if [ "$rc" = 124 ]; then
		why="$t (timed out after ${test_timeout}s)"
		return 1
	fi
	if [ ! -f "$trs" ] || ! grep -qE '^(not )?ok [0-9]' "$log"; then
		why="$t did not run"
		return 2
	fi
	if grep -q '^:global-test-result: PASS' "$trs"; then
		return 0
	fi
	why="$t $(grep -m1 -E '^not ok [0-9]+' "$log" | sed 's/^not ok \([0-9]*\).*/#\1/')"
	return 1
}

# run_suite: the whole suite, in parallel; $why names the tests that failed
run_suite() {
	(cd "$tree" && find tests -name '*.trs' -delete &&
	    NEWSREAD_TEST_BAIL=1 timeout "$((test_timeout * 3))" \
	    make -j"$jobs" check >>"$work/check.log" 2>&1)
	rc=$?
	why=$(cd "$tree" && grep -l '^:global-test-result: \(FAIL\|ERROR\)' $(find tests -name '*.trs') 2>/dev/null |
	    sed 's/\.trs$//' | tr '\n' ' ')
	[ "$rc" = 124 ] && why="$why(timed out)"
	[ "$rc" = 0 ] && return 0
	[ -n "$why" ] || why="make check failed"
	return 1
}

# -- check each mutation's form, gather the tests ---------------------------
bad=0
needed=""
for m in "${names[@]}"; do
	n=$(basename "$m" .mut)
	f=$(field "$m" file)
	b=$(field "$m" breaks)
	e=$(field "$m" sed)
	ts=$(field "$m" tests)
	problem=""
	[ -n "$f" ] || problem="no 'file:' line"
	[ -n "$b" ] || problem="no 'breaks:' line"
	[ -f "$tree/$f" ] || problem="${problem:-no file '$f'}"
	if [ -z "$e" ] && ! grep -q '^--- ' "$m"; then
		problem="${problem:-neither a 'sed:' line nor a diff}"
	fi
	if [ -n "$e" ] && grep -q '^--- ' "$m"; then
		problem="${problem:-both a 'sed:' line and a diff}"
	fi
	if grep -q '^--- ' "$m"; then
		touched=$(sed -n 's/^+++ [^/]*\/\([^	 ]*\).*/\1/p' "$m" | sort -u)
		[ "$touched" = "$f" ] || problem="${problem:-its diff changes '$touched', not '$f'}"
	fi
	for t in $ts; do
		case " $all_tests " in
		*" $t "*) ;;
		*) problem="${problem:-'$t' is not a test of make check}" ;;
		esac
	done
	if [ -n "$problem" ]; then
		say "$n: $problem"
		bad=1
	fi
	if [ "$full" = 0 ]; then
		for t in $ts; do
			case " $needed " in *" $t "*) ;; *) needed="$needed $t" ;; esac
		done
	fi
done
[ "$bad" = 0 ] || die "bad mutation files (above)"

# -- the tests must pass unmutated -------------------------------------------
say "running the named tests on the unmutated tree:$needed"
t0=$(date +%s)
for t in $needed; do
	run_test "$t" || die "$why on the unmutated tree: the test must pass before it can kill (see $tree)"
done
if [ "$full" = 1 ]; then
	run_suite || die "the suite fails on the unmutated tree: $why"
fi
say "they pass ($(($(date +%s) - t0)) s)"

# -- each mutation ------------------------------------------------------------
printf '%-34s %-15s %-30s %5s\n' mutation result "killed by" secs
printf '%-34s %-15s %-30s %5s\n' -------- ------ --------- ----
total=0; killed=0; failed=0; not_killed=""
start_all=$(date +%s)
for m in "${names[@]}"; do
	n=$(basename "$m" .mut)
	f=$(field "$m" file)
	e=$(field "$m" sed)
	ts=$(field "$m" tests)
	total=$((total + 1))
	t0=$(date +%s)
	result=""
	why=""
	orig="$work/orig-src/${f#src/}"
	case $f in src/*) ;; *) orig="$work/orig-$(echo "$f" | tr / _)"; cp "$tree/$f" "$orig" ;; esac
	# apply
	if [ -n "$e" ]; then
		sed -e "$e" "$tree/$f" >"$work/mutant" 2>"$work/sed.err" ||
		    { result=bad-mutation; why="sed: $(head -1 "$work/sed.err")"; }
		if [ -z "$result" ]; then
			old=$(diff "$tree/$f" "$work/mutant" | grep -c '^<')
			new=$(diff "$tree/$f" "$work/mutant" | grep -c '^>')
			if [ "$old" = 0 ] && [ "$new" = 0 ]; then
				result=does-not-apply; why="the sed expression matches no line"
			elif [ "$old" != 1 ] || [ "$new" -gt 1 ]; then
				result=bad-mutation; why="the sed expression changes $old lines into $new, not one line"
			else
				cat "$work/mutant" >"$tree/$f"
			fi
		fi
	else
		if (cd "$tree" && patch -p1 -F0 -N --dry-run -s <"$m" >"$work/patch.out" 2>&1); then
			(cd "$tree" && patch -p1 -F0 -N -s <"$m" >/dev/null 2>&1)
		else
			result=does-not-apply; why="$(head -1 "$work/patch.out")"
		fi
	fi
	# build, test
	if [ -z "$result" ]; then
		if ! (cd "$tree" && make -j"$jobs" FUZZ_TARGETS= check TESTS=) >"$blog" 2>&1; then
			result=does-not-build
			why=$(grep -m1 'error' "$blog" | cut -c1-60)
		elif [ "$full" = 1 ] || [ -z "$ts" ]; then
			if run_suite; then result=SURVIVED; why=""; else result=killed; fi
		else
			result=SURVIVED
			for t in $ts; do
				run_test "$t"
				case $? in
				0) ;;
				1) result=killed; break ;;
				*) result=bad-mutation; break ;;
				esac
			done
			[ "$result" = SURVIVED ] && why="(ran: $ts)"
		fi
	fi
	# put the file back, as it was, newer than what the mutant built
	cp "$orig" "$tree/$f"
	touch "$tree/$f"
	if [ "$result" = killed ]; then
		killed=$((killed + 1))
	else
		failed=$((failed + 1))
		not_killed="$not_killed
  $n: $result${why:+ ($why)}"
	fi
	printf '%-34s %-15s %-30s %5d\n' "$n" "$result" "$why" "$(($(date +%s) - t0))"
done
secs=$(($(date +%s) - start_all))
echo
echo "$killed of $total mutations killed, $failed not; $secs s for the mutations, $(($(date +%s) - start_run)) s in all"
if [ "$failed" != 0 ]; then
	echo "NOT KILLED (each is a missing test, or a mutation to re-target):$not_killed"
	exit 1
fi
