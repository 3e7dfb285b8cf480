/*
 * doc_completion.c: the shell completion scripts for bash, zsh and fish,
 * written from the command tables (see doc.h).
 *
 * Each script is the tables as data (functions that answer "the
 * subcommands of opp", "the options of opp add", "what --stage of opp add
 * takes", "what the second argument of opp move is") and a driver written
 * once per shell that walks the words typed so far. bash and zsh share the
 * data and the walk (zsh runs it with 0-based arrays); fish has its own.
 *
 * What a value completes to is a spec, one word the drivers read:
 *   w:NAME NAME...  one of these names (an option's enum_def)
 *   r:WHAT          an existing record: 'rapport complete WHAT PREFIX'
 *   f               a file name
 *   t               a text: nothing to offer
 */
#include "cli/doc.h"

#include <string.h>

#include "store/complete.h"

enum shell { SH_BASH, SH_ZSH, SH_FISH };

/* ---- what an argument completes to ---- */

/* The words of a command's usage ("OPP STAGE") and its options' value
 * placeholders that name records or files; group: where the word means
 * that only there (a task's ID; merge's KEEP and OTHER). */
static const struct {
	const char *group, *word;
	const char *spec;
} word_specs[] = {
	{ NULL, "OPP", "r:opps" },       { NULL, "PERSON", "r:people" },
	{ NULL, "ORG", "r:orgs" },       { NULL, "FILE", "f" },
	{ NULL, "TASK", "r:tasks" },
	{ "task", "ID", "r:tasks" },     { "org", "KEEP", "r:orgs" },
	{ "org", "OTHER", "r:orgs" },    { "person", "KEEP", "r:people" },
	{ "person", "OTHER", "r:people" },
};

/* The positional words of the command line whose names are an enum's. */
static const struct {
	const char *word;
	const struct enum_def *def;
} word_enums[] = {
	{ "STAGE", &stage_def },
	{ "KIND", &interaction_kind_def },
	{ "STATUS", &want_status_def },
};

static void add_enum_spec(struct strbuf *spec, const struct enum_def *def)
{
	strbuf_addstr(spec, "w:");
	for (size_t i = 0; i < def->count; i++)
		strbuf_addf(spec, "%s%s", i ? " " : "", def->names[i]);
}

/* The spec of word (a placeholder) in group, "t" when it names nothing known. */
static void word_spec(struct strbuf *spec, const char *group, const char *word)
{
	for (size_t i = 0; i < ARRAY_SIZE(word_enums); i++)
		if (!strcmp(word, word_enums[i].word)) {
			add_enum_spec(spec, word_enums[i].def);
			return;
		}
	for (size_t i = 0; i < ARRAY_SIZE(word_specs); i++)
		if (!strcmp(word, word_specs[i].word) &&
		    (!word_specs[i].group || !strcmp(group, word_specs[i].group))) {
			strbuf_addstr(spec, word_specs[i].spec);
			return;
		}
	strbuf_addch(spec, 't');
}

static void option_spec(struct strbuf *spec, const char *group, const struct opt_spec *o)
{
	if (o->values)
		add_enum_spec(spec, o->values);
	else
		word_spec(spec, group, o->arg);
}

/* ---- quoting ---- */

/* s as one word of the shell, in single quotes (a line break stays one:
 * the lines of an about function). */
static void add_quoted(struct strbuf *sb, enum shell shell, const char *s)
{
	strbuf_addch(sb, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			strbuf_addstr(sb, shell == SH_FISH ? "\\'" : "'\\''");
		else if (*s == '\\' && shell == SH_FISH)
			strbuf_addstr(sb, "\\\\");
		else
			strbuf_addch(sb, *s);
	}
	strbuf_addch(sb, '\'');
}

/* ---- the tables as shell functions ---- */

/* A function that answers its arguments joined by spaces with a case (sh)
 * or a switch (fish): open, one arm a key, close. */
static void func_open(struct strbuf *sb, enum shell shell, const char *name, int nargs)
{
	static const char *const sh_args[] = { "", "$1", "$1 $2", "$1 $2 $3" };
	static const char *const fish_args[] = { "", "$argv[1]", "$argv[1] $argv[2]",
						 "$argv[1] $argv[2] $argv[3]" };

	if (shell == SH_FISH)
		strbuf_addf(sb, "function %s\n\tswitch \"%s\"\n", name, fish_args[nargs]);
	else
		strbuf_addf(sb, "%s() {\n\tcase \"%s\" in\n", name, sh_args[nargs]);
}

/* An arm: key (a pattern: "*" is any text) prints value. */
static void func_arm(struct strbuf *sb, enum shell shell, const char *key, bool wild,
		     const char *value)
{
	strbuf_addstr(sb, shell == SH_FISH ? "\tcase " : "\t");
	add_quoted(sb, shell, key);
	strbuf_addstr(sb, wild ? "*" : "");
	strbuf_addstr(sb, shell == SH_FISH ? "\n\t\techo " : ") echo ");
	add_quoted(sb, shell, value);
	strbuf_addstr(sb, shell == SH_FISH ? "\n" : " ;;\n");
}

static void func_close(struct strbuf *sb, enum shell shell)
{
	strbuf_addstr(sb, shell == SH_FISH ? "\tend\nend\n\n" : "\tesac\n}\n\n");
}

/* "opp add": the key of a command in the tables' functions. */
static void command_key(struct strbuf *key, const struct cmd_group *g, const struct cmd_spec *c)
{
	strbuf_reset(key);
	strbuf_addf(key, "%s %s", g->name, c->name);
}

/* How a function lists its entries (groups, subcommands, options):
 * add_name puts their names on one line, for the walk and for bash;
 * add_about a "NAME<sep>WHAT" line each, for zsh and fish, which show
 * what a candidate is beside it (the first line of its summary or help). */
typedef void add_entry_fn(struct strbuf *line, enum shell shell, const char *name,
			  const char *what);

static void add_name(struct strbuf *line, enum shell shell, const char *name, const char *what)
{
	(void)shell;
	(void)what;
	strbuf_addf(line, "%s%s", line->len ? " " : "", name);
}

static void add_about(struct strbuf *line, enum shell shell, const char *name, const char *what)
{
	strbuf_addf(line, "%s%s%c%.*s", line->len ? "\n" : "", name,
		    shell == SH_FISH ? '\t' : ':', (int)strcspn(what, "\n"), what);
}

/* GROUPS_FN: the groups; SUBS_FN GROUP: its subcommands. */
static void write_group_funcs(struct strbuf *sb, enum shell shell, const char *groups_fn,
			      const char *subs_fn, add_entry_fn *add)
{
	struct strbuf line = STRBUF_INIT;

	for (const struct cmd_group *g = cmd_groups; g->name; g++)
		add(&line, shell, g->name, g->summary);
	func_open(sb, shell, groups_fn, 0);
	func_arm(sb, shell, "", false, line.buf);
	func_close(sb, shell);
	func_open(sb, shell, subs_fn, 1);
	for (const struct cmd_group *g = cmd_groups; g->name; g++) {
		strbuf_reset(&line);
		for (const struct cmd_spec *c = g->cmds; c->run; c++)
			if (c->name[0])
				add(&line, shell, c->name, c->summary);
		func_arm(sb, shell, g->name, false, line.buf);
	}
	func_close(sb, shell);
	strbuf_release(&line);
}

/* OPTS_FN GROUP SUB: the command's options. */
static void write_opts_func(struct strbuf *sb, enum shell shell, const char *opts_fn,
			    add_entry_fn *add)
{
	struct strbuf key = STRBUF_INIT, line = STRBUF_INIT, opt = STRBUF_INIT;

	func_open(sb, shell, opts_fn, 2);
	for (const struct cmd_group *g = cmd_groups; g->name; g++)
		for (const struct cmd_spec *c = g->cmds; c->run; c++) {
			strbuf_reset(&line);
			for (const struct opt_spec *o = c->opts; o && o->name; o++) {
				if (o->flags & OPT_HIDDEN)
					continue;
				strbuf_reset(&opt);
				strbuf_addf(&opt, "--%s", o->name);
				add(&line, shell, opt.buf, o->help);
			}
			command_key(&key, g, c);
			func_arm(sb, shell, key.buf, false, line.buf);
		}
	func_close(sb, shell);
	strbuf_release(&key);
	strbuf_release(&line);
	strbuf_release(&opt);
}

/* _rapport_groups, _rapport_subs GROUP, _rapport_opts GROUP SUB (names on
 * one line); _rapport_default GROUP: "yes" when its first command has no
 * name (rapport agenda); _rapport_option GROUP SUB OPTION: the spec of
 * what the option takes, nothing for a flag. */
static void write_tables(struct strbuf *sb, enum shell shell)
{
	struct strbuf key = STRBUF_INIT, spec = STRBUF_INIT;

	write_group_funcs(sb, shell, "_rapport_groups", "_rapport_subs", add_name);
	write_opts_func(sb, shell, "_rapport_opts", add_name);
	func_open(sb, shell, "_rapport_default", 1);
	for (const struct cmd_group *g = cmd_groups; g->name; g++)
		if (!g->cmds[0].name[0])
			func_arm(sb, shell, g->name, false, "yes");
	func_close(sb, shell);
	func_open(sb, shell, "_rapport_option", 3);
	for (const struct cmd_group *g = cmd_groups; g->name; g++)
		for (const struct cmd_spec *c = g->cmds; c->run; c++)
			for (const struct opt_spec *o = c->opts; o && o->name; o++) {
				if (!o->arg)
					continue;
				strbuf_reset(&spec);
				option_spec(&spec, g->name, o);
				command_key(&key, g, c);
				strbuf_addf(&key, " --%s", o->name);
				func_arm(sb, shell, key.buf, false, spec.buf);
				if (!o->letter)
					continue;
				command_key(&key, g, c);
				strbuf_addf(&key, " -%c", o->letter);
				func_arm(sb, shell, key.buf, false, spec.buf);
			}
	func_close(sb, shell);
	strbuf_release(&key);
	strbuf_release(&spec);
}

/* The arms of one command's arguments: "opp move 0", "opp move 1"; an
 * argument that repeats ("[OPP...]") answers every position from its own. */
static void command_args(struct strbuf *sb, enum shell shell, const struct cmd_group *g,
			 const struct cmd_spec *c)
{
	struct strbuf key = STRBUF_INIT, spec = STRBUF_INIT, word = STRBUF_INIT;
	const char *p = c->usage ? c->usage : "";

	for (int n = 0; *p; n++) {
		size_t len = strcspn(p, " ");
		bool repeats = memmem(p, len, "...", 3) != NULL;

		strbuf_reset(&word);
		for (size_t i = 0; i < len; i++)
			if (p[i] != '[' && p[i] != ']' && p[i] != '.')
				strbuf_addch(&word, p[i]);
		strbuf_reset(&spec);
		word_spec(&spec, g->name, word.buf);
		command_key(&key, g, c);
		if (!repeats)
			strbuf_addf(&key, " %d", n);
		else
			strbuf_addch(&key, ' ');
		func_arm(sb, shell, key.buf, repeats, spec.buf);
		p += len;
		p += strspn(p, " ");
	}
	strbuf_release(&key);
	strbuf_release(&spec);
	strbuf_release(&word);
}

/* _rapport_arg GROUP SUB N: the spec of the command's argument N (from 0). */
static void write_args(struct strbuf *sb, enum shell shell)
{
	func_open(sb, shell, "_rapport_arg", 3);
	for (const struct cmd_group *g = cmd_groups; g->name; g++)
		for (const struct cmd_spec *c = g->cmds; c->run; c++)
			command_args(sb, shell, g, c);
	func_close(sb, shell);
}

/* For zsh and fish: _rapport_about_groups, _rapport_about_subs GROUP,
 * _rapport_about_opts GROUP SUB, a "NAME<sep>WHAT" line each. */
static void write_abouts(struct strbuf *sb, enum shell shell)
{
	write_group_funcs(sb, shell, "_rapport_about_groups", "_rapport_about_subs", add_about);
	write_opts_func(sb, shell, "_rapport_about_opts", add_about);
}

/* ---- the drivers ---- */

/* bash and zsh: the words typed so far (_rw, from 0, the cursor's at _rc)
 * into the group (_rg), the subcommand (_rs) and what the word under the
 * cursor is (_rwhat: groups, subs, opts or a spec; _rsubs: the group's
 * subcommands may be typed there too); --db and its value in _rdb, so
 * that the names come from the database the line names. */
static const char sh_parse[] =
	"_rapport_is_sub() {\n"
	"\tcase \" $(_rapport_subs \"$1\") \" in *\" $2 \"*) return 0 ;; esac\n"
	"\treturn 1\n"
	"}\n"
	"\n"
	"_rapport_parse() {\n"
	"\tlocal i=1 n=0 w spec\n"
	"\t_rg= _rs= _rwhat= _rsubs= _rdb=()\n"
	"\twhile [ \"$i\" -lt \"$_rc\" ]; do\n"
	"\t\tcase ${_rw[i]} in\n"
	"\t\t--db) _rdb=(--db \"${_rw[i+1]}\"); i=$((i + 2)) ;;\n"
	"\t\t--db=*) _rdb=(\"${_rw[i]}\"); i=$((i + 1)) ;;\n"
	"\t\t--json|--help|-h) i=$((i + 1)) ;;\n"
	"\t\t*) break ;;\n"
	"\t\tesac\n"
	"\tdone\n"
	"\tif [ \"$i\" -gt \"$_rc\" ]; then _rwhat=f; return; fi\n"
	"\tif [ \"$i\" -eq \"$_rc\" ]; then _rwhat=groups; return; fi\n"
	"\t_rg=${_rw[i]}; i=$((i + 1))\n"
	"\tif [ \"$_rg\" = help ]; then\n"
	"\t\tif [ \"$i\" -eq \"$_rc\" ]; then _rwhat=groups\n"
	"\t\telif [ $((i + 1)) -eq \"$_rc\" ]; then _rg=${_rw[i]}; _rwhat=subs; fi\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tif [ \"$i\" -lt \"$_rc\" ] && _rapport_is_sub \"$_rg\" \"${_rw[i]}\"; then\n"
	"\t\t_rs=${_rw[i]}; i=$((i + 1))\n"
	"\telif [ -z \"$(_rapport_default \"$_rg\")\" ]; then\n"
	"\t\t[ \"$i\" -eq \"$_rc\" ] && _rwhat=subs\n"
	"\t\treturn\n"
	"\telif [ \"$i\" -eq \"$_rc\" ]; then\n"
	"\t\t_rsubs=yes\n"
	"\tfi\n"
	"\twhile [ \"$i\" -lt \"$_rc\" ]; do\n"
	"\t\tw=${_rw[i]}\n"
	"\t\tcase $w in\n"
	"\t\t-?*=*|--) ;;\n"
	"\t\t-?*)\n"
	"\t\t\tspec=$(_rapport_option \"$_rg\" \"$_rs\" \"$w\")\n"
	"\t\t\tif [ -n \"$spec\" ]; then\n"
	"\t\t\t\ti=$((i + 1))\n"
	"\t\t\t\tif [ \"$i\" -eq \"$_rc\" ]; then _rwhat=$spec; return; fi\n"
	"\t\t\tfi ;;\n"
	"\t\t*) n=$((n + 1)) ;;\n"
	"\t\tesac\n"
	"\t\ti=$((i + 1))\n"
	"\tdone\n"
	"\tcase ${_rw[_rc]} in\n"
	"\t-*) _rwhat=opts ;;\n"
	"\t*) _rwhat=$(_rapport_arg \"$_rg\" \"$_rs\" \"$n\") ;;\n"
	"\tesac\n"
	"}\n"
	"\n";

static const char bash_driver[] =
	"# _rapport_records WHAT PREFIX: the names of existing records, each\n"
	"# quoted for the line (a name may hold spaces)\n"
	"_rapport_records() {\n"
	"\tlocal line prefix=${2//\\\\/}\n"
	"\tprefix=${prefix#[\\\"\\']}\n"
	"\twhile IFS= read -r line; do\n"
	"\t\tCOMPREPLY+=(\"$(printf '%q' \"${line%%\t*}\")\")\n"
	"\tdone < <(\"$_rbin\" \"${_rdb[@]}\" complete \"$1\" \"$prefix\" 2>/dev/null)\n"
	"}\n"
	"\n"
	"_rapport() {\n"
	"\tlocal _rbin=${COMP_WORDS[0]} _rc=$COMP_CWORD _rg _rs _rwhat _rsubs\n"
	"\tlocal cur=${COMP_WORDS[COMP_CWORD]} IFS=$' \\t\\n'\n"
	"\tlocal -a _rw=(\"${COMP_WORDS[@]}\") _rdb\n"
	"\tCOMPREPLY=()\n"
	"\t_rapport_parse\n"
	"\tcase $_rwhat in\n"
	"\tgroups) COMPREPLY=($(compgen -W \"$(_rapport_groups) help --db --json --help "
	"--version\" -- \"$cur\")) ;;\n"
	"\tsubs) COMPREPLY=($(compgen -W \"$(_rapport_subs \"$_rg\")\" -- \"$cur\")) ;;\n"
	"\topts) COMPREPLY=($(compgen -W \"$(_rapport_opts \"$_rg\" \"$_rs\")\" -- \"$cur\")) ;;\n"
	"\tw:*) COMPREPLY=($(compgen -W \"${_rwhat#w:}\" -- \"$cur\")) ;;\n"
	"\tr:*) _rapport_records \"${_rwhat#r:}\" \"$cur\" ;;\n"
	"\tf) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
	"\tesac\n"
	"\tif [ -n \"$_rsubs\" ]; then\n"
	"\t\tCOMPREPLY+=($(compgen -W \"$(_rapport_subs \"$_rg\")\" -- \"$cur\"))\n"
	"\tfi\n"
	"\treturn 0\n"
	"}\n"
	"\n"
	"complete -F _rapport rapport\n";

static const char zsh_driver[] =
	"# _rapport_describe TAG LINES: \"name:what\" lines as candidates\n"
	"_rapport_describe() {\n"
	"\tlocal -a items\n"
	"\titems=(\"${(@f)2}\")\n"
	"\t[[ -n $2 ]] && _describe -t \"$1\" \"$1\" items\n"
	"}\n"
	"\n"
	"_rapport_records() {\n"
	"\tlocal line value\n"
	"\tlocal -a items\n"
	"\tfor line in \"${(@f)$(\"$_rbin\" \"${_rdb[@]}\" complete \"$1\" \"$PREFIX\" "
	"2>/dev/null)}\"; do\n"
	"\t\t[[ -z $line ]] && continue\n"
	"\t\tvalue=${line%%$'\\t'*}\n"
	"\t\titems+=(\"${value//:/\\\\:}:${line#*$'\\t'}\")\n"
	"\tdone\n"
	"\t_describe -t records \"$1\" items\n"
	"}\n"
	"\n"
	"# the walk with arrays from 0, as bash's; zsh's own functions run after\n"
	"# it with the options they expect\n"
	"_rapport_walk() {\n"
	"\tsetopt localoptions ksharrays\n"
	"\t_rbin=${words[0]} _rc=$((CURRENT - 1))\n"
	"\t_rw=(\"${words[@]}\")\n"
	"\t_rapport_parse\n"
	"}\n"
	"\n"
	"_rapport() {\n"
	"\tlocal _rbin _rc _rg _rs _rwhat _rsubs\n"
	"\tlocal -a _rw _rdb\n"
	"\t_rapport_walk\n"
	"\tcase $_rwhat in\n"
	"\tgroups) _rapport_describe command \"$(_rapport_about_groups)\"\n"
	"\t\tcompadd -- help --db --json --help --version ;;\n"
	"\tsubs) _rapport_describe subcommand \"$(_rapport_about_subs \"$_rg\")\" ;;\n"
	"\topts) _rapport_describe option \"$(_rapport_about_opts \"$_rg\" \"$_rs\")\" ;;\n"
	"\tw:*) compadd -- ${=_rwhat#w:} ;;\n"
	"\tr:*) _rapport_records \"${_rwhat#r:}\" ;;\n"
	"\tf) _files ;;\n"
	"\tesac\n"
	"\t[[ -n $_rsubs ]] && _rapport_describe subcommand \"$(_rapport_about_subs \"$_rg\")\"\n"
	"\treturn 0\n"
	"}\n"
	"\n"
	"_rapport \"$@\"\n";

/* fish: the same walk over 'commandline -opc', printing the candidates
 * ("value<TAB>what" lines) that fish filters by what is typed. */
static const char fish_driver[] =
	"function _rapport_records\n"
	"\tset -l db\n"
	"\tset -l words (commandline -opc)\n"
	"\tcommand -q $words[1]; or return\n"
	"\tif set -l i (contains -i -- --db $words); and test (count $words) -gt $i\n"
	"\t\tset db --db $words[(math $i + 1)]\n"
	"\tend\n"
	"\t$words[1] $db complete $argv[1] (commandline -ct) 2>/dev/null\n"
	"end\n"
	"\n"
	"function _rapport_values\n"
	"\tswitch $argv[1]\n"
	"\tcase 'w:*'\n"
	"\t\tstring split ' ' -- (string sub -s 3 -- $argv[1])\n"
	"\tcase 'r:*'\n"
	"\t\t_rapport_records (string sub -s 3 -- $argv[1])\n"
	"\tcase f\n"
	"\t\t__fish_complete_path (commandline -ct)\n"
	"\tend\n"
	"end\n"
	"\n"
	"function _rapport_candidates\n"
	"\tset -l words (commandline -opc)\n"
	"\tset -l i 2\n"
	"\tset -l n (count $words)\n"
	"\twhile test $i -le $n\n"
	"\t\tswitch $words[$i]\n"
	"\t\tcase --db\n"
	"\t\t\tset i (math $i + 2)\n"
	"\t\tcase '--db=*' --json --help -h\n"
	"\t\t\tset i (math $i + 1)\n"
	"\t\tcase '*'\n"
	"\t\t\tbreak\n"
	"\t\tend\n"
	"\tend\n"
	"\tif test $i -gt (math $n + 1)\n"
	"\t\t_rapport_values f; return\n"
	"\tend\n"
	"\tif test $i -gt $n\n"
	"\t\t_rapport_about_groups; printf '%s\\n' help --db --json --help --version; return\n"
	"\tend\n"
	"\tset -l group $words[$i]\n"
	"\tset i (math $i + 1)\n"
	"\tif test $group = help\n"
	"\t\tif test $i -gt $n\n"
	"\t\t\t_rapport_about_groups\n"
	"\t\telse if test $i -eq $n\n"
	"\t\t\t_rapport_about_subs $words[$i]\n"
	"\t\tend\n"
	"\t\treturn\n"
	"\tend\n"
	"\tset -l sub ''\n"
	"\tset -l subs_too no\n"
	"\tif test $i -le $n; and contains -- $words[$i] (string split ' ' -- "
	"(_rapport_subs $group))\n"
	"\t\tset sub $words[$i]\n"
	"\t\tset i (math $i + 1)\n"
	"\telse if test -z \"$(_rapport_default $group)\"\n"
	"\t\ttest $i -gt $n; and _rapport_about_subs $group\n"
	"\t\treturn\n"
	"\telse if test $i -gt $n\n"
	"\t\tset subs_too yes\n"
	"\tend\n"
	"\tset -l args 0\n"
	"\twhile test $i -le $n\n"
	"\t\tset -l w $words[$i]\n"
	"\t\tswitch $w\n"
	"\t\tcase '-*=*' --\n"
	"\t\tcase '-?*'\n"
	"\t\t\tset -l spec (_rapport_option $group \"$sub\" $w)\n"
	"\t\t\tif test -n \"$spec\"\n"
	"\t\t\t\tset i (math $i + 1)\n"
	"\t\t\t\tif test $i -gt $n\n"
	"\t\t\t\t\t_rapport_values $spec; return\n"
	"\t\t\t\tend\n"
	"\t\t\tend\n"
	"\t\tcase '*'\n"
	"\t\t\tset args (math $args + 1)\n"
	"\t\tend\n"
	"\t\tset i (math $i + 1)\n"
	"\tend\n"
	"\tif string match -q -- '-*' (commandline -ct)\n"
	"\t\t_rapport_about_opts $group \"$sub\"\n"
	"\telse\n"
	"\t\t_rapport_values (_rapport_arg $group \"$sub\" $args)\n"
	"\t\ttest $subs_too = yes; and _rapport_about_subs $group\n"
	"\tend\n"
	"end\n"
	"\n"
	"complete -c rapport -f -a '(_rapport_candidates)'\n";

int doc_completion_write(struct strbuf *sb, const char *shell_name, struct error *err)
{
	static const char *const names[] = { "bash", "zsh", "fish" };
	enum shell shell;
	size_t i = 0;

	while (i < ARRAY_SIZE(names) && strcmp(names[i], shell_name))
		i++;
	if (i == ARRAY_SIZE(names))
		return error_set(err, ERR_NOT_FOUND, "no completion for '%s' (bash, zsh or fish)",
				 shell_name);
	shell = (enum shell)i;
	strbuf_addstr(sb, shell == SH_ZSH ? "#compdef rapport\n" : "");
	strbuf_addf(sb, "# %s completion for rapport, written by 'rapport doc completion %s'\n"
			"# from rapport's command tables: do not edit.\n\n",
		    shell_name, shell_name);
	write_tables(sb, shell);
	write_args(sb, shell);
	if (shell != SH_BASH)
		write_abouts(sb, shell);
	if (shell != SH_FISH)
		strbuf_addstr(sb, sh_parse);
	strbuf_addstr(sb, shell == SH_BASH ? bash_driver : shell == SH_ZSH ? zsh_driver
									     : fish_driver);
	return 0;
}
