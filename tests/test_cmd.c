/*
 * test_cmd.c: the one option parser (src/cmd.c) against two made-up
 * commands: global options anywhere, a command's options among its
 * operands, --opt=value, grouped flags, --, and each usage error.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "tap.h"

static int
run(struct nr *nr, const struct cmd_args *args)
{
	(void)nr;
	(void)args;
	return 0;
}

static const struct cmd_opt get_opts[] = {
	{ "source", 's', "NAME", "a source" },
	{ "json", 'j', NULL, "JSON" },
	{ "quiet", 'q', NULL, "quiet" },
	{ NULL, 0, NULL, NULL }
};
static const struct cmd_entry get_entry = {
	"get", get_opts, "ID...", 1, 2, "Get.\n", run
};
static const struct cmd_opt none_opts[] = { { NULL, 0, NULL, NULL } };
static const struct cmd_entry idle_entry = {
	"idle", none_opts, "", 0, 0, "Idle.\n", run
};
static const struct cmd_entry * const cmds[] = { &get_entry, &idle_entry };

/*
 * Parse the words of line (split at spaces) and describe the result:
 * "run get db=x source=s json quiet: a b", "help get", "version",
 * "bad".
 */
static char *
parse(const char *line)
{
	static char	 out[256];
	char		*copy = strdup(line), *argv[16], *w;
	struct nr	 nr;
	struct cmd_args	 args;
	int		 argc = 0, i;
	size_t		 o;

	argv[argc++] = (char *)"newsread";
	for (w = strtok(copy, " "); w != NULL; w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	fflush(stderr);
	switch (cmd_parse(argc, argv, cmds, 2, "idle", &nr, &args)) {
	case CMD_BAD:
		snprintf(out, sizeof out, "bad");
		break;
	case CMD_VERSION:
		snprintf(out, sizeof out, "version");
		break;
	case CMD_HELP:
		snprintf(out, sizeof out, "help %s", args.entry != NULL ?
		    args.entry->name : "-");
		break;
	case CMD_RUN:
		snprintf(out, sizeof out, "run %s", args.entry->name);
		if (nr.db_opt != NULL)
			snprintf(out + strlen(out), sizeof out - strlen(out),
			    " db=%s", nr.db_opt);
		for (i = 0; args.entry->opts[i].name != NULL; i++) {
			if (args.val[i] == NULL)
				continue;
			o = strlen(out);
			snprintf(out + o, sizeof out - o, " %s%s%s",
			    args.entry->opts[i].name, *args.val[i] != '\0' ?
			    "=" : "", args.val[i]);
		}
		o = strlen(out);
		snprintf(out + o, sizeof out - o, ":");
		for (i = 0; i < args.argc; i++) {
			o = strlen(out);
			snprintf(out + o, sizeof out - o, " %s", args.argv[i]);
		}
		break;
	}
	cmd_args_free(&args);
	free(copy);
	return out;
}

static const struct {
	const char	*line;
	const char	*want;
	const char	*what;
} cases[] = {
	{ "", "run idle:", "no command: the default" },
	{ "--db x", "run idle db=x:", "--db alone, the default command" },
	{ "--db x get 1", "run get db=x: 1", "--db before the command" },
	{ "get 1 --db x", "run get db=x: 1", "--db after the command" },
	{ "get --db=x 1", "run get db=x: 1", "--db=FILE" },
	{ "get 1 --json 2", "run get json: 1 2", "options among operands" },
	{ "get -jq 1", "run get json quiet: 1", "grouped flags" },
	{ "get -sVTV 1", "run get source=VTV: 1", "a flag's argument joined" },
	{ "get -s VTV 1", "run get source=VTV: 1", "a flag's argument apart" },
	{ "get --source VTV 1", "run get source=VTV: 1", "--opt value" },
	{ "get --source= 1", "run get source: 1", "--opt= (an empty value)" },
	{ "get -- --json", "run get: --json", "-- ends the options" },
	{ "get - 1", "run get: - 1", "- is an operand" },
	{ "get 1 --source a --source b", "run get source=b: 1",
	  "the last value wins" },
	{ "--help", "help -", "--help" },
	{ "--help get", "help get", "--help before a command" },
	{ "get -h", "help get", "-h after a command" },
	{ "get 1 2 3 --help", "help get", "--help before operand checks" },
	{ "-V get", "version", "-V" },
	{ "--json get 1", "bad", "a command's option before its name" },
	{ "nope", "bad", "an unknown command" },
	{ "get --nope 1", "bad", "an unknown option" },
	{ "get -x 1", "bad", "an unknown flag" },
	{ "get 1 --source", "bad", "an option without its argument" },
	{ "get --json=1 1", "bad", "an argument to an option that takes none" },
	{ "get", "bad", "too few operands" },
	{ "get 1 2 3", "bad", "too many operands" },
	{ "idle 1", "bad", "an operand to a command that takes none" },
	{ "--db", "bad", "--db without its argument" },
};

int
main(void)
{
	size_t	i;
	FILE	*quiet;

	/* usage errors print to stderr: not into the TAP log */
	quiet = freopen("/dev/null", "w", stderr);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_str(parse(cases[i].line), cases[i].want, "%s: '%s'",
		    cases[i].what, cases[i].line);
	ok(quiet != NULL, "stderr could be silenced");
	{
		char		*argv[] = { (char *)"newsread", (char *)"get",
				    (char *)"-j", (char *)"7", NULL };
		struct nr	 nr;
		struct cmd_args	 args;

		ok(cmd_parse(4, argv, cmds, 2, "idle", &nr, &args) == CMD_RUN &&
		    cmd_has(&args, "json") && !cmd_has(&args, "quiet") &&
		    cmd_get(&args, "source") == NULL &&
		    strcmp(cmd_get(&args, "json"), "") == 0,
		    "cmd_has and cmd_get read the values by name");
		cmd_args_free(&args);
	}
	return done_testing();
}
